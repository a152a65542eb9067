package io.tradeloom.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.TestContexts;

/** The configured most bars per request (recognition.max-bars), here 10, and the settings' defaults and checks. */
@ServerTest
class LimitsTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.RECOGNITION, "recognition-limits",
            Map.of("recognition.max-bars", "10", "recognition.scan.enabled", "false"));

    private final Http1Client client;

    LimitsTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ServiceKit.server(server, CONTEXT);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ServiceKit.routing(routing, CONTEXT, Main::routing);
    }

    @AfterAll
    static void close() {
        TestContexts.close(CONTEXT);
    }

    @Test
    void moreBarsThanTheMaximumAre413() {
        Replies r = Replies.post(client, "/api/chart-patterns", Map.of("bars", MarketData.json(MarketData.sessions("AAPL", 1).subList(0, 11))));

        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.errorField()).isEqualTo("bars");
    }

    @Test
    void theMaximumItselfIsAccepted() {
        Replies r = Replies.post(client, "/api/chart-patterns", Map.of("bars", MarketData.json(MarketData.sessions("AAPL", 1).subList(0, 10))));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void theMaximumCapsTheLimitOfStoredBars() {
        Replies r = Replies.get(client, "/api/chart-patterns/AAPL?limit=11");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorField()).isEqualTo("limit");
    }

    @Test
    void theDefaultsScanEveryThirtySecondsOverTheLatest500OneMinuteBars() {
        RecognitionSettings s = RecognitionSettings.from(config(Map.of()));

        assertThat(s.maxBars()).isEqualTo(100_000);
        assertThat(s.scanEnabled()).isTrue();
        assertThat(s.scanInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.scanBars()).isEqualTo(500);
        assertThat(s.scanTimeframe()).isEqualTo(Timeframe.MIN_1);
    }

    @Test
    void badSettingsAreRefusedNamingTheirVariable() {
        assertThatThrownBy(() -> RecognitionSettings.from(config(Map.of("recognition.max-bars", "0"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("RECOGNITION_MAX_BARS");
        assertThatThrownBy(() -> RecognitionSettings.from(config(Map.of("recognition.scan.interval-seconds", "soon"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("RECOGNITION_SCAN_INTERVAL_SECONDS");
        assertThatThrownBy(() -> RecognitionSettings.from(config(Map.of("recognition.scan.enabled", "yes"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("RECOGNITION_SCAN_ENABLED");
        assertThatThrownBy(() -> RecognitionSettings.from(config(Map.of("recognition.scan.timeframe", "2Min"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("RECOGNITION_SCAN_TIMEFRAME");
        assertThatThrownBy(() -> RecognitionSettings.from(config(Map.of("recognition.scan.bars", "5"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("RECOGNITION_SCAN_BARS");
    }

    @Test
    void theRulesDefaultToTheLibrarysAndEachIsSetByItsKebabCaseKey() {
        assertThat(RecognitionSettings.from(config(Map.of())).rules()).isEqualTo(io.tradeloom.charts.ChartSettings.defaults());
        // the service's own application.yaml lists every rule with the library's default
        assertThat(RecognitionSettings.from(Config.create()).rules()).isEqualTo(io.tradeloom.charts.ChartSettings.defaults());

        var rules = RecognitionSettings.from(config(Map.of("recognition.rules.reversal-atr", "3.5",
                "recognition.rules.max-flag-bars", "40"))).rules();

        assertThat(rules.reversalAtr()).isEqualTo(3.5);
        assertThat(rules.maxFlagBars()).isEqualTo(40);
        assertThat(rules.breakoutVolume()).isEqualTo(io.tradeloom.charts.ChartSettings.defaults().breakoutVolume());
    }

    @Test
    void aBadRuleIsRefusedNamingItsVariable() {
        assertThatThrownBy(() -> RecognitionSettings.from(config(Map.of("recognition.rules.reversal-atr", "wide"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("RECOGNITION_RULES_REVERSAL_ATR");
        assertThatThrownBy(() -> RecognitionSettings.from(config(Map.of("recognition.rules.min-touches", "2.5"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("RECOGNITION_RULES_MIN_TOUCHES");
        assertThatThrownBy(() -> RecognitionSettings.from(config(Map.of("recognition.rules.convergence", "2"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("convergence must be in (0, 1]");
    }

    private static Config config(Map<String, String> values) {
        return Config.just(ConfigSources.create(values));
    }
}
