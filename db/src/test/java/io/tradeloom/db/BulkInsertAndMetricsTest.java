package io.tradeloom.db;

import static io.tradeloom.db.TestFiles.countEvents;
import static io.tradeloom.db.TestFiles.event;
import static io.tradeloom.db.WriteTransactionTest.insertEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.tradeloom.db.schema.tables.records.SystemEventRecord;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** bulkInsert is one all-or-nothing transaction; every operation reports its timing to the observer. */
@Timeout(60)
class BulkInsertAndMetricsTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void migrate() {
        file = TestFiles.migratedFile(dir);
    }

    @Test
    void bulkInsertInsertsEveryRecord() throws Exception {
        int n = 250;
        List<SystemEventRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(event("bulk", i % 2 == 0 ? "INFO" : "WARNING", "bulk-test", "row " + i));
        }
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            assertThat(db.bulkInsert("bulk", records)).isEqualTo(n);
        }
        assertThat(countEvents(file, "service = 'bulk'")).isEqualTo(n);
        assertThat(countEvents(file, "service = 'bulk' AND level = 'WARNING'")).isEqualTo(n / 2);
    }

    @Test
    void bulkInsertWithOneInvalidRecordInsertsNone() throws Exception {
        List<SystemEventRecord> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(event("bulk", "INFO", "bulk-test", "row " + i));
        }
        records.add(50, event("bulk", "BOGUS", "bulk-test", "violates the level CHECK"));
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            assertThatThrownBy(() -> db.bulkInsert("bulk", records)).isInstanceOf(DataAccessException.class);
            assertThat(db.retryCount()).isZero();
        }
        assertThat(countEvents(file, "")).isZero();
    }

    @Test
    void bulkInsertOfNothingInsertsNothing() throws Exception {
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            assertThat(db.bulkInsert("bulk", List.of())).isZero();
        }
        assertThat(countEvents(file, "")).isZero();
    }

    @Test
    void observerReceivesNameKindDurationAndSuccessOfEachOperation() {
        List<Timing> timings = Collections.synchronizedList(new ArrayList<>());
        DatabaseObserver observer = new DatabaseObserver() {
            @Override
            public void operation(String name, boolean write, Duration took, boolean ok) {
                timings.add(new Timing(name, write, took, ok));
            }
        };
        Duration pause = Duration.ofMillis(40);
        try (Database db = Database.open(DatabaseSettings.defaults(file), observer)) {
            long start = System.nanoTime();
            db.read("slow-read", ctx -> {
                sleep(pause);
                return ctx.fetchCount(io.tradeloom.db.schema.Tables.SYSTEM_EVENT);
            });
            Duration readElapsed = Duration.ofNanos(System.nanoTime() - start);

            db.write("ok-write", ctx -> insertEvent(ctx, "metrics", "1"));
            assertThatThrownBy(() -> db.write("failing-write", ctx -> {
                insertEvent(ctx, "metrics", "2");
                return ctx.execute("INSERT INTO system_event (occurred_at, service, level, kind, message)"
                        + " VALUES (1, 'metrics', 'BOGUS', 'test', 'x')");
            })).isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> db.read("failing-read", ctx -> ctx.fetch("SELECT * FROM no_such_table")))
                    .isInstanceOf(DataAccessException.class);
            db.bulkInsert("ok-bulk", List.of(event("metrics", "INFO", "k", "3")));

            assertThat(timings).extracting(Timing::name, Timing::write, Timing::ok).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("slow-read", false, true),
                    org.assertj.core.groups.Tuple.tuple("ok-write", true, true),
                    org.assertj.core.groups.Tuple.tuple("failing-write", true, false),
                    org.assertj.core.groups.Tuple.tuple("failing-read", false, false),
                    org.assertj.core.groups.Tuple.tuple("ok-bulk", true, true));
            assertThat(timings.get(0).took()).as("the read's duration covers its work and no more than the call")
                    .isGreaterThanOrEqualTo(pause)
                    .isLessThanOrEqualTo(readElapsed);
            assertThat(timings).allSatisfy(t -> assertThat(t.took()).isPositive());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Timing(String name, boolean write, Duration took, boolean ok) {
    }
}
