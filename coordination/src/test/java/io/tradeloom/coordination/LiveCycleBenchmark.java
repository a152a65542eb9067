package io.tradeloom.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.tradeloom.platform.ServiceKit;

/**
 * The live-cycle benchmark (docs/benchmarks.md): whole cycles with 50 candidates over the default simulated
 * universe, across the real scanner, technical and pattern services and WireMock for trading, recognition and
 * news, all in this JVM on one SQLite file while the scanner ingests the market. Not part of the normal test run
 * (the name does not end in Test); run it with
 * {@code ./mvnw -o -B -pl coordination -am verify -Dtest=LiveCycleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Bounded: at most {@code bench.cycles} measured cycles (default 200) or {@code bench.seconds} (default 120).
 */
class LiveCycleBenchmark {

    @Test
    void measureLiveCycles() throws IOException {
        int cycles = Integer.getInteger("bench.cycles", 200);
        Duration budget = Duration.ofSeconds(Integer.getInteger("bench.seconds", 120));
        int warmup = Integer.getInteger("bench.warmup", 20);
        // The live condition: the simulated market at 60x, so the scanner ingests a minute of 51 symbols every second
        // while the cycles run; from the open of a fixed session, so every run sees the same market.
        try (Cluster cluster = new Cluster("bench", Map.of("market.data", "sim", "sim.start", "2025-03-04T14:30:00Z",
                "sim.speed", "60"))) {
            // The default strategy and the default client settings; only the scan asks for 50 candidates.
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("cycle.top-n", "50");
            settings.put("strategy.entry-threshold", "0.30");
            settings.put("strategy.required-confirmations", "1");
            for (String target : List.of("scanner", "technical", "pattern", "trading", "recognition", "news")) {
                settings.put("client." + target + ".timeout-ms", "2000");
            }
            settings.put("cycle.deadline-ms", "5000");
            ServiceKit.RunningService coordination = cluster.coordination(settings);

            for (int i = 0; i < warmup; i++) {
                Cluster.runCycle(coordination);
            }
            List<Double> client = new ArrayList<>();
            List<Double> server = new ArrayList<>();
            Map<String, List<Double>> steps = new LinkedHashMap<>();
            int degraded = 0;
            int orders = 0;
            long until = System.nanoTime() + budget.toNanos();
            // CPU time of this JVM (every service of the benchmark runs in it): a figure the shared machine's load
            // does not inflate the way it inflates wall-clock latency.
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            while (client.size() < cycles && System.nanoTime() < until) {
                long start = System.nanoTime();
                JsonNode cycle = Cluster.runCycle(coordination);
                client.add((System.nanoTime() - start) / 1e6);
                assertThat(cycle.path("candidates").asInt()).isGreaterThanOrEqualTo(50);
                assertThat(cycle.path("status").asText()).isEqualTo("COMPLETED");
                server.add(cycle.path("timings").path("total").asDouble());
                cycle.path("timings").fields().forEachRemaining(e ->
                        steps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().asDouble()));
                if (!cycle.path("degraded_services").isEmpty() || !cycle.path("entries_blocked").isNull()) {
                    degraded++;
                }
                orders += cycle.path("orders").asInt();
            }

            double cpuPerCycle = (os.getProcessCpuTime() - cpuStart) / 1e6 / client.size();
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            StringBuilder out = new StringBuilder();
            out.append(String.format("live cycle, 50 candidates: %d cycles measured after %d warm-up, %d degraded or blocked, %d orders%n",
                    client.size(), warmup, degraded, orders));
            out.append(String.format("%-28s %9s %9s %9s %9s%n", "", "p50 ms", "p90 ms", "p99 ms", "max ms"));
            out.append(row("POST /api/cycles (client)", client));
            out.append(row("cycle total (server)", server));
            steps.forEach((name, values) -> out.append(row("  step " + name, values)));
            out.append(String.format("CPU time per cycle, all services together (incl. the scanner's ingest meanwhile): %.1f ms; "
                    + "%d cycles in %.1f s; %d CPUs available%n", cpuPerCycle, client.size(), wallSeconds,
                    Runtime.getRuntime().availableProcessors()));
            out.append("load: ").append(uptime()).append(System.lineSeparator());
            System.out.print(out);
            Path report = Path.of("target", "live-cycle-benchmark.txt");
            Files.createDirectories(report.getParent());
            Files.writeString(report, out);
        }
    }

    private static String row(String name, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("%-28s %9.1f %9.1f %9.1f %9.1f%n", name, percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted.getLast());
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " (1, 5, 15 min load averages, running/total, last pid)";
        } catch (IOException e) {
            return "unknown";
        }
    }

}
