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
 * io.tradeloom.bench.IndicatorsHttpBenchmark [--concurrency 8,32,64] [--warmup 10] [--seconds 30]}. To keep the
 * generator's work off the server's cores, run the two in separate processes, each pinned with {@code taskset}:
 * {@code --serve [--port 0] [--for 900]} starts only the server (for at most that many seconds) and prints its URL and
 * pid; {@code --url URL --server-pid PID} runs only the generator against it. With the pid, each line also gives the
 * server's CPU time per request (from {@code /proc/PID/stat}), which depends far less on other load than the rate.
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
        boolean serve = false;
        int port = 0;
        int serveFor = 900;
        String url = null;
        long serverPid = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--concurrency" -> concurrency = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--serve" -> serve = true;
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--for" -> serveFor = Integer.parseInt(args[++i]);
                case "--url" -> url = args[++i];
                case "--server-pid" -> serverPid = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url != null) {
            load(URI.create(url), concurrency, warmup, seconds, serverPid);
            System.exit(0);
        }
        Path dir = Files.createTempDirectory("tradeloom-ta-bench-");
        Path file = dir.resolve("trading_system.db");
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            Migrations.migrate(db);
        }
        Settings settings = Settings.load(ServiceId.TECHNICAL, Map.of("database.path", file.toString(), "log.dir",
                dir.resolve("logs").toString(), "server.port", Integer.toString(port)));
        ServiceKit.RunningService service = ServiceKit.start(settings, new BenchRoutes());
        URI uri = URI.create("http://127.0.0.1:" + service.port() + "/api/indicators");
        try {
            if (serve) {
                System.out.printf(Locale.ROOT, "serving %s pid %d for at most %d s%n", uri, ProcessHandle.current().pid(),
                        serveFor);
                Thread.sleep(serveFor * 1000L);
            } else {
                load(uri, concurrency, warmup, seconds, ProcessHandle.current().pid());
            }
        } finally {
            service.stop();
        }
        System.exit(0);
    }

    /** The generator: the typical request against {@code uri}, at each concurrency in turn. */
    static void load(URI uri, List<Integer> concurrency, int warmup, int seconds, long serverPid) throws Exception {
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
            run(client, request, c, warmup, seconds, serverPid);
        }
    }

    static void run(HttpClient client, HttpRequest request, int clients, int warmup, int seconds, long serverPid)
            throws InterruptedException {
        String loadBefore = load();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        long[] cpu = {-1, -1};
        Thread cpuTimer = Thread.ofVirtual().start(() -> {
            // The server's CPU over the measured window, taken on time rather than by a client between requests.
            sleepUntil(measureFrom);
            cpu[0] = cpuTicks(serverPid);
            sleepUntil(measureTo);
            cpu[1] = cpuTicks(serverPid);
        });
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
        cpuTimer.join();
        double cpuPerRequest = cpu[0] < 0 || cpu[1] < 0 || total == 0 ? Double.NaN
                : (cpu[1] - cpu[0]) * 1000.0 / CLOCK_TICKS / total;
        System.out.printf(Locale.ROOT,
                "concurrency %d: %.0f requests/s (%d in %d s, warm-up %d s: %d), latency ms p50 %.2f p99 %.2f max %.2f,"
                        + " errors %d, %s CPU %.3f ms/request, load %s -> %s%n",
                clients, total / (double) seconds, total, seconds, warmup, warmupRequests.get(), ms(all, 0.50),
                ms(all, 0.99), all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6, errors.get(),
                serverPid == ProcessHandle.current().pid() ? "process (server and generator)" : "server", cpuPerRequest,
                loadBefore, load());
    }

    /** Linux's USER_HZ, the unit of /proc/PID/stat's times: 100 on every common kernel build. */
    private static final int CLOCK_TICKS = 100;

    /** User + system CPU of process {@code pid} in clock ticks, or -1 if unknown. */
    static long cpuTicks(long pid) {
        if (pid < 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime and stime: fields 14 and 15 of the line
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                return;
            }
        }
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
