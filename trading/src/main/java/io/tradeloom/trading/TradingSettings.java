package io.tradeloom.trading;

import io.helidon.config.Config;

import io.tradeloom.broker.BrokerConfig;
import io.tradeloom.broker.RiskLimits;
import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.Settings;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

/**
 * The paper trading service's settings (application.yaml documents each key; environment variables override them by
 * UPPER_SNAKE name: TRADING_API_KEY_ID, PAPER_STARTING_CASH, RISK_MAX_ORDER_NOTIONAL, BROKER, ...).
 *
 * @param apiKeyId     the APCA-API-KEY-ID the /v2 API accepts
 * @param apiSecretKey the APCA-API-SECRET-KEY the /v2 API accepts
 * @param apiToken     the bearer token state-changing /api calls need
 * @param mode         paper (this engine) or alpaca (Alpaca's paper API, mirrored here)
 * @param poll         how often the engine looks for new quotes, bars and the clock
 */
public record TradingSettings(String apiKeyId, String apiSecretKey, String apiToken, Mode mode, BrokerConfig broker,
                              RiskLimits risk, Duration poll, URI alpacaTradingUrl, String alpacaKeyId,
                              String alpacaSecret) {

    public enum Mode { PAPER, ALPACA }

    /** Never print the secrets. */
    @Override
    public String toString() {
        return "TradingSettings[mode=" + mode + ", broker=" + broker + ", risk=" + risk + ", poll=" + poll + "]";
    }

    public static TradingSettings from(Config c) {
        String mode = string(c, "broker", "paper");
        Mode m = switch (mode) {
            case "paper" -> Mode.PAPER;
            case "alpaca" -> Mode.ALPACA;
            default -> throw new ConfigurationException("BROKER must be paper or alpaca, was '" + mode + "'");
        };
        BrokerConfig broker;
        try {
            broker = new BrokerConfig(decimal(c, "paper.starting-cash", "100000"),
                    decimal(c, "paper.slippage-bps", "0"),
                    decimal(c, "paper.commission.per-share", "0"),
                    decimal(c, "paper.commission.per-order", "0"),
                    decimal(c, "paper.commission.bps", "0"),
                    decimal(c, "paper.max-bar-participation", "0.25"),
                    bool(c, "paper.limit-to-quote-size", false),
                    decimal(c, "paper.margin-multiplier", "1"));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("the paper broker settings (PAPER_*) are invalid: " + e.getMessage());
        }
        RiskLimits risk = new RiskLimits(optionalDecimal(c, "risk.max-position-pct"),
                optionalLong(c, "risk.max-position-shares"),
                optionalLong(c, "risk.max-open-positions") == null ? null
                        : Math.toIntExact(optionalLong(c, "risk.max-open-positions")),
                optionalDecimal(c, "risk.max-order-notional"),
                optionalDecimal(c, "risk.reduce-at-daily-loss-pct"),
                optionalDecimal(c, "risk.halt-at-daily-loss-pct"),
                optionalDecimal(c, "risk.halt-at-drawdown-pct"),
                bool(c, "risk.allow-short", true),
                bool(c, "risk.market-hours-only", false),
                optionalDecimal(c, "risk.pdt-equity-threshold"));
        long pollMs = optionalLong(c, "paper.poll-ms") == null ? 1000 : optionalLong(c, "paper.poll-ms");
        if (pollMs < 10 || pollMs > 60_000) {
            throw new ConfigurationException("PAPER_POLL_MS must be from 10 to 60000, was " + pollMs);
        }
        String keyId = string(c, "trading.api-key-id", "");
        String secret = string(c, "trading.api-secret-key", "");
        String token = string(c, "trading.api-token", "");
        if (keyId.isEmpty() || secret.isEmpty() || token.isEmpty()) {
            throw new ConfigurationException("TRADING_API_KEY_ID, TRADING_API_SECRET_KEY and TRADING_API_TOKEN must not be empty");
        }
        URI alpacaUrl;
        try {
            alpacaUrl = URI.create(string(c, "alpaca.trading-url", "https://paper-api.alpaca.markets"));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("ALPACA_TRADING_URL is not a URL");
        }
        String alpacaKey = string(c, "alpaca.paper-api-key", "");
        String alpacaSecret = string(c, "alpaca.paper-api-secret", "");
        if (m == Mode.ALPACA && (alpacaKey.isEmpty() || alpacaSecret.isEmpty())) {
            throw new ConfigurationException("BROKER=alpaca needs ALPACA_PAPER_API_KEY and ALPACA_PAPER_API_SECRET");
        }
        return new TradingSettings(keyId, secret, token, m, broker, risk, Duration.ofMillis(pollMs), alpacaUrl,
                alpacaKey, alpacaSecret);
    }

    private static String string(Config c, String key, String dflt) {
        return c.get(key).asString().orElse(dflt).trim();
    }

    private static boolean bool(Config c, String key, boolean dflt) {
        String raw = string(c, key, Boolean.toString(dflt));
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(name(key) + " must be true or false, was '" + raw + "'");
        };
    }

    private static BigDecimal decimal(Config c, String key, String dflt) {
        BigDecimal v = optionalDecimal(c, key);
        return v == null ? new BigDecimal(dflt) : v;
    }

    /** Absent or empty: the limit is off. */
    private static BigDecimal optionalDecimal(Config c, String key) {
        String raw = string(c, key, "");
        if (raw.isEmpty()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(raw);
            if (v.signum() < 0) {
                throw new ConfigurationException(name(key) + " must not be negative, was " + raw);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name(key) + " must be a decimal number, was '" + raw + "'");
        }
    }

    private static Long optionalLong(Config c, String key) {
        String raw = string(c, key, "");
        if (raw.isEmpty()) {
            return null;
        }
        try {
            long v = Long.parseLong(raw);
            if (v < 0) {
                throw new ConfigurationException(name(key) + " must not be negative, was " + raw);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name(key) + " must be a whole number, was '" + raw + "'");
        }
    }

    private static String name(String key) {
        return Settings.environmentName(key) + " (" + key + ")";
    }
}
