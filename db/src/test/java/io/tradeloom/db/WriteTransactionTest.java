package io.tradeloom.db;

import static io.tradeloom.db.TestFiles.countEvents;
import static io.tradeloom.db.TestFiles.exec;
import static io.tradeloom.db.TestFiles.raw;
import static io.tradeloom.db.schema.Tables.SYSTEM_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** db.write runs its work in one transaction that holds SQLite's write lock from BEGIN to COMMIT. */
@Timeout(60)
class WriteTransactionTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void migrate() {
        file = TestFiles.migratedFile(dir);
    }

    @Test
    void writeTakesTheWriteLockAtBeginBeforeItsFirstWriteStatement() throws Exception {
        try (Database db = Database.open(DatabaseSettings.defaults(file));
             Connection other = raw(file, 0)) {
            Throwable refused = db.write("lock-at-begin", ctx -> {
                // Nothing written yet: a deferred transaction would not hold the write lock here.
                ctx.fetch("SELECT count(*) FROM system_event");
                return catchThrowable(() -> exec(other, "BEGIN IMMEDIATE"));
            });
            assertThat(refused).isInstanceOf(SQLiteException.class);
            assertThat(((SQLiteException) refused).getResultCode().code & 0xff)
                    .as("primary result code").isEqualTo(SQLiteErrorCode.SQLITE_BUSY.code);

            // Once db.write has returned the lock is free again.
            exec(other, "BEGIN IMMEDIATE");
            exec(other, "ROLLBACK");
        }
    }

    @Test
    void writeCommitsAllItsStatementsWhenTheWorkReturns() throws Exception {
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            int inserted = db.write("insert-three", ctx -> {
                int n = 0;
                for (int i = 0; i < 3; i++) {
                    n += insertEvent(ctx, "committer", "m" + i);
                }
                return n;
            });
            assertThat(inserted).isEqualTo(3);
            assertThat(countEvents(file, "service = 'committer'")).isEqualTo(3);
        }
    }

    @Test
    void writeWhoseWorkThrowsLeavesNothingBehind() throws Exception {
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            IllegalStateException boom = new IllegalStateException("boom");
            assertThatThrownBy(() -> db.write("insert-then-fail", ctx -> {
                insertEvent(ctx, "failing", "1");
                insertEvent(ctx, "failing", "2");
                throw boom;
            })).isSameAs(boom);
            assertThat(countEvents(file, "service = 'failing'")).isZero();
            assertThat(db.retryCount()).as("a plain failure is not retried").isZero();

            // The connection is fit for the next write.
            db.write("after-failure", ctx -> insertEvent(ctx, "after", "1"));
            assertThat(countEvents(file, "service = 'after'")).isEqualTo(1);
        }
    }

    @Test
    void writeAfterAnAttemptWhoseBeginWasRefusedIsStillOneTransaction() throws Exception {
        // One connection in the pool, so the next write gets the connection whose BEGIN was refused.
        DatabaseSettings settings = DatabaseSettings.defaults(file)
                .withMaxConcurrency(1)
                .withBusyTimeout(Duration.ofMillis(20))
                .withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1));
        try (Database db = Database.open(settings)) {
            try (Connection holder = raw(file, 0)) {
                exec(holder, "BEGIN IMMEDIATE");
                assertThatThrownBy(() -> db.write("refused", ctx -> insertEvent(ctx, "refused", "1")))
                        .isInstanceOf(DatabaseBusyException.class);
                exec(holder, "COMMIT");
            }

            IllegalStateException boom = new IllegalStateException("boom");
            assertThatThrownBy(() -> db.write("insert-then-fail", ctx -> {
                insertEvent(ctx, "half-done", "1");
                throw boom;
            })).isSameAs(boom);
            assertThat(countEvents(file, "service IN ('refused', 'half-done')")).isZero();

            db.write("insert-two", ctx -> insertEvent(ctx, "whole", "1") + insertEvent(ctx, "whole", "2"));
            assertThat(countEvents(file, "service = 'whole'")).isEqualTo(2);
        }
    }

    @Test
    void oneWriteCommitsExactlyOneTransactionAndDoesNotTakeTheLockAgainAfterCommit() throws Exception {
        DatabaseSettings settings = DatabaseSettings.defaults(file).withMaxConcurrency(1);
        try (Database db = Database.open(settings)) {
            AtomicInteger commits = new AtomicInteger();
            SQLiteCommitListener listener = new SQLiteCommitListener() {
                @Override
                public void onCommit() {
                    commits.incrementAndGet();
                }

                @Override
                public void onRollback() {
                }
            };
            SQLiteConnection physical = db.read("listen", ctx -> ctx.connectionResult(c -> c.unwrap(SQLiteConnection.class)));
            physical.addCommitListener(listener);
            try {
                int writes = 5;
                for (int i = 0; i < writes; i++) {
                    String message = Integer.toString(i);
                    db.write("one-commit", ctx -> insertEvent(ctx, "once", message));
                }
                // SQLite's commit hook fires for every transaction that held the write lock, even an empty
                // one; a driver that opens the next transaction right after COMMIT would show 2 per write.
                assertThat(commits).as("commits seen by the connection's commit hook").hasValue(writes);
                assertThat(countEvents(file, "service = 'once'")).isEqualTo(writes);
            } finally {
                physical.removeCommitListener(listener);
            }
        }
    }

    @Test
    void aConnectionWhoseTransactionCannotBeRolledBackIsReplacedAndTheNextWriteWorks() throws Exception {
        DatabaseSettings settings = DatabaseSettings.defaults(file).withMaxConcurrency(1);
        try (Database db = Database.open(settings)) {
            SQLiteConnection before = db.read("which", ctx -> ctx.connectionResult(c -> c.unwrap(SQLiteConnection.class)));
            IllegalStateException boom = new IllegalStateException("boom");
            assertThatThrownBy(() -> db.write("ends-its-own-transaction", ctx -> {
                ctx.execute("ROLLBACK"); // the transaction is gone, so the database's ROLLBACK fails
                throw boom;
            })).isSameAs(boom);
            assertThat(boom.getSuppressed()).as("the failed ROLLBACK, kept with the failure").hasSize(1);

            db.write("next", ctx -> insertEvent(ctx, "next", "1") + insertEvent(ctx, "next", "2"));
            assertThat(countEvents(file, "service = 'next'")).isEqualTo(2);
            SQLiteConnection after = db.read("which", ctx -> ctx.connectionResult(c -> c.unwrap(SQLiteConnection.class)));
            assertThat(after).as("a fresh physical connection").isNotSameAs(before);
        }
    }

    static int insertEvent(DSLContext ctx, String service, String message) {
        return ctx.insertInto(SYSTEM_EVENT)
                .set(SYSTEM_EVENT.OCCURRED_AT, System.currentTimeMillis())
                .set(SYSTEM_EVENT.SERVICE, service)
                .set(SYSTEM_EVENT.LEVEL, "INFO")
                .set(SYSTEM_EVENT.KIND, "test")
                .set(SYSTEM_EVENT.MESSAGE, message)
                .execute();
    }
}
