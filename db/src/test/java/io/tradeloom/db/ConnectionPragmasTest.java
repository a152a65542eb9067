package io.tradeloom.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every connection must carry all of the seed's pragmas. They are set as driver properties; a pool's
 * init SQL could silently run only the first statement, so each pragma is read back on each connection.
 */
@Timeout(60)
class ConnectionPragmasTest {

    /** The seed's settings, as SQLite reports them back. synchronous NORMAL reads as 1. */
    private static final Map<String, String> SEED = Map.of(
            "journal_mode", "wal",
            "synchronous", "1",
            "cache_size", "-64000",
            "busy_timeout", "30000",
            "foreign_keys", "1");

    @TempDir
    Path dir;

    @Test
    void everyPooledConnectionOpenAtOnceCarriesAllSeedPragmas() throws Exception {
        DatabaseSettings settings = DatabaseSettings.defaults(dir.resolve("pragmas.db"));
        try (Database db = Database.open(settings)) {
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < settings.maxConcurrency(); i++) {
                    held.add(db.dataSource().getConnection());
                }
                List<Object> physical = new ArrayList<>();
                for (Connection c : held) {
                    assertThat(pragmas(c)).as("pragmas of pooled connection %s", c).isEqualTo(SEED);
                    physical.add(c.unwrap(org.sqlite.SQLiteConnection.class));
                }
                assertThat(physical).as("distinct physical connections").doesNotHaveDuplicates()
                        .hasSize(settings.maxConcurrency());
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
        }
    }

    @Test
    void connectionsUsedByConcurrentReadsCarryAllSeedPragmas() throws Exception {
        DatabaseSettings settings = DatabaseSettings.defaults(dir.resolve("pragmas.db"));
        int readers = settings.maxConcurrency();
        try (Database db = Database.open(settings);
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            // Every read waits until all are inside, so each runs on a connection of its own.
            CountDownLatch allInside = new CountDownLatch(readers);
            List<Object> connections = Collections.synchronizedList(new ArrayList<>());
            List<Future<Map<String, String>>> results = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                results.add(callers.submit(() -> db.read("pragmas", ctx -> {
                    allInside.countDown();
                    await(allInside);
                    connections.add(physicalConnection(ctx));
                    return pragmas(ctx);
                })));
            }
            for (Future<Map<String, String>> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(SEED);
            }
            assertThat(connections).doesNotHaveDuplicates().hasSize(readers);

            // Writes use the same pool; their connections carry the same pragmas.
            Map<String, String> inWrite = db.write("pragmas-in-write", ctx -> pragmas(ctx));
            assertThat(inWrite).isEqualTo(SEED);
        }
    }

    private static Map<String, String> pragmas(DSLContext ctx) {
        return ctx.connectionResult(c -> {
            try {
                return pragmas(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Object physicalConnection(DSLContext ctx) {
        return ctx.connectionResult(c -> c.unwrap(org.sqlite.SQLiteConnection.class));
    }

    private static Map<String, String> pragmas(Connection c) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pragma : SEED.keySet()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
                assertThat(rs.next()).as("PRAGMA %s returns a row", pragma).isTrue();
                values.put(pragma, rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return values;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("reads did not all start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
