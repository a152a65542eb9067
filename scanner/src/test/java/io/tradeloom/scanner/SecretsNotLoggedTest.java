package io.tradeloom.scanner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.TestContexts;

/**
 * The Alpaca secret appears in no log record, at any level, when Alpaca misbehaves: it refuses the key
 * (403), fails (500), answers garbage, or cannot be reached. (AlpacaSourceTest covers the working case
 * and the log files.) Every record is captured with its whole exception chain, so a secret inside an
 * exception message or a stack trace counts too.
 */
class SecretsNotLoggedTest {

    private static final String KEY = "PKLEAKTEST0000000001";
    private static final String SECRET = "sEcReTnEvErInAnYlOg9f8e7d6c5b4a";

    /** Every record at every level, formatted with its message, parameters and exception chain. */
    private static final class Capture extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord r) {
            String logger = String.valueOf(r.getLoggerName());
            if (logger.startsWith("org.eclipse.jetty") || logger.startsWith("com.github.tomakehurst")
                    || logger.startsWith("wiremock")) {
                return; // the fake Alpaca's own server, which of course sees the headers it was sent
            }
            StringBuilder b = new StringBuilder(r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage());
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    b.append(' ').append(p);
                }
            }
            if (r.getThrown() != null) {
                StringWriter w = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(w));
                b.append('\n').append(w);
            }
            lines.add(b.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @ParameterizedTest(name = "Alpaca {0}")
    @ValueSource(strings = {"refuses", "fails", "garbles", "is unreachable"})
    void theSecretIsInNoLogRecordWhenAlpacaMisbehaves(String behaviour) throws Exception {
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        Logger.getLogger("io.tradeloom").setLevel(Level.ALL);
        WireMockServer alpaca = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
        String url = "http://127.0.0.1:" + alpaca.port();
        switch (behaviour) {
            case "refuses" -> alpaca.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)
                    .withHeader("Content-Type", "application/json").withBody("{\"message\":\"forbidden.\"}")));
            case "fails" -> alpaca.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)
                    .withHeader("Content-Type", "application/json").withBody("{\"message\":\"internal server error\"}")));
            case "garbles" -> alpaca.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"bars\": [[[")));
            default -> {
                alpaca.stop();
            }
        }
        Path dir = TestContexts.tempDir("secrets");
        ServiceKit.RunningService running = null;
        String startFailure = "";
        try {
            Path database = TestContexts.migratedDatabase(dir);
            try {
                running = ScannerFixture.start(ScannerFixture.settings(dir, database, Map.of(
                        "market.data", "alpaca",
                        "alpaca.data-url", url,
                        "alpaca.symbols", "AAPL,MSFT",
                        "alpaca.paper-api-key", KEY,
                        "alpaca.paper-api-secret", SECRET,
                        "ingest.interval-ms", "100")));
                Thread.sleep(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                StringWriter w = new StringWriter();
                e.printStackTrace(new PrintWriter(w));
                startFailure = w.toString();
            }
        } finally {
            if (running != null) {
                running.stop();
            }
            if (alpaca.isRunning()) {
                alpaca.stop();
            }
            root.removeHandler(capture);
            root.setLevel(level);
            Logger.getLogger("io.tradeloom").setLevel(null);
            TestContexts.delete(dir);
        }

        assertThat(String.join("\n", capture.lines)).as("the service logged its calls to Alpaca").contains("/v2/stocks");
        assertThat(String.join("\n", capture.lines)).doesNotContain(SECRET);
        assertThat(startFailure).doesNotContain(SECRET);
    }
}
