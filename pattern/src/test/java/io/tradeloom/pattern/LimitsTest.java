package io.tradeloom.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

import io.tradeloom.testkit.TestContexts;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.Replies;

/** The configured most bars per request (patterns.max-bars), here 10. */
@ServerTest
class LimitsTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.PATTERN, "pattern-limits", Map.of("patterns.max-bars", "10"));

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
        Replies r = Replies.post(client, "/api/patterns", Map.of("bars", MarketData.json(MarketData.session("AAPL").subList(0, 11))));

        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.errorField()).isEqualTo("bars");
    }

    @Test
    void theMaximumItselfIsAccepted() {
        Replies r = Replies.post(client, "/api/patterns", Map.of("bars", MarketData.json(MarketData.session("AAPL").subList(0, 10))));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void theMaximumCapsTheLimitOfStoredBars() {
        Replies r = Replies.get(client, "/api/patterns/AAPL?limit=11");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorField()).isEqualTo("limit");
    }

    @Test
    void theMaximumDefaultsTo100000AndMustBeAPositiveWholeNumber() {
        assertThat(PatternSettings.from(config(Map.of())).maxBars()).isEqualTo(100_000);
        assertThatThrownBy(() -> PatternSettings.from(config(Map.of("patterns.max-bars", "0"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("PATTERNS_MAX_BARS");
        assertThatThrownBy(() -> PatternSettings.from(config(Map.of("patterns.max-bars", "lots"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("PATTERNS_MAX_BARS");
    }

    private static Config config(Map<String, String> values) {
        return Config.just(ConfigSources.create(values));
    }
}
