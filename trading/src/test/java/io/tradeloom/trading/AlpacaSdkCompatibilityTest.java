package io.tradeloom.trading;

import io.tradeloom.db.market.MarketClockStore;
import io.tradeloom.db.market.QuoteStore;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.Settings;
import io.tradeloom.testkit.TestContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alpaca's official JavaScript SDK (@alpacahq/alpaca-trade-api, installed with npm here) pointed at the running
 * service: clock, account, orders (market fill, replace, cancel, by client id), positions, activities, portfolio
 * history, a 422 refusal and closing a position, all through the SDK's own calls.
 */
class AlpacaSdkCompatibilityTest {

    private static final ServiceContext SETUP = TestContexts.context(ServiceId.TRADING, "sdk", Map.of());

    @AfterAll
    static void close() {
        TestContexts.close(SETUP);
    }

    @Test
    void theOfficialJavaScriptSdkWorksUnchanged() throws Exception {
        Path dir = Path.of("target", "js-sdk").toAbsolutePath();
        Files.createDirectories(dir);
        for (String f : List.of("check.js", "package.json")) {
            try (InputStream in = AlpacaSdkCompatibilityTest.class.getResourceAsStream("/js-sdk/" + f)) {
                Files.copy(in, dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Assumptions.assumeTrue(available("node") && available("npm"),
                "SKIPPED: node and npm are not installed (apt-get install -y nodejs npm); the SDK test needs them");
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String npmOut = read(npm.getInputStream());
        assertThat(npm.waitFor(300, TimeUnit.SECONDS)).as("npm install finished").isTrue();
        assertThat(npm.exitValue()).as("npm install: " + npmOut).isZero();

        Market.open(SETUP);
        MarketClock clock = new MarketClockStore(SETUP.db(), Clock.systemUTC()).load().orElseThrow()
                .clock(new NyseCalendar(), Clock.systemUTC());
        quotes(clock);
        ServiceKit.RunningService service = ServiceKit.start(Settings.load(ServiceId.TRADING, Map.of(
                "database.path", SETUP.db().path().toString(), "server.port", "0", "paper.poll-ms", "50",
                "log.dir", SETUP.db().path().getParent().resolve("logs").toString())), Main::routing);
        AtomicBoolean stop = new AtomicBoolean();
        Thread feed = Thread.ofVirtual().start(() -> {
            while (!stop.get()) {
                quotes(clock);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            ProcessBuilder node = new ProcessBuilder("node", "check.js").directory(dir.toFile())
                    .redirectErrorStream(true);
            node.environment().put("TRADING_BASE_URL", "http://127.0.0.1:" + service.port());
            node.environment().put("TRADING_KEY_ID", Api.KEY);
            node.environment().put("TRADING_SECRET_KEY", Api.SECRET);
            Process p = node.start();
            String out = read(p.getInputStream());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(out).as(out).contains("ALL OK");
            assertThat(p.exitValue()).as(out).isZero();
        } finally {
            stop.set(true);
            feed.join();
            service.stop();
        }
    }

    private static void quotes(MarketClock clock) {
        List<Quote> q = List.of(
                new Quote("AAPL", clock.now(), new BigDecimal("189.99"), new BigDecimal("190.01"), 100, 100),
                new Quote("MSFT", clock.now(), new BigDecimal("399.99"), new BigDecimal("400.01"), 100, 100));
        SETUP.db().write("test.quotes", ctx -> {
            QuoteStore.upsert(ctx, q);
            return null;
        });
    }

    private static boolean available(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            read(p.getInputStream());
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
