package io.tradeloom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.db.Migrations;
import io.tradeloom.db.PriceUnits;
import io.tradeloom.db.market.BarStore;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.sim.SimSession;
import io.tradeloom.market.sim.SimSymbol;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.market.sim.SimulatedMarket;
import io.tradeloom.scanner.ingest.MarketRuntime;
import io.tradeloom.scanner.source.MarketDataSettings;

/**
 * Bar-ingest throughput into SQLite (goal: above 100,000 bars/s) while other services read: not a JMH benchmark,
 * because the unit of work is a whole load (a fresh file filled through transactions), not a repeatable call.
 *
 * <p>Each run migrates a fresh temporary SQLite file with {@link Migrations#migrate}, then writes the simulated
 * market's one-minute bars ({@code --symbols} x {@code --minutes}, all symbols' bar of a minute before the next
 * minute's, as live ingest stores them) through {@link Database#write} + {@link BarStore#insert} in transactions
 * of {@code --batch} bars, while {@code --readers} threads (or, with {@code --reader-process}, a second JVM like
 * another service) query {@link BarStore#range} for random symbols without pause. A run stops after
 * {@code --max-seconds} even if not every bar is written. {@code --tick} also times {@link MarketRuntime}'s own
 * ingest tick (a minute's bars, roll-ups, quotes, news and the clock in one transaction).
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar io.tradeloom.bench.IngestBenchmark \
 *     [--symbols 5000] [--minutes 200] [--batch 5000,50000|none] [--readers 2] [--reader-process] [--max-seconds 120]
 *     [--order minute|symbol] [--writer jooq|jdbc] [--tick] [--tick-symbols 51] [--ticks 390] [--dir DIR]
 *     [--no-warmup] [--pragma name=value]... [--page-size BYTES] [--sort-batch]
 * </pre>
 * The last options are for finding what limits ingest, not for the headline figures: {@code --order symbol} writes
 * each symbol's bars together (the shape of a backfill); {@code --writer jdbc} replaces jOOQ's 1,000-row statements
 * with one reused prepared statement; {@code --pragma} runs {@code PRAGMA name=value} at the start of every write
 * transaction (connection settings such as {@code temp_store} or {@code wal_autocheckpoint}); {@code --page-size}
 * creates the file with another page size; {@code --sort-batch} sorts each transaction's bars into the table's key
 * order. Before the measured runs a warm-up load (at most 200,000 bars, no readers) lets the JIT compile.
 */
public final class IngestBenchmark {

    /** The latest session of bars a chart asks for: what a reader fetches per query. */
    private static final int READ_LIMIT = 390;
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");
    private static final int WARM_UP_TICKS = 30;

    record Options(int symbols, int minutes, List<Integer> batches, int readers, boolean readerProcess,
                   Duration maxTime, boolean symbolMajor, boolean jdbcWriter, boolean tick, int tickSymbols, int ticks,
                   Path dir, boolean warmup, List<String> pragmas, int pageSize, boolean sortBatch) {

        /** The warm-up load: these settings, without readers and within 10 s. */
        Options warmupRun() {
            return new Options(symbols, minutes, batches, 0, false, Duration.ofSeconds(10), symbolMajor, jdbcWriter, false,
                    tickSymbols, ticks, dir, false, pragmas, pageSize, sortBatch);
        }

        static Options parse(String... args) {
            int symbols = 5000;
            int minutes = 200;
            List<Integer> batches = List.of(5_000, 50_000);
            int readers = 2;
            boolean readerProcess = false;
            Duration maxTime = Duration.ofSeconds(120);
            boolean symbolMajor = false;
            boolean jdbc = false;
            boolean tick = false;
            int tickSymbols = 51;
            int ticks = 390;
            Path dir = Path.of(System.getProperty("java.io.tmpdir"));
            boolean warmup = true;
            List<String> pragmas = new ArrayList<>();
            int pageSize = 0;
            boolean sortBatch = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--symbols" -> symbols = Integer.parseInt(args[++i]);
                    case "--minutes" -> minutes = Integer.parseInt(args[++i]);
                    case "--batch" -> batches = args[++i].equals("none") ? List.of() // e.g. with --tick alone
                            : Arrays.stream(args[i].split(",")).map(String::trim).map(Integer::valueOf).toList();
                    case "--readers" -> readers = Integer.parseInt(args[++i]);
                    case "--reader-process" -> readerProcess = true;
                    case "--max-seconds" -> maxTime = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--order" -> symbolMajor = switch (args[++i]) {
                        case "minute" -> false;
                        case "symbol" -> true;
                        default -> throw new IllegalArgumentException("--order is minute or symbol");
                    };
                    case "--writer" -> jdbc = switch (args[++i]) {
                        case "jooq" -> false;
                        case "jdbc" -> true;
                        default -> throw new IllegalArgumentException("--writer is jooq or jdbc");
                    };
                    case "--tick" -> tick = true;
                    case "--tick-symbols" -> tickSymbols = Integer.parseInt(args[++i]);
                    case "--ticks" -> ticks = Integer.parseInt(args[++i]);
                    case "--dir" -> dir = Path.of(args[++i]);
                    case "--no-warmup" -> warmup = false;
                    case "--pragma" -> pragmas.add(args[++i]);
                    case "--page-size" -> pageSize = Integer.parseInt(args[++i]);
                    case "--sort-batch" -> sortBatch = true;
                    default -> throw new IllegalArgumentException("unknown option " + a + "; see the class comment");
                }
            }
            if (minutes < 1 || minutes > 390 || symbols < 1 || readers < 0 || batches.stream().anyMatch(b -> b < 1)) {
                throw new IllegalArgumentException("need 1-390 minutes, at least 1 symbol and batch, 0 or more readers");
            }
            return new Options(symbols, minutes, batches, readers, readerProcess, maxTime, symbolMajor, jdbc, tick,
                    tickSymbols, ticks, dir, warmup, List.copyOf(pragmas), pageSize, sortBatch);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--reader-child")) {
            readerChild(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        quietLogs();
        Options o = Options.parse(args);
        System.out.printf("load %s; %d cores; %s %s%n", loadAverage(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        if (!o.batches().isEmpty()) {
            List<Bar> bars = bars(o.symbols(), o.minutes(), o.symbolMajor());
            if (o.warmup()) {
                // A service ingests for hours: measure compiled code, not the interpreter's first seconds.
                System.out.println("warm-up (not a result): " + ingest(o.warmupRun(), bars.subList(0, Math.min(bars.size(), 200_000)),
                        o.batches().getFirst()));
            }
            for (int batch : o.batches()) {
                System.out.println(ingest(o, bars, batch));
            }
        }
        if (o.tick()) {
            System.out.println(tick(o));
        }
        System.out.printf("load %s%n", loadAverage());
    }

    /** The simulated market's first {@code minutes} of {@link BenchMarket#TODAY}, built before any timing. */
    static List<Bar> bars(int symbols, int minutes, boolean symbolMajor) {
        NyseCalendar calendar = new NyseCalendar();
        SimulatedMarket market = new SimulatedMarket(BenchMarket.SEED, BenchMarket.universe(symbols), calendar, BenchMarket.TODAY);
        SimSession session = market.session(BenchMarket.TODAY);
        List<Bar> bars = new ArrayList<>(symbols * minutes);
        for (int m = 0; m < minutes; m++) {
            bars.addAll(session.barsAt(m));
        }
        if (symbolMajor) {
            bars.sort(Comparator.comparing(Bar::symbol)); // stable: time order within each symbol
        }
        return bars;
    }

    /** One load: a fresh file, the readers started, every bar written in transactions of {@code batch}. */
    static String ingest(Options o, List<Bar> bars, int batch) throws Exception {
        Path dir = Files.createTempDirectory(o.dir(), "tradeloom-bench");
        Path file = dir.resolve("bench.db");
        if (o.pageSize() > 0) {
            createWithPageSize(file, o.pageSize());
        }
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            Migrations.migrate(db);
            int pageSize = db.read("page_size", ctx -> ctx.fetchOne("PRAGMA page_size").get(0, Integer.class));
            try (Readers readers = Readers.start(o, file, o.symbols())) {
                long[] txNanos = new long[(bars.size() + batch - 1) / batch];
                int tx = 0;
                long written = 0;
                readers.startCounting();
                long bytesBefore = bytesWritten();
                long cpuBefore = cpuNanos();
                long start = System.nanoTime();
                long deadline = start + o.maxTime().toNanos();
                for (int from = 0; from < bars.size() && System.nanoTime() < deadline; from += batch) {
                    List<Bar> chunk = bars.subList(from, Math.min(bars.size(), from + batch));
                    List<Bar> rows = o.sortBatch() ? chunk.stream().sorted(KEY_ORDER).toList() : chunk;
                    long t0 = System.nanoTime();
                    written += db.write("bench.ingest", ctx -> {
                        o.pragmas().forEach(p -> ctx.execute("PRAGMA " + p));
                        return o.jdbcWriter()
                                ? ctx.connectionResult(c -> insertJdbc(c, rows))
                                : BarStore.insert(ctx, Timeframe.MIN_1, rows);
                    });
                    txNanos[tx++] = System.nanoTime() - t0;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (cpuNanos() - cpuBefore) / 1e9;
                long bytes = bytesWritten() - bytesBefore;
                Readers.Counts reads = readers.stop();
                Database.FileSizes sizes = db.fileSizes();
                long[] done = Arrays.copyOf(txNanos, tx);
                return String.format(Locale.ROOT,
                        "ingest %s%s, %,d of %,d bars (%d symbols, %s-major), %,d per tx: %.2f s, %,.0f bars/s, %.1f tx/s,"
                                + " tx p50 %.1f ms p99 %.1f ms max %.1f ms; readers %s: %,d queries (%,.0f/s), %,d rows;"
                                + " retries writer %d readers %d; page %d B, written %,.0f MB (%,.0f B/bar), db %.0f MB,"
                                + " wal %.0f MB; process CPU %.0f %%; load %s",
                        o.jdbcWriter() ? "jdbc" : "jooq", o.sortBatch() ? " sorted" : "", written, bars.size(),
                        o.symbols(), o.symbolMajor() ? "symbol" : "minute", batch, seconds, written / seconds,
                        tx / seconds, percentile(done, 0.5) / 1e6, percentile(done, 0.99) / 1e6,
                        percentile(done, 1.0) / 1e6, o.readers() + (o.readerProcess() ? " in another process" : " threads"),
                        reads.queries(), reads.queries() / seconds, reads.rows(), db.retryCount(), reads.retries(),
                        pageSize, bytes / 1e6, written == 0 ? 0.0 : (double) bytes / written, sizes.databaseBytes() / 1e6,
                        sizes.walBytes() / 1e6, 100 * cpu / seconds, loadAverage())
                        + (o.pragmas().isEmpty() ? "" : "; pragmas " + o.pragmas());
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** The table's key order (symbol, timeframe, time), so a transaction's rows fill each B-tree leaf in turn. */
    private static final Comparator<Bar> KEY_ORDER = Comparator.comparing(Bar::symbol).thenComparing(Bar::time);

    /** A new file with the given page size: SQLite fixes it when the first page is written, and WAL mode keeps it. */
    private static void createWithPageSize(Path file, int pageSize) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = " + pageSize);
            s.execute("PRAGMA journal_mode = WAL");
        }
    }

    /** Bytes this process handed to write(2) (/proc/self/io wchar): SQLite's WAL appends and checkpoints. */
    private static long bytesWritten() {
        try {
            return Files.readAllLines(Path.of("/proc/self/io")).stream().filter(l -> l.startsWith("wchar:"))
                    .mapToLong(l -> Long.parseLong(l.substring(6).trim())).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU time of this whole process (writer, and readers when they are threads). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The statement shape BarStore would have with plain JDBC: one prepared single-row INSERT reused for every
     * bar of the transaction (SQLite compiles it once), instead of jOOQ building and binding 1,000-row statements.
     */
    private static int insertJdbc(Connection c, List<Bar> bars) throws SQLException {
        String label = Timeframe.MIN_1.label();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bar (symbol, timeframe, time, open_e4, high_e4,"
                + " low_e4, close_e4, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            int added = 0;
            for (Bar b : bars) {
                ps.setString(1, b.symbol());
                ps.setString(2, label);
                ps.setLong(3, b.time().toEpochMilli());
                ps.setLong(4, PriceUnits.toE4(b.open()));
                ps.setLong(5, PriceUnits.toE4(b.high()));
                ps.setLong(6, PriceUnits.toE4(b.low()));
                ps.setLong(7, PriceUnits.toE4(b.close()));
                ps.setLong(8, b.volume());
                added += ps.executeUpdate();
            }
            return added;
        }
    }

    /**
     * {@link MarketRuntime#ingestOnce} tick by tick: the simulated clock at 60x is advanced one real second (one
     * market minute) at a time from {@link BenchMarket#TODAY}'s open; each tick is one transaction of the minute's
     * bars, the roll-ups it completes, every quote and the clock.
     */
    static String tick(Options o) throws Exception {
        Path dir = Files.createTempDirectory(o.dir(), "tradeloom-bench");
        Path file = dir.resolve("bench.db");
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            Migrations.migrate(db);
            // SYM0000.. rather than the default tickers, so the readers' symbols exist; the first 51 have the
            // default universe's parameters.
            Optional<Path> universe = Optional.of(writeUniverse(dir, o.tickSymbols()));
            Instant open = new NyseCalendar().session(BenchMarket.TODAY).orElseThrow().open();
            MarketDataSettings settings = new MarketDataSettings("sim", BenchMarket.HISTORY_DAYS, BenchMarket.SEED, 60,
                    Optional.of(open), true, universe, Path.of("data/replay"), 60, 2, URI.create("https://data.alpaca.markets"),
                    "iex", true, List.of(), "", "", Duration.ofSeconds(1), 500, 10_000);
            ManualClock real = new ManualClock(Instant.parse("2026-06-01T12:00:00Z"));
            long t0 = System.nanoTime();
            try (MarketRuntime runtime = MarketRuntime.open(db, settings, real)) {
                double openSeconds = (System.nanoTime() - t0) / 1e9;
                try (Readers readers = Readers.start(o, file, o.tickSymbols())) {
                    long[] nanos = new long[o.ticks()];
                    long stored = 0;
                    readers.startCounting();
                    long start = System.nanoTime();
                    for (int i = 0; i < o.ticks(); i++) {
                        real.advance(Duration.ofSeconds(1));
                        long t = System.nanoTime();
                        stored += runtime.ingestOnce();
                        nanos[i] = System.nanoTime() - t;
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    Readers.Counts reads = readers.stop();
                    // Percentiles leave out the first ticks, run while the JIT compiles; the maximum does not.
                    long[] warm = Arrays.copyOfRange(nanos, Math.min(WARM_UP_TICKS, nanos.length / 2), nanos.length);
                    return String.format(Locale.ROOT,
                            "tick MarketRuntime.ingestOnce, %d symbols: open+backfill %.2f s; %d ticks, %,d bars stored,"
                                    + " per tick (after %d) p50 %.2f ms p99 %.2f ms, max %.2f ms (%,.0f bars/s while ticking);"
                                    + " readers %s: %,d queries (%,.0f/s); retries writer %d readers %d; load %s",
                            o.tickSymbols(), openSeconds, o.ticks(), stored, o.ticks() - warm.length,
                            percentile(warm, 0.5) / 1e6, percentile(warm, 0.99) / 1e6, percentile(nanos, 1.0) / 1e6,
                            stored / seconds,
                            o.readers() + (o.readerProcess() ? " in another process" : " threads"), reads.queries(),
                            reads.queries() / seconds, db.retryCount(), reads.retries(), loadAverage());
                }
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static Path writeUniverse(Path dir, int n) throws IOException {
        Path csv = dir.resolve("universe.csv");
        try (Writer w = Files.newBufferedWriter(csv)) {
            w.write(SimUniverse.HEADER + "\n");
            for (SimSymbol s : BenchMarket.universe(n)) {
                // Plain names: the format has no quoting, and some template names hold commas.
                w.write(String.format(Locale.ROOT, "%s,Synthetic %s,%s,%s,%s,%d%n", s.symbol(), s.symbol(),
                        s.price().toPlainString(), s.beta(), s.dailyVol(), s.avgVolume()));
            }
        }
        return csv;
    }

    /** The readers: threads with a database handle of their own (another service's pool), or a child JVM. */
    interface Readers extends AutoCloseable {

        record Counts(long queries, long rows, long retries) {
        }

        /** {@code symbols}: the readers query SYM0000 up to this many. */
        static Readers start(Options o, Path file, int symbols) throws IOException {
            return o.readerProcess() ? new ChildReaders(file, o.readers(), symbols) : new ThreadReaders(file, o.readers(), symbols);
        }

        /** Starts counting reads from now (the load's start). */
        void startCounting() throws IOException;

        /** Stops the readers (once) and returns what they read since {@link #startCounting}. */
        Counts stop() throws IOException;

        @Override
        default void close() throws IOException {
            stop();
        }
    }

    static final class ThreadReaders implements Readers {

        private final Database db;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong queries = new AtomicLong();
        private final AtomicLong rows = new AtomicLong();
        private final List<Thread> threads = new ArrayList<>();
        private long queriesAtStart;
        private long rowsAtStart;
        private long retriesAtStart;
        private Counts stopped;

        ThreadReaders(Path file, int readers, int symbols) {
            db = Database.open(DatabaseSettings.defaults(file));
            BarStore store = new BarStore(db);
            for (int i = 0; i < readers; i++) {
                threads.add(Thread.ofPlatform().name("bench-reader-" + i).daemon().start(() -> {
                    while (running.get()) {
                        String symbol = BenchMarket.symbol(ThreadLocalRandom.current().nextInt(symbols));
                        rows.addAndGet(store.range(symbol, Timeframe.MIN_1, Instant.EPOCH, FAR_FUTURE, READ_LIMIT).size());
                        queries.incrementAndGet();
                    }
                }));
            }
        }

        @Override
        public void startCounting() {
            queriesAtStart = queries.get();
            rowsAtStart = rows.get();
            retriesAtStart = db.retryCount();
        }

        @Override
        public Counts stop() {
            if (stopped == null) {
                stopped = new Counts(queries.get() - queriesAtStart, rows.get() - rowsAtStart, db.retryCount() - retriesAtStart);
                running.set(false);
                for (Thread t : threads) {
                    try {
                        t.join(); // a query in flight finishes first
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                db.close();
            }
            return stopped;
        }
    }

    /** Readers in a second JVM: it answers "ready", counts from "start" and reports when its input closes. */
    static final class ChildReaders implements Readers {

        private final Process process;
        private final BufferedReader out;
        private Counts stopped;

        ChildReaders(Path file, int readers, int symbols) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), IngestBenchmark.class.getName(), "--reader-child",
                    file.toString(), Integer.toString(readers), Integer.toString(symbols))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (!"ready".equals(line)) {
                process.destroy();
                throw new IOException("the reader process did not start: " + line);
            }
        }

        @Override
        public void startCounting() throws IOException {
            process.getOutputStream().write("start\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        @Override
        public Counts stop() throws IOException {
            if (stopped == null) {
                try {
                    process.getOutputStream().close(); // end of input: the child stops and reports
                    String line = out.readLine();
                    if (line == null || !line.startsWith("reads ")) {
                        throw new IOException("the reader process ended without its counts: " + line);
                    }
                    String[] f = line.split(" ");
                    stopped = new Counts(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
                } finally {
                    process.destroy(); // it has reported, or failed: either way it is done
                }
            }
            return stopped;
        }
    }

    /** HikariCP and Flyway log every pool start and migration at INFO; retries are counted, not read from the log. */
    private static void quietLogs() {
        Logger.getLogger("").setLevel(Level.WARNING);
    }

    private static void readerChild(Path file, int readers, int symbols) throws Exception {
        quietLogs();
        ThreadReaders r = new ThreadReaders(file, readers, symbols);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        System.out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("start")) {
                r.startCounting();
            }
        }
        Readers.Counts c = r.stop();
        System.out.println("reads " + c.queries() + " " + c.rows() + " " + c.retries());
        System.out.flush();
    }

    /** A real clock moved by hand, so each {@link MarketRuntime#ingestOnce} covers exactly one market minute. */
    static final class ManualClock extends Clock {

        private volatile Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static double percentile(long[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
