package io.tradeloom.news;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.helidon.config.Config;

import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.Settings;

/**
 * The service's settings (application.yaml documents each key; environment variables override them by
 * UPPER_SNAKE name, e.g. NEWS_SOURCE, NEWS_RSS_FEEDS, SENTIMENT_HALF_LIFE_MINUTES).
 *
 * @param pollInterval   how often the source is polled
 * @param rssTimeout     how long one feed may take to answer
 * @param halfLife       the rolling sentiment's decay half-life
 * @param window         how far back items count towards a symbol's rolling sentiment
 * @param maxTextChars   the longest text POST /api/sentiment scores (400 above)
 */
public record NewsSettings(String source, Duration pollInterval, List<URI> rssFeeds, Duration rssTimeout,
                           int rssMaxBytes, URI alpacaDataUrl, String alpacaKeyId, String alpacaSecret,
                           Duration alpacaLookback, Duration halfLife, Duration window, int maxTextChars,
                           int defaultLimit, int maxLimit) {

    public static final List<String> SOURCES = List.of("sim", "rss", "alpaca");

    public static NewsSettings from(Config c) {
        String source = c.get("news.source").asString().orElse("sim").strip().toLowerCase(Locale.ROOT);
        if (!SOURCES.contains(source)) {
            throw new ConfigurationException(name("news.source") + " must be one of " + SOURCES + ", was '" + source + "'");
        }
        // Each source has its own sensible pace: the simulated market moves fast, feeds and Alpaca should not be hammered.
        int defaultPollMs = switch (source) {
            case "sim" -> 5_000;
            case "alpaca" -> 60_000;
            default -> 300_000;
        };
        String rawPoll = c.get("news.poll-interval-ms").asString().orElse("").strip();
        int pollMs = rawPoll.isEmpty() ? defaultPollMs : integer(c, "news.poll-interval-ms", defaultPollMs, 100, 86_400_000);
        List<URI> feeds = feeds(c.get("news.rss.feeds").asString().orElse(""));
        if (source.equals("rss") && feeds.isEmpty()) {
            throw new ConfigurationException("NEWS_SOURCE=rss needs at least one feed URL in " + name("news.rss.feeds"));
        }
        String keyId = c.get("alpaca.paper-api-key").asString().orElse("").strip();
        String secret = c.get("alpaca.paper-api-secret").asString().orElse("").strip();
        if (source.equals("alpaca") && (keyId.isEmpty() || secret.isEmpty())) {
            throw new ConfigurationException("NEWS_SOURCE=alpaca needs ALPACA_PAPER_API_KEY and ALPACA_PAPER_API_SECRET");
        }
        int maxLimit = integer(c, "news.max-limit", 500, 1, 100_000);
        return new NewsSettings(source, Duration.ofMillis(pollMs), feeds,
                Duration.ofMillis(integer(c, "news.rss.timeout-ms", 10_000, 100, 600_000)),
                integer(c, "news.rss.max-bytes", 5_000_000, 1_000, 100_000_000),
                uri(c, "alpaca.data-url", "https://data.alpaca.markets"), keyId, secret,
                Duration.ofHours(integer(c, "news.alpaca.lookback-hours", 24, 1, 24 * 365)),
                Duration.ofMinutes(integer(c, "sentiment.half-life-minutes", 240, 1, 525_600)),
                Duration.ofHours(integer(c, "sentiment.window-hours", 72, 1, 24 * 365)),
                integer(c, "sentiment.max-text-chars", 10_000, 1, 1_000_000),
                integer(c, "news.default-limit", 50, 1, maxLimit),
                maxLimit);
    }

    private static List<URI> feeds(String raw) {
        List<URI> feeds = new ArrayList<>();
        for (String part : raw.split(",")) {
            String url = part.strip();
            if (url.isEmpty()) {
                continue;
            }
            try {
                URI uri = new URI(url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new java.net.URISyntaxException(url, "not an http(s) URL");
                }
                feeds.add(uri);
            } catch (java.net.URISyntaxException e) {
                throw new ConfigurationException(name("news.rss.feeds") + " lists '" + url + "', which is not an http(s) URL");
            }
        }
        return List.copyOf(feeds);
    }

    private static URI uri(Config c, String key, String dflt) {
        String raw = c.get(key).asString().orElse(dflt).strip();
        try {
            URI uri = new URI(raw.isEmpty() ? dflt : raw);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new java.net.URISyntaxException(raw, "no scheme or host");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigurationException(name(key) + " must be an http(s) URL, was '" + raw + "'");
        }
    }

    private static int integer(Config c, String key, int dflt, int min, int max) {
        String raw = c.get(key).asString().orElse(Integer.toString(dflt)).strip();
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

    /** Never the credentials. */
    @Override
    public String toString() {
        return "NewsSettings[source=" + source + ", pollInterval=" + pollInterval + ", rssFeeds=" + rssFeeds.size()
                + ", halfLife=" + halfLife + ", window=" + window + "]";
    }
}
