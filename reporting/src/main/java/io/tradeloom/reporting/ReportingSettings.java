package io.tradeloom.reporting;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.helidon.config.Config;

import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.Settings;

/**
 * The service's settings (application.yaml documents each key; environment variables override them by
 * UPPER_SNAKE name). The credentials' values are never logged or shown: {@link #toString} hides them.
 */
public record ReportingSettings(String tradingKeyId, String tradingSecret, String apiToken, double riskFreeRate,
                                String liveTimeframe, Duration tradingTimeout, int pageSize, int maxRunning, int maxSymbols,
                                int maxDays, int lookbackBars, long simSeed, Path replayDir) {

    static final Set<String> TIMEFRAMES = Set.of("1Min", "5Min", "15Min", "1H", "1D");

    public static ReportingSettings from(Config c) {
        String timeframe = c.get("reporting.live-timeframe").asString().orElse("1Min").trim();
        if (!TIMEFRAMES.contains(timeframe)) {
            throw new ConfigurationException(name("reporting.live-timeframe") + " must be one of " + TIMEFRAMES + ", was '" + timeframe + "'");
        }
        return new ReportingSettings(
                secret(c, "trading.api-key-id"), secret(c, "trading.api-secret-key"), secret(c, "trading.api-token"),
                rate(c), timeframe,
                Duration.ofMillis(integer(c, "reporting.trading-timeout-ms", 10_000, 1, 600_000)),
                integer(c, "reporting.page-size", 100, 1, 100),
                integer(c, "backtests.max-running", 1, 1, 64),
                integer(c, "backtests.max-symbols", 100, 1, 10_000),
                integer(c, "backtests.max-days", 400, 1, 100_000),
                integer(c, "backtests.lookback-bars", 200, 2, 100_000),
                integer(c, "sim.seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE),
                Path.of(c.get("replay.dir").asString().orElse("data/replay")));
    }

    @Override
    public String toString() {
        return "ReportingSettings[riskFreeRate=" + riskFreeRate + ", liveTimeframe=" + liveTimeframe + ", maxRunning="
                + maxRunning + ", maxSymbols=" + maxSymbols + ", maxDays=" + maxDays + ", credentials hidden]";
    }

    private static String secret(Config c, String key) {
        String v = c.get(key).asString().orElse("").trim();
        if (v.isEmpty()) {
            throw new ConfigurationException(name(key) + " must not be empty");
        }
        return v;
    }

    private static double rate(Config c) {
        String raw = c.get("reporting.risk-free-rate").asString().orElse("0").trim();
        try {
            double v = new BigDecimal(raw).doubleValue();
            if (v > -1 && v < 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(name("reporting.risk-free-rate") + " must be an annual rate as a fraction between -1 and 1 (0.04 for 4 %), was '" + raw + "'");
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

    private static String name(String key) {
        return Settings.environmentName(key) + " (" + key + ")";
    }
}
