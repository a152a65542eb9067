package io.tradeloom.trading.bench;

import io.tradeloom.broker.Broker;
import io.tradeloom.broker.BrokerConfig;
import io.tradeloom.broker.OrderRequest;
import io.tradeloom.broker.RiskLimits;
import io.tradeloom.broker.Side;
import io.tradeloom.broker.TimeInForce;
import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.db.Migrations;
import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.MarketClockState;
import io.tradeloom.db.market.MarketClockStore;
import io.tradeloom.db.market.QuoteStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.Settings;
import io.tradeloom.trading.TradingApp;
import io.tradeloom.trading.store.JooqBrokerStore;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Order submit-to-acknowledgement latency and sustained orders/s of the paper trading service over HTTP, with the
 * ledger in SQLite while a simulated scanner writes quotes and bars into the same file.
 *
 * <p>The service runs in this JVM on an ephemeral port (the engine polling every second, as in production); clients
 * are virtual threads with the JDK's HTTP client posting Alpaca order JSON. Orders are resting limit buys (1 share,
 * $1.00) so every request is the full accept path: validation, the risk manager, one SQLite write transaction, the
 * JSON answer. The writer thread upserts {@code --symbols} quotes every 200 ms and their minute bars every second.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp trading/target/trading.jar io.tradeloom.trading.bench.OrderLoadBenchmark \
 *     [--seconds 15] [--concurrency 1,4,16] [--symbols 500] [--no-writer] [--engine-only]
 * </pre>
 */
public final class OrderLoadBenchmark {

    private OrderLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "15"));
        int[] concurrency = Arrays.stream(opts.getOrDefault("concurrency", "1,4,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int symbols = Integer.parseInt(opts.getOrDefault("symbols", "500"));
        boolean writer = !opts.containsKey("no-writer");

        Path dir = Files.createTempDirectory("tradeloom-order-bench-");
        Path file = dir.resolve("trading_system.db");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < symbols; i++) {
            names.add("SYM" + String.format("%04d", i));
        }
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            Migrations.migrate(db);
            Map<String, String> universe = new LinkedHashMap<>();
            names.forEach(n -> universe.put(n, n));
            new UniverseStore(db).replace(universe);
            Instant open = Instant.parse("2025-03-03T15:00:00Z");
            new MarketClockStore(db, Clock.systemUTC()).save(new MarketClockState("sim", Instant.now(), open, 1.0,
                    false, LocalDate.parse("2025-03-03"), open));
        }
        ServiceKit.RunningService service = ServiceKit.start(Settings.load(ServiceId.TRADING, Map.of(
                "database.path", file.toString(), "server.port", "0", "log.dir", dir.resolve("logs").toString(),
                "log.level", "WARNING", "risk.max-open-positions", "", "risk.max-order-notional", "",
                "risk.max-position-pct", "", "paper.starting-cash", "100000000")),
                (routing, context) -> TradingApp.create(context).startLoop().routing(routing));
        Database db = service.context().db();
        MarketClock clock = new MarketClockStore(db, Clock.systemUTC()).load().orElseThrow()
                .clock(new NyseCalendar(), Clock.systemUTC());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        Thread scanner = Thread.ofPlatform().name("bench-scanner").start(() -> {
            long lastBar = 0;
            while (!stop.get()) {
                if (writer) {
                    Instant now = clock.now();
                    List<Quote> quotes = new ArrayList<>();
                    for (String n : names) {
                        quotes.add(new Quote(n, now, new BigDecimal("99.99"), new BigDecimal("100.01"), 100, 100));
                    }
                    db.write("bench.quotes", ctx -> {
                        QuoteStore.upsert(ctx, quotes);
                        return null;
                    });
                    writes.addAndGet(quotes.size());
                    if (System.nanoTime() - lastBar > 1_000_000_000L) {
                        lastBar = System.nanoTime();
                        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
                        List<Bar> bars = new ArrayList<>();
                        for (String n : names) {
                            bars.add(new Bar(n, minute, new BigDecimal("100.00"), new BigDecimal("100.05"),
                                    new BigDecimal("99.95"), new BigDecimal("100.00"), 1000));
                        }
                        db.write("bench.bars", ctx -> BarStore.insert(ctx, Timeframe.MIN_1, bars));
                        writes.addAndGet(bars.size());
                    }
                }
                sleep(200);
            }
        });
        sleep(2000);   // the engine marks every symbol from its first quotes
        System.out.printf("machine: %d cores, load %s; writer %s, %d symbols%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), writer ? "on" : "off", symbols);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + service.port() + "/v2/orders");
        try {
            if (opts.containsKey("engine-only")) {
                engineOnly(db, clock, names, concurrency, seconds);
                return;
            }
            run(http, uri, names, 1, 3, "warm-up");
            for (int c : concurrency) {
                long before = writes.get();
                Result r = run(http, uri, names, c, seconds, "concurrency " + c);
                System.out.printf("  scanner rows written meanwhile: %d; load %s%n", writes.get() - before,
                        loadAverage());
                if (r.errors > 0) {
                    System.out.println("  errors: " + r.errors + " (first: " + r.firstError + ")");
                }
            }
        } finally {
            stop.set(true);
            scanner.join();
            service.stop();
        }
    }

    private record Result(long errors, String firstError) {
    }

    /** The same orders straight into a second engine on the same file: the cost without HTTP and JSON. */
    private static void engineOnly(Database db, MarketClock clock, List<String> names, int[] concurrency, int seconds)
            throws InterruptedException {
        Broker broker = new Broker(BrokerConfig.defaults().withStartingCash(new BigDecimal("100000000")),
                RiskLimits.none(), clock.calendar(), new JooqBrokerStore(db), s -> true, clock.now());
        names.forEach(n -> broker.mark(n, new BigDecimal("100.00")));
        for (int c : concurrency) {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long[][] lat = new long[c][1 << 20];
            int[] counts = new int[c];
            AtomicLong ids = new AtomicLong();
            Thread[] threads = new Thread[c];
            long started = System.nanoTime();
            for (int t = 0; t < c; t++) {
                int me = t;
                threads[t] = Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < end && counts[me] < lat[me].length) {
                        long n = ids.incrementAndGet();
                        long t0 = System.nanoTime();
                        broker.submit(OrderRequest.limit(names.get((int) (n % names.size())), 1, Side.BUY,
                                BigDecimal.ONE, TimeInForce.GTC, "engine-" + c + "-" + n), clock.now());
                        lat[me][counts[me]++] = System.nanoTime() - t0;
                    }
                });
            }
            for (Thread t : threads) {
                t.join();
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            int total = Arrays.stream(counts).sum();
            long[] all = new long[total];
            int k = 0;
            for (int t = 0; t < c; t++) {
                System.arraycopy(lat[t], 0, all, k, counts[t]);
                k += counts[t];
            }
            Arrays.sort(all);
            System.out.printf("engine-only c=%-3d %7d orders in %5.1f s = %7.0f orders/s   p50 %6.2f ms   p99 %6.2f ms%n",
                    c, total, elapsed, total / elapsed, pct(all, 0.50), pct(all, 0.99));
        }
    }

    private static Result run(HttpClient http, URI uri, List<String> names, int concurrency, int seconds,
                              String label) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        AtomicLong ids = new AtomicLong();
        Thread[] threads = new Thread[concurrency];
        long started = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            int me = t;
            latencies[t] = new long[1 << 20];
            threads[t] = Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end && counts[me] < latencies[me].length) {
                    long n = ids.incrementAndGet();
                    String body = "{\"symbol\":\"" + names.get((int) (n % names.size()))
                            + "\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"limit\",\"limit_price\":\"1.00\","
                            + "\"time_in_force\":\"gtc\",\"client_order_id\":\"bench-" + label.replace(' ', '-')
                            + "-" + n + "\"}";
                    HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("APCA-API-KEY-ID", "tradeloom-dev-key")
                            .header("APCA-API-SECRET-KEY", "tradeloom-dev-secret")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - t0;
                        if (r.statusCode() == 200) {
                            latencies[me][counts[me]++] = took;
                        } else if (errors.incrementAndGet() == 1) {
                            firstError[0] = r.statusCode() + " " + r.body();
                        }
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            firstError[0] = e.toString();
                        }
                    }
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(latencies[t], 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        System.out.printf("%-16s %7d orders in %5.1f s = %7.0f orders/s   p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms%n",
                label, total, elapsed, total / elapsed, pct(all, 0.50), pct(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        return new Result(errors.get(), firstError[0]);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                m.put(key, args[++i]);
            } else {
                m.put(key, "true");
            }
        }
        return m;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
