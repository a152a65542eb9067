package io.tradeloom.coordination;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.helidon.config.Config;

import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.strategy.StrategyConfig;

/**
 * Coordination's own settings (application.yaml, each overridable by its environment variable).
 *
 * @param everyMinutes  a scheduled cycle every this many market minutes
 * @param deadline      how long a cycle's per-candidate analysis may take in all
 * @param scanPreset    the scanner preset the cycle's scan asks for; empty for none
 * @param topN          how many candidates the scan returns
 * @param timeframe     the bars signals and candlestick patterns are computed on
 * @param patternBars   how many of the latest bars the candlestick patterns are looked for in
 * @param signalBatch   how many symbols one signals request asks for (the batches go in parallel)
 * @param apiToken      the bearer token state-changing /api routes require (never logged)
 * @param tradingKeyId  the key id sent to the trading service's /v2 API
 * @param tradingSecret the secret sent with it (never logged)
 * @param strategy      the strategy's parameters
 */
public record CoordinationSettings(int everyMinutes, Duration deadline, Optional<String> scanPreset, int topN,
                                   Timeframe timeframe, int patternBars, int signalBatch, String apiToken, String tradingKeyId,
                                   String tradingSecret, StrategyConfig strategy) {

    public static CoordinationSettings from(Config config) {
        String preset = config.get("cycle.scan-preset").asString().orElse("").trim();
        Timeframe timeframe;
        String rawTimeframe = config.get("cycle.timeframe").asString().orElse("1Min");
        try {
            timeframe = Timeframe.parse(rawTimeframe);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("CYCLE_TIMEFRAME: " + e.getMessage());
        }
        StrategyConfig strategy;
        try {
            strategy = StrategyConfig.fromSettings(name -> config.get(key(name)).asString().orElse(null));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
        return new CoordinationSettings(
                between(config, "cycle.every-minutes", 1, 1, 390),
                Duration.ofMillis(between(config, "cycle.deadline-ms", 5000, 50, 600_000)),
                preset.isEmpty() ? Optional.empty() : Optional.of(preset),
                between(config, "cycle.top-n", 10, 1, 500),
                timeframe,
                between(config, "cycle.pattern-bars", 50, 10, 5000),
                between(config, "cycle.signal-batch", 10, 1, 500),
                secret(config, "trading.api-token", "TRADING_API_TOKEN"),
                secret(config, "trading.api-key-id", "TRADING_API_KEY_ID"),
                secret(config, "trading.api-secret-key", "TRADING_API_SECRET_KEY"),
                strategy);
    }

    /** STRATEGY_RISK_PERCENT -> strategy.risk-percent. */
    static String key(String settingName) {
        return "strategy." + settingName.substring("STRATEGY_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static int between(Config config, String key, int dflt, int min, int max) {
        String raw = config.get(key).asString().orElse(Integer.toString(dflt)).trim();
        String name = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        try {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) {
                throw new ConfigurationException(name + " must be from " + min + " to " + max + ", was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name + " must be a whole number, was '" + raw + "'");
        }
    }

    private static String secret(Config config, String key, String variable) {
        String v = config.get(key).asString().orElse("").trim();
        if (v.isEmpty()) {
            throw new ConfigurationException(variable + " must not be empty");
        }
        return v;
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "CoordinationSettings[everyMinutes=" + everyMinutes + ", deadline=" + deadline + ", scanPreset=" + scanPreset
                + ", topN=" + topN + ", timeframe=" + timeframe.label() + ", patternBars=" + patternBars + ", signalBatch=" + signalBatch
                + ", strategy=" + strategy.name() + "]";
    }
}
