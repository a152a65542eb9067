package io.tradeloom.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import io.tradeloom.platform.ConfigurationException;

/** Defaults, per-source poll intervals, and refusals that name the variable to fix; never the credentials. */
class NewsSettingsTest {

    private static NewsSettings settings(Map<String, String> values) {
        return NewsSettings.from(Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.create(values)).build());
    }

    @Test
    void defaultsToTheSimulatedSourcePolledEveryFiveSeconds() {
        NewsSettings s = settings(Map.of());
        assertThat(s.source()).isEqualTo("sim");
        assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.halfLife()).isEqualTo(Duration.ofMinutes(240));
        assertThat(s.maxTextChars()).isEqualTo(10_000);
    }

    @Test
    void rssNeedsFeedsAndIsPolledEveryFiveMinutesUnlessTold() {
        assertThatThrownBy(() -> settings(Map.of("news.source", "rss")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("NEWS_RSS_FEEDS");
        NewsSettings s = settings(Map.of("news.source", "RSS", "news.rss.feeds", " https://a.test/x.rss , http://b.test/y "));
        assertThat(s.rssFeeds()).containsExactly(URI.create("https://a.test/x.rss"), URI.create("http://b.test/y"));
        assertThat(s.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings(Map.of("news.source", "rss", "news.rss.feeds", "https://a.test/", "news.poll-interval-ms", "2500"))
                .pollInterval()).isEqualTo(Duration.ofMillis(2500));
        assertThatThrownBy(() -> settings(Map.of("news.source", "rss", "news.rss.feeds", "ftp://a.test/feed")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("ftp://a.test/feed");
    }

    @Test
    void alpacaNeedsCredentialsAndNeverShowsThem() {
        assertThatThrownBy(() -> settings(Map.of("news.source", "alpaca")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("ALPACA_PAPER_API_KEY");
        NewsSettings s = settings(Map.of("news.source", "alpaca", "alpaca.paper-api-key", "PKKEY123456789",
                "alpaca.paper-api-secret", "shh-secret"));
        assertThat(s.pollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.toString()).doesNotContain("PKKEY123456789").doesNotContain("shh-secret");
    }

    @Test
    void unknownSourceOrBadNumberIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> settings(Map.of("news.source", "twitter")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("NEWS_SOURCE").hasMessageContaining("twitter");
        assertThatThrownBy(() -> settings(Map.of("sentiment.half-life-minutes", "0")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("SENTIMENT_HALF_LIFE_MINUTES");
        assertThatThrownBy(() -> settings(Map.of("sentiment.max-text-chars", "lots")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("SENTIMENT_MAX_TEXT_CHARS");
    }
}
