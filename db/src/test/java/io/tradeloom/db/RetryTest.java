package io.tradeloom.db;

import static io.tradeloom.db.TestFiles.countEvents;
import static io.tradeloom.db.TestFiles.exec;
import static io.tradeloom.db.TestFiles.raw;
import static io.tradeloom.db.WriteTransactionTest.insertEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLITE_BUSY / SQLITE_LOCKED are retried, bounded, with back-off; each retry is logged and counted. */
@Timeout(60)
class RetryTest {

    @TempDir
    Path dir;

    private Path file;
    private final RecordingHandler log = new RecordingHandler();
    private final RecordingObserver observer = new RecordingObserver();

    @BeforeEach
    void setUp() {
        file = TestFiles.migratedFile(dir);
        Database.LOG.addHandler(log);
    }

    @AfterEach
    void tearDown() {
        Database.LOG.removeHandler(log);
    }

    @Test
    void retriesWriteUntilAnotherConnectionReleasesTheLock() throws Exception {
        // SQLite's own wait (20 ms) is far shorter than the lock, so only the retries can carry the write.
        DatabaseSettings settings = DatabaseSettings.defaults(file)
                .withBusyTimeout(Duration.ofMillis(20))
                .withRetries(40, Duration.ofMillis(10), Duration.ofMillis(100));
        long holdMillis = 300;
        try (Database db = Database.open(settings, observer)) {
            CountDownLatch locked = new CountDownLatch(1);
            CompletableFuture<Long> releasedAt = CompletableFuture.supplyAsync(() -> {
                try (Connection other = raw(file, 0)) {
                    exec(other, "BEGIN IMMEDIATE");
                    insertRaw(other, "holder");
                    locked.countDown();
                    Thread.sleep(holdMillis);
                    long at = System.nanoTime();
                    exec(other, "COMMIT");
                    return at;
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            int inserted = db.write("retried-insert", ctx -> insertEvent(ctx, "retried", "1"));
            long writeDone = System.nanoTime();

            assertThat(inserted).isEqualTo(1);
            assertThat(writeDone).as("write finished after the lock was released")
                    .isGreaterThan(releasedAt.get(10, TimeUnit.SECONDS));
            assertThat(countEvents(file, "service = 'retried'")).isEqualTo(1);
            assertThat(countEvents(file, "service = 'holder'")).isEqualTo(1);

            System.out.printf("write held off %d ms by another connection: %d retries, backoffs %s%n",
                    holdMillis, db.retryCount(), observer.retries.stream().map(r -> r.backoff().toMillis()).toList());
            assertThat(db.retryCount()).isPositive();
            assertThat(observer.retries).isNotEmpty().allSatisfy(r -> {
                assertThat(r.name()).isEqualTo("retried-insert");
                assertThat(r.backoff()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(100));
            });
            assertThat(observer.retries).extracting(Retry::attempt)
                    .as("attempts numbered 1, 2, ...").containsExactlyElementsOf(oneTo(observer.retries.size()));
            assertThat((long) observer.retries.size()).isEqualTo(db.retryCount());
            assertThat(observer.operations).containsExactly(new Operation("retried-insert", true, true));

            assertThat(log.records()).filteredOn(r -> r.getMessage().contains("retried-insert"))
                    .hasSize(observer.retries.size())
                    .allSatisfy(r -> {
                        assertThat(r.getLevel()).isEqualTo(Level.INFO);
                        assertThat(r.getMessage()).contains("retrying in");
                    });
        }
    }

    @Test
    void givesUpWithDatabaseBusyExceptionWhenTheLockOutlastsEveryAttemptAndCommitsNothing() throws Exception {
        int attempts = 3;
        DatabaseSettings settings = DatabaseSettings.defaults(file)
                .withBusyTimeout(Duration.ofMillis(20))
                .withRetries(attempts, Duration.ofMillis(5), Duration.ofMillis(10));
        try (Database db = Database.open(settings, observer);
             Connection other = raw(file, 0)) {
            exec(other, "BEGIN IMMEDIATE");
            try {
                assertThatThrownBy(() -> db.write("starved-insert", ctx -> insertEvent(ctx, "starved", "1")))
                        .isInstanceOf(DatabaseBusyException.class)
                        .hasMessageContaining("starved-insert")
                        .satisfies(e -> assertThat(Database.isBusy(e)).isTrue());
            } finally {
                exec(other, "COMMIT");
            }
            assertThat(countEvents(file, "service = 'starved'")).isZero();
            assertThat(db.retryCount()).isEqualTo(attempts - 1);
            assertThat(observer.retries).extracting(Retry::attempt).containsExactly(1, 2);
            assertThat(observer.operations).containsExactly(new Operation("starved-insert", true, false));
            assertThat(log.records()).filteredOn(r -> r.getLevel() == Level.WARNING)
                    .singleElement()
                    .satisfies(r -> assertThat(r.getMessage()).contains("starved-insert", "giving up"));

            // Once the lock is gone, the same database writes normally.
            db.write("later-insert", ctx -> insertEvent(ctx, "later", "1"));
            assertThat(countEvents(file, "service = 'later'")).isEqualTo(1);
        }
    }

    @Test
    void doesNotRetryAConstraintViolation() {
        DatabaseSettings settings = DatabaseSettings.defaults(file);
        try (Database db = Database.open(settings, observer)) {
            assertThatThrownBy(() -> db.write("bad-level", ctx -> {
                insertEvent(ctx, "good", "1");
                return ctx.execute("INSERT INTO system_event (occurred_at, service, level, kind, message)"
                        + " VALUES (1, 'bad', 'BOGUS', 'test', 'x')");
            })).isInstanceOf(DataAccessException.class)
                    .satisfies(e -> assertThat(Database.isBusy(e)).isFalse());
            assertThat(db.retryCount()).isZero();
            assertThat(observer.retries).isEmpty();
            assertThat(observer.operations).containsExactly(new Operation("bad-level", true, false));
        }
    }

    @Test
    void classifiesBusyAndLockedIncludingExtendedCodesAsRetryable() {
        assertThat(Database.isBusy(new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY))).isTrue();
        assertThat(Database.isBusy(new SQLiteException("snapshot", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT))).isTrue();
        assertThat(Database.isBusy(new SQLiteException("recovery", SQLiteErrorCode.SQLITE_BUSY_RECOVERY))).isTrue();
        assertThat(Database.isBusy(new SQLiteException("locked", SQLiteErrorCode.SQLITE_LOCKED))).isTrue();
        assertThat(Database.isBusy(new SQLiteException("shared", SQLiteErrorCode.SQLITE_LOCKED_SHAREDCACHE))).isTrue();
        // As jOOQ hands them on: wrapped.
        assertThat(Database.isBusy(new DataAccessException("wrapped",
                new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT)))).isTrue();
    }

    @Test
    void classifiesOtherFailuresAsNotRetryable() {
        assertThat(Database.isBusy(new SQLiteException("check", SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK))).isFalse();
        assertThat(Database.isBusy(new SQLiteException("constraint", SQLiteErrorCode.SQLITE_CONSTRAINT))).isFalse();
        assertThat(Database.isBusy(new SQLiteException("error", SQLiteErrorCode.SQLITE_ERROR))).isFalse();
        assertThat(Database.isBusy(new DataAccessException("wrapped",
                new SQLiteException("check", SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK)))).isFalse();
        assertThat(Database.isBusy(new IllegalStateException("database is locked"))).isFalse();
    }

    private static void insertRaw(Connection c, String service) throws SQLException {
        exec(c, "INSERT INTO system_event (occurred_at, service, level, kind, message)"
                + " VALUES (1, '" + service + "', 'INFO', 'test', 'x')");
    }

    private static List<Integer> oneTo(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            l.add(i);
        }
        return l;
    }

    record Retry(String name, int attempt, Duration backoff) {
    }

    record Operation(String name, boolean write, boolean ok) {
    }

    static final class RecordingObserver implements DatabaseObserver {
        final List<Retry> retries = Collections.synchronizedList(new ArrayList<>());
        final List<Operation> operations = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void operation(String name, boolean write, Duration took, boolean ok) {
            operations.add(new Operation(name, write, ok));
        }

        @Override
        public void retry(String name, int attempt, Duration backoff) {
            retries.add(new Retry(name, attempt, backoff));
        }
    }

    /** Collects what Database.LOG publishes, with messages formatted. */
    static final class RecordingHandler extends Handler {
        private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

        RecordingHandler() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        List<LogRecord> records() {
            synchronized (records) {
                return List.copyOf(records);
            }
        }
    }
}
