package io.tradeloom.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.platform.ServiceKit;

/**
 * The auto-trading switch: validated, stored, surviving a restart, and driving scheduled cycles while the
 * (simulated, 60x) market is open.
 */
class AutotradeTest {

    private static Cluster cluster;

    @BeforeAll
    static void start() {
        // 60x: a simulated minute, and so a scheduled cycle, every real second; the session opened 10 minutes ago
        cluster = new Cluster("autotrade", Map.of("market.data", "sim", "sim.start", "2025-03-04T14:40:00Z", "sim.speed", "60"));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theSwitchIsStoredSurvivesARestartAndRunsScheduledCyclesOnlyWhileOn() {
        ServiceKit.RunningService first = cluster.coordination(Map.of("cycle.top-n", "5"));
        JsonNode initial = Cluster.call(first, "GET", "/api/autotrade", null, null).json();
        assertThat(initial.path("enabled").asBoolean()).isFalse();
        assertThat(initial.path("updated_at").isNull()).isTrue();

        Cluster.Reply on = Cluster.call(first, "POST", "/api/autotrade", "{\"enabled\": true}", Cluster.TOKEN);
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().path("enabled").asBoolean()).isTrue();
        assertThat(on.json().path("updated_at").asText()).isNotEmpty();
        await(() -> scheduledCycles(first) >= 2, "two scheduled cycles");

        first.stop();
        ServiceKit.RunningService second = cluster.coordination(Map.of("cycle.top-n", "5"));
        assertThat(Cluster.call(second, "GET", "/api/autotrade", null, null).json().path("enabled").asBoolean()).isTrue();
        int before = scheduledCycles(second);
        await(() -> scheduledCycles(second) > before, "a scheduled cycle after the restart");

        Cluster.Reply off = Cluster.call(second, "POST", "/api/autotrade", "{\"enabled\": false}", Cluster.TOKEN);
        assertThat(off.json().path("enabled").asBoolean()).isFalse();
        sleep(1_500); // a cycle that had started may finish
        int stopped = scheduledCycles(second);
        sleep(3_000); // three simulated minutes: three cycles if the schedule were still on
        assertThat(scheduledCycles(second)).isEqualTo(stopped);
        second.stop();
    }

    @Test
    void aBadSwitchIsRefusedNamingTheField() {
        ServiceKit.RunningService c = cluster.coordination(Map.of());

        Cluster.Reply text = Cluster.call(c, "POST", "/api/autotrade", "{\"enabled\": \"yes\"}", Cluster.TOKEN);
        Cluster.Reply missing = Cluster.call(c, "POST", "/api/autotrade", "{}", Cluster.TOKEN);
        Cluster.Reply unknown = Cluster.call(c, "POST", "/api/autotrade", "{\"enabled\": true, \"when\": \"now\"}", Cluster.TOKEN);
        Cluster.Reply noBody = Cluster.call(c, "POST", "/api/autotrade", null, Cluster.TOKEN);

        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().path("errors").get(0).path("field").asText()).isEqualTo("enabled");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").get(0).path("field").asText()).isEqualTo("enabled");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("when");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(Cluster.call(c, "GET", "/api/autotrade", null, null).json().path("enabled").asBoolean()).isFalse();
    }

    private static int scheduledCycles(ServiceKit.RunningService c) {
        int n = 0;
        for (JsonNode cycle : Cluster.call(c, "GET", "/api/cycles?limit=500", null, null).json().path("cycles")) {
            if (cycle.path("trigger").asText().equals("schedule")) {
                n++;
            }
        }
        return n;
    }

    private static void await(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited 60 s for " + what);
            }
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
