package io.tradeloom.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.HostileInput;
import io.tradeloom.testkit.TestContexts;
import io.tradeloom.testkit.TestServers;
import io.tradeloom.testkit.TestServers.Answer;

/**
 * Arbitrary and hostile scan criteria, scan ids and bar queries through the running scanner: a valid
 * answer or a 4xx problem, never a 5xx; a refused scan stores nothing.
 */
class HostileInputPropertiesTest {

    private static final Map<String, Object> SCAN = scan();

    private static Path dir;
    private static ScannerFixture.Sql sql;
    private static ServiceKit.RunningService running;

    private static Map<String, Object> scan() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", "gappers");
        m.put("min_price", 5);
        m.put("max_price", 500);
        m.put("min_relative_volume", 1.5);
        m.put("top_n", 10);
        m.put("sort_by", "relative_volume");
        m.put("sort_descending", true);
        return m;
    }

    @BeforeContainer
    static void start() {
        dir = TestContexts.tempDir("hostile");
        Path database = TestContexts.migratedDatabase(dir);
        sql = new ScannerFixture.Sql(database);
        running = ScannerFixture.start(ScannerFixture.settings(dir, database,
                Map.of("market.data", "sim", "sim.speed", "60", "ingest.interval-ms", "500",
                        "server.max-payload-bytes", Integer.toString(16 * 1024 * 1024))));
    }

    @AfterContainer
    static void stop() {
        if (running != null) {
            running.stop();
        }
        TestContexts.delete(dir);
    }

    private static long scans() {
        return sql.count("SELECT count(*) FROM scan") + sql.count("SELECT count(*) FROM scan_candidate");
    }

    private static void assertAnsweredWithoutFault(Answer a) {
        Statistics.label("status").collect(a.status() / 100 + "xx");
        assertThat(a.status()).as(a.body()).isLessThan(500);
        if (a.status() >= 400) {
            assertThat(a.isProblem()).as(a.body()).isTrue();
            assertThat(a.body()).doesNotContain("\tat ", "Exception");
        }
    }

    @Provide
    Arbitrary<String> scanBodies() {
        return HostileInput.bodies(SCAN);
    }

    @Provide
    Arbitrary<String> hostileStrings() {
        return HostileInput.strings();
    }

    @Property(tries = 200)
    void anyScanCriteriaAreScannedOrRefusedWithA4xxStoringNothing(@ForAll("scanBodies") String body) {
        long before = scans();

        Answer a = TestServers.post(running.port(), "/api/scan", body);

        assertAnsweredWithoutFault(a);
        if (a.status() >= 400) {
            assertThat(scans()).as("a refused scan stores nothing").isEqualTo(before);
        }
    }

    @Property(tries = 100)
    void anyScanIdOrBarQueryIsAnsweredOrRefusedWithA4xx(@ForAll("hostileStrings") String text) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        long before = scans();

        assertAnsweredWithoutFault(TestServers.get(running.port(), "/api/scans/" + encoded));
        assertAnsweredWithoutFault(TestServers.get(running.port(), "/api/bars/" + encoded));
        assertAnsweredWithoutFault(TestServers.get(running.port(), "/api/bars/AAPL?timeframe=" + encoded + "&limit=5"));
        assertAnsweredWithoutFault(TestServers.get(running.port(), "/api/scans?limit=" + encoded));
        assertThat(scans()).isEqualTo(before);
    }

    @Example
    void aTenMegabyteStringIsRefusedWithA400AndStoresNothing() {
        long before = scans();

        Answer a = TestServers.post(running.port(), "/api/scan", HostileInput.tenMegabyteField(SCAN, "preset"));

        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.isProblem()).isTrue();
        assertThat(scans()).isEqualTo(before);
    }
}
