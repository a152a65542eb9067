package io.tradeloom.db;

import static io.tradeloom.db.schema.Tables.SYSTEM_EVENT;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A writer process for {@link ConcurrentWritersTest}: opens the database with the default settings,
 * prints {@code READY}, waits for {@code GO} on stdin, runs its writers, then prints one
 * {@code RESULT ...} line with its counts.
 *
 * <p>Each writer {@code writer-<proc>-<n>} runs {@code transactions} write transactions; transaction
 * {@code seq} inserts {@link #rowsFor(int)} system_event rows with service = writer name,
 * message = seq and kind = part-0, part-1, ...
 */
public final class WriterProcess {

    private WriterProcess() {
    }

    /** Rows inserted by transaction {@code seq}: 1, 2 or 3. */
    static int rowsFor(int seq) {
        return 1 + seq % 3;
    }

    static String writerName(String proc, int writer) {
        return "writer-" + proc + "-" + writer;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String proc = args[1];
        int writers = Integer.parseInt(args[2]);
        int transactions = Integer.parseInt(args[3]);

        RetryCounter observer = new RetryCounter();
        try (Database db = Database.open(DatabaseSettings.defaults(file), observer)) {
            Migrations.requireCurrent(db);
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String go = in.readLine();
            if (!"GO".equals(go)) {
                System.err.println("expected GO, got " + go);
                System.exit(3);
            }
            Result r = runWriters(db, proc, writers, transactions);
            System.out.println("RESULT proc=" + proc + " writers=" + writers + " ok=" + r.ok() + " errors=" + r.errors()
                    + " retries=" + db.retryCount() + " observedRetries=" + observer.retries.get()
                    + " onVirtualThreads=" + r.onVirtualThreads()
                    + " startedAt=" + r.startedAt() + " endedAt=" + r.endedAt());
            System.out.flush();
        }
    }

    /** Runs {@code writers} writers on virtual threads, each doing {@code transactions} write transactions. */
    static Result runWriters(Database db, String proc, int writers, int transactions) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong onVirtual = new AtomicLong();
        long startedAt = System.currentTimeMillis();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String name = writerName(proc, w);
            threads.add(Thread.ofVirtual().name(name).start(() -> {
                for (int seq = 0; seq < transactions; seq++) {
                    String message = Integer.toString(seq);
                    int rows = rowsFor(seq);
                    try {
                        db.write("writer-insert", ctx -> {
                            if (Thread.currentThread().isVirtual()) {
                                onVirtual.incrementAndGet(); // sqlite-jdbc would pin the carrier
                            }
                            long now = System.currentTimeMillis();
                            for (int part = 0; part < rows; part++) {
                                ctx.insertInto(SYSTEM_EVENT)
                                        .set(SYSTEM_EVENT.OCCURRED_AT, now)
                                        .set(SYSTEM_EVENT.SERVICE, name)
                                        .set(SYSTEM_EVENT.LEVEL, "INFO")
                                        .set(SYSTEM_EVENT.KIND, "part-" + part)
                                        .set(SYSTEM_EVENT.MESSAGE, message)
                                        .execute();
                            }
                            return null;
                        });
                        ok.incrementAndGet();
                    } catch (RuntimeException e) {
                        if (errors.incrementAndGet() <= 5) {
                            System.err.println(name + " seq " + seq + " failed: " + e);
                            e.printStackTrace();
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(ok.get(), errors.get(), onVirtual.get(), startedAt, System.currentTimeMillis());
    }

    /**
     * @param onVirtualThreads transactions whose work ran on a virtual thread (the database's own platform
     *                         threads should run them all)
     * @param startedAt        wall-clock epoch millis, comparable across processes on one machine
     */
    record Result(long ok, long errors, long onVirtualThreads, long startedAt, long endedAt) {
    }

    static final class RetryCounter implements DatabaseObserver {
        final AtomicLong retries = new AtomicLong();

        @Override
        public void retry(String name, int attempt, Duration backoff) {
            retries.incrementAndGet();
        }
    }
}
