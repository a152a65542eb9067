package io.tradeloom.db;

import static io.tradeloom.db.schema.Tables.SYSTEM_EVENT;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.tradeloom.db.schema.tables.records.SystemEventRecord;
import org.sqlite.SQLiteConfig;

/** Helpers shared by the db tests: plain sqlite-jdbc connections that bypass the code under test. */
final class TestFiles {

    private TestFiles() {
    }

    /** The newest migration version, read from the V<n>__*.sql file names rather than from Flyway. */
    static String latestMigration() {
        return Integer.toString(migrationVersions().stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    /** How many migrations the build carries. */
    static int migrationCount() {
        return migrationVersions().size();
    }

    private static java.util.List<Integer> migrationVersions() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString())
                    .map(n -> java.util.regex.Pattern.compile("^V(\\d+)__.*\\.sql$").matcher(n))
                    .filter(java.util.regex.Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A fresh database file with the schema applied. */
    static Path migratedFile(Path dir) {
        Path file = dir.resolve("tradeloom.db");
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            Migrations.migrate(db);
        }
        return file;
    }

    /** A plain sqlite-jdbc connection (not pooled, no retries) with the given busy timeout. */
    static Connection raw(Path file, int busyTimeoutMillis) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyTimeoutMillis);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row from " + sql);
            }
            return rs.getLong(1);
        }
    }

    /** Rows of system_event, counted over a connection of its own. */
    static long countEvents(Path file, String where) throws SQLException {
        try (Connection c = raw(file, 5_000)) {
            return queryLong(c, "SELECT count(*) FROM system_event" + (where.isEmpty() ? "" : " WHERE " + where));
        }
    }

    static SystemEventRecord event(String service, String level, String kind, String message) {
        SystemEventRecord r = SYSTEM_EVENT.newRecord();
        r.setOccurredAt(System.currentTimeMillis());
        r.setService(service);
        r.setLevel(level);
        r.setKind(kind);
        r.setMessage(message);
        return r;
    }
}
