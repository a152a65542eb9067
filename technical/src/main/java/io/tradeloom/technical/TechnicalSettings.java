package io.tradeloom.technical;

import io.helidon.config.Config;

import io.tradeloom.indicators.signal.SignalRules;
import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.Settings;
import io.tradeloom.platform.http.BarsInput;

/**
 * The service's settings (application.yaml documents each key; environment variables override them
 * by UPPER_SNAKE name, e.g. INDICATORS_MAX_BARS, SIGNALS_RULES_EMA_CROSS_WEIGHT).
 *
 * @param maxBars      most bars a POST /api/indicators may carry (413 above) and a GET may ask for
 * @param maxCount     most indicators in one request
 * @param defaultLimit bars GET /api/indicators/{symbol} uses without {@code limit}
 * @param signalBars   the latest stored bars a signal is computed on
 * @param maxSymbols   most symbols in one POST /api/signals
 */
public record TechnicalSettings(int maxBars, int maxCount, int defaultLimit, int signalBars, int maxSymbols,
                                SignalRules rules) {

    public static TechnicalSettings from(Config c) {
        int maxBars = integer(c, "indicators.max-bars", BarsInput.DEFAULT_MAX_BARS, 1, 10_000_000);
        return new TechnicalSettings(maxBars,
                integer(c, "indicators.max-count", 50, 1, 1000),
                integer(c, "indicators.default-limit", 500, 1, maxBars),
                integer(c, "signals.bars", 500, 1, 100_000),
                integer(c, "signals.max-symbols", 100, 1, 10_000),
                rules(c));
    }

    private static SignalRules rules(Config c) {
        SignalRules d = SignalRules.defaults();
        String r = "signals.rules.";
        try {
            return new SignalRules(
                    new SignalRules.EmaCross(decimal(c, r + "ema-cross.weight", d.emaCross().weight()),
                            integer(c, r + "ema-cross.fast", d.emaCross().fast(), 1, 100_000),
                            integer(c, r + "ema-cross.slow", d.emaCross().slow(), 1, 100_000)),
                    new SignalRules.Adx(decimal(c, r + "adx.weight", d.adx().weight()),
                            integer(c, r + "adx.period", d.adx().period(), 1, 100_000),
                            decimal(c, r + "adx.threshold", d.adx().threshold())),
                    new SignalRules.Rsi(decimal(c, r + "rsi.weight", d.rsi().weight()),
                            integer(c, r + "rsi.period", d.rsi().period(), 1, 100_000),
                            decimal(c, r + "rsi.oversold", d.rsi().oversold()),
                            decimal(c, r + "rsi.overbought", d.rsi().overbought())),
                    new SignalRules.Macd(decimal(c, r + "macd.weight", d.macd().weight()),
                            integer(c, r + "macd.fast", d.macd().fast(), 1, 100_000),
                            integer(c, r + "macd.slow", d.macd().slow(), 1, 100_000),
                            integer(c, r + "macd.signal", d.macd().signal(), 1, 100_000)),
                    new SignalRules.Bollinger(decimal(c, r + "bbands.weight", d.bollinger().weight()),
                            integer(c, r + "bbands.period", d.bollinger().period(), 1, 100_000),
                            decimal(c, r + "bbands.deviations", d.bollinger().deviations())),
                    new SignalRules.AtrMove(decimal(c, r + "atr.weight", d.atrMove().weight()),
                            integer(c, r + "atr.period", d.atrMove().period(), 1, 100_000),
                            decimal(c, r + "atr.threshold", d.atrMove().threshold())),
                    integer(c, r + "cross-lookback", d.crossLookback(), 1, 1000),
                    decimal(c, r + "buy-threshold", d.buyThreshold()),
                    decimal(c, r + "sell-threshold", d.sellThreshold()),
                    decimal(c, r + "stop-atr-multiple", d.stopAtrMultiple()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("the signal rules (SIGNALS_RULES_*, signals.rules.*) are inconsistent: " + e.getMessage());
        }
    }

    private static int integer(Config c, String key, int dflt, int min, int max) {
        String raw = c.get(key).asString().orElse(Integer.toString(dflt)).trim();
        int v;
        try {
            v = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name(key) + " must be a whole number, was '" + raw + "'");
        }
        if (v < min || v > max) {
            throw new ConfigurationException(name(key) + " must be between " + min + " and " + max + ", was " + v);
        }
        return v;
    }

    private static double decimal(Config c, String key, double dflt) {
        String raw = c.get(key).asString().orElse(Double.toString(dflt)).trim();
        try {
            double v = Double.parseDouble(raw);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(name(key) + " must be a number, was '" + raw + "'");
    }

    /** How a message names a setting: SIGNALS_RULES_RSI_PERIOD (signals.rules.rsi.period). */
    private static String name(String key) {
        return Settings.environmentName(key) + " (" + key + ")";
    }
}
