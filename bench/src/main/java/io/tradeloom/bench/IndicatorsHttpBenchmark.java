package io.tradeloom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.db.Migrations;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.Settings;
import io.tradeloom.platform.http.Json;
import io.tradeloom.technical.BenchRoutes;

/**
 * Load on {@code POST /api/indicators} (goal: above 2,000 requests/s on the 2-core machine). Starts Technical
 * Analysis in this JVM on a free port over a fresh migrated SQLite file (as its tests do), then N virtual-thread
 * clients on one {@link HttpClient} (HTTP/1.1, keep-alive, so N connections) post the same typical request without
 * pause: 500 one-minute bars of the simulated market and 10 indicators. Each concurrency gets a warm-up, then a
 * measured window; a request counts in the window it completes in. Generator and server share the machine's cores.
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar
 * io.tradeloom.bench.IndicatorsHttpBenchmark [--concurrency 8,32,64] [--warmup 10] [--seconds 30]}.
 */
public final class IndicatorsHttpBenchmark {

    public static final List<String> TYPICAL = List.of("SMA(20)", "EMA(50)", "RSI", "MACD", "BBANDS(20)", "ATR",
            "STOCH", "ADX", "CCI", "OBV");

    private IndicatorsHttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> concurrency = List.of(8, 32, 64);
        int warmup = 10;
        int seconds = 30;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--concurrency" -> concurrency = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("tradeloom-ta-bench-");
        Path file = dir.resolve("trading_system.db");
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            Migrations.migrate(db);
        }
        Settings settings = Settings.load(ServiceId.TECHNICAL, Map.of("database.path", file.toString(), "log.dir",
                dir.resolve("logs").toString(), "server.port", "0"));
        ServiceKit.RunningService service = ServiceKit.start(settings, new BenchRoutes());
        try {
            URI uri = URI.create("http://127.0.0.1:" + service.port() + "/api/indicators");
            String body = body(TaBars.minutes(500));
            System.out.printf(Locale.ROOT, "POST %s: 500 bars, %d indicators %s, body %d bytes, %d cores%n", uri,
                    TYPICAL.size(), TYPICAL, body.length(), Runtime.getRuntime().availableProcessors());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (first.statusCode() != 200 || !first.body().contains("\"OBV\"")) {
                throw new IllegalStateException("unexpected answer " + first.statusCode() + ": " + first.body());
            }
            System.out.printf(Locale.ROOT, "answer %d bytes%n", first.body().length());
            for (int c : concurrency) {
                run(client, request, c, warmup, seconds);
            }
        } finally {
            service.stop();
        }
        System.exit(0);
    }

    static void run(HttpClient client, HttpRequest request, int clients, int warmup, int seconds)
            throws InterruptedException {
        String loadBefore = load();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        AtomicLong warmupRequests = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            long[] lat = new long[4_000_000 / clients];
            int[] count = new int[1];
            latencies.add(lat);
            counts.add(count);
            threads.add(Thread.ofVirtual().start(() -> {
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= measureTo) {
                        return;
                    }
                    boolean ok;
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        ok = r.statusCode() == 200;
                    } catch (IOException e) {
                        ok = false;
                    } catch (InterruptedException e) {
                        return;
                    }
                    long t1 = System.nanoTime();
                    if (t1 < measureFrom) {
                        warmupRequests.incrementAndGet();
                    } else if (t1 <= measureTo) {
                        if (!ok) {
                            errors.incrementAndGet();
                        } else if (count[0] < lat.length) {
                            lat[count[0]++] = t1 - t0;
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        int total = counts.stream().mapToInt(c -> c[0]).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts.get(t)[0]);
            at += counts.get(t)[0];
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT,
                "concurrency %d: %.0f requests/s (%d in %d s, warm-up %d s: %d), latency ms p50 %.2f p99 %.2f max %.2f,"
                        + " errors %d, load %s -> %s%n",
                clients, total / (double) seconds, total, seconds, warmup, warmupRequests.get(), ms(all, 0.50),
                ms(all, 0.99), all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6, errors.get(), loadBefore, load());
    }

    static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String body(List<Bar> bars) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode array = body.putArray("bars");
        for (Bar b : bars) {
            array.addObject().put("time", b.time().toString()).put("open", b.open()).put("high", b.high())
                    .put("low", b.low()).put("close", b.close()).put("volume", b.volume());
        }
        body.set("indicators", Json.MAPPER.valueToTree(TYPICAL));
        return body.toString();
    }
}
