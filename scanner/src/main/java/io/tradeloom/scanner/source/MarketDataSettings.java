package io.tradeloom.scanner.source;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.helidon.config.Config;

import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.ConfigurationException;

/**
 * The scanner's market-data settings (see application.yaml for each key's meaning).
 *
 * @param start where a new simulated clock starts; empty for the latest session open
 */
public record MarketDataSettings(String source,
                                 int historyDays,
                                 long simSeed,
                                 double simSpeed,
                                 Optional<Instant> start,
                                 boolean skipClosed,
                                 Optional<Path> simUniverse,
                                 Path replayDir,
                                 double replaySpeed,
                                 int replaySpreadBps,
                                 URI alpacaDataUrl,
                                 String alpacaFeed,
                                 boolean alpacaFreePlan,
                                 List<String> alpacaSymbols,
                                 String alpacaKeyId,
                                 String alpacaSecret,
                                 Duration ingestInterval,
                                 int maxTopN,
                                 int maxBarsLimit) {

    public static final List<String> SOURCES = List.of("sim", "replay", "alpaca");

    public static MarketDataSettings from(Config c) {
        String source = c.get("market.data").asString().orElse("sim").trim().toLowerCase(Locale.ROOT);
        if (!SOURCES.contains(source)) {
            throw new ConfigurationException("MARKET_DATA must be one of " + SOURCES + ", was '" + source + "'");
        }
        String feed = c.get("alpaca.feed").asString().orElse("iex").trim().toLowerCase(Locale.ROOT);
        if (!feed.equals("iex") && !feed.equals("sip")) {
            throw new ConfigurationException("ALPACA_FEED must be iex or sip, was '" + feed + "'");
        }
        MarketDataSettings s = new MarketDataSettings(source,
                integer(c, "market.history-days", 20, 1, 400),
                integer(c, "sim.seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE),
                decimal(c, "sim.speed", 60),
                start(c.get("sim.start").asString().orElse("")),
                bool(c, "sim.skip-closed", true),
                Optional.of(c.get("sim.universe").asString().orElse("").trim()).filter(v -> !v.isEmpty()).map(Path::of),
                Path.of(c.get("replay.dir").asString().orElse("data/replay")),
                decimal(c, "replay.speed", 60),
                integer(c, "replay.spread-bps", 2, 0, 1000),
                url(c.get("alpaca.data-url").asString().orElse("https://data.alpaca.markets")),
                feed,
                bool(c, "alpaca.free-plan", true),
                Arrays.stream(c.get("alpaca.symbols").asString().orElse("").split(","))
                        .map(v -> v.trim().toUpperCase(Locale.ROOT)).filter(v -> !v.isEmpty()).toList(),
                c.get("alpaca.paper-api-key").asString().orElse("").trim(),
                c.get("alpaca.paper-api-secret").asString().orElse("").trim(),
                Duration.ofMillis(integer(c, "ingest.interval-ms", 1000, 10, 60_000)),
                integer(c, "scan.max-top-n", 500, 1, 100_000),
                integer(c, "bars.max-limit", 10_000, 1, 1_000_000));
        if (source.equals("alpaca") && (s.alpacaKeyId.isEmpty() || s.alpacaSecret.isEmpty())) {
            throw new ConfigurationException("MARKET_DATA=alpaca needs ALPACA_PAPER_API_KEY and ALPACA_PAPER_API_SECRET");
        }
        return s;
    }

    /** Speed of the clock for this source; Alpaca runs on real time. */
    public double speed() {
        return switch (source) {
            case "replay" -> replaySpeed;
            case "alpaca" -> 1;
            default -> simSpeed;
        };
    }

    private static Optional<Instant> start(String raw) {
        String v = raw.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException notATime) {
            try {
                return Optional.of(LocalDate.parse(v).atTime(9, 30).atZone(NyseCalendar.ZONE).toInstant());
            } catch (DateTimeParseException notADate) {
                throw new ConfigurationException("SIM_START must be an RFC 3339 time or a date (2026-11-24), was '" + v + "'");
            }
        }
    }

    private static int integer(Config c, String key, int dflt, int min, int max) {
        String raw = c.get(key).asString().orElse(Integer.toString(dflt)).trim();
        try {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) {
                throw new ConfigurationException(envName(key) + " must be between " + min + " and " + max + ", was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(envName(key) + " must be a whole number, was '" + raw + "'");
        }
    }

    private static double decimal(Config c, String key, double dflt) {
        String raw = c.get(key).asString().orElse(Double.toString(dflt)).trim();
        try {
            double v = Double.parseDouble(raw);
            if (!(v > 0) || v > 1_000_000) {
                throw new ConfigurationException(envName(key) + " must be a positive number up to 1000000, was " + raw);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(envName(key) + " must be a number, was '" + raw + "'");
        }
    }

    private static boolean bool(Config c, String key, boolean dflt) {
        String raw = c.get(key).asString().orElse(Boolean.toString(dflt)).trim().toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(envName(key) + " must be true or false, was '" + raw + "'");
        };
    }

    private static URI url(String raw) {
        try {
            URI u = URI.create(raw.trim());
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("ALPACA_DATA_URL must be an http(s) URL, was '" + raw + "'");
        }
    }

    private static String envName(String key) {
        return io.tradeloom.platform.Settings.environmentName(key);
    }
}
