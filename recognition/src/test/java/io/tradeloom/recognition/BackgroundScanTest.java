package io.tradeloom.recognition;

import static io.tradeloom.db.schema.Tables.CHART_PATTERN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.TestContexts;

/**
 * With the default settings the service scans the universe's stored bars as it starts: patterns of the simulated
 * market are stored, and listed, well within a minute, without anyone asking for a symbol.
 */
@ServerTest
class BackgroundScanTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.RECOGNITION, "recognition-scan", Map.of());
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA");

    private final Http1Client client;

    BackgroundScanTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        // As the scanner leaves the database: the universe and each symbol's 1Min bars (two simulated sessions).
        new UniverseStore(CONTEXT.db()).replace(Map.of("AAPL", "Apple Inc.", "MSFT", "Microsoft Corporation",
                "NVDA", "NVIDIA Corporation", "IBM", "International Business Machines"));
        BarStore bars = new BarStore(CONTEXT.db());
        SYMBOLS.forEach(s -> bars.insert(Timeframe.MIN_1, MarketData.sessions(s, 2)));
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
    void patternsOfEveryScannedSymbolAreStoredWithinAMinuteOfStart() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> symbols = List.of();
        while (System.nanoTime() < deadline) {
            symbols = CONTEXT.db().read("test.symbols", ctx -> ctx.selectDistinct(CHART_PATTERN.SYMBOL).from(CHART_PATTERN)
                    .orderBy(CHART_PATTERN.SYMBOL).fetch(CHART_PATTERN.SYMBOL));
            if (symbols.size() == SYMBOLS.size()) {
                break;
            }
            Thread.sleep(200);
        }

        assertThat(symbols).containsExactlyElementsOf(SYMBOLS);
        Replies list = Replies.get(client, "/api/chart-patterns?limit=1000");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().path("patterns").findValuesAsText("symbol")).containsAll(SYMBOLS);
        assertThat(list.json().path("patterns").findValuesAsText("timeframe")).containsOnly("1Min");
    }
}
