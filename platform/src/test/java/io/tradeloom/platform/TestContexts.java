package io.tradeloom.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.db.Migrations;

/** Real settings and contexts over a fresh, migrated SQLite file in a temporary directory. */
public final class TestContexts {

    private TestContexts() {
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory("tradeloom-" + prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A migrated database file at {@code dir/trading_system.db}. */
    public static Path migratedDatabase(Path dir) {
        Path file = dir.resolve("trading_system.db");
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            Migrations.migrate(db);
        }
        return file;
    }

    /** Overrides pointing the database and the logs into {@code dir}, on port 0, plus {@code extra}. */
    public static Map<String, String> overrides(Path dir, Path database, Map<String, String> extra) {
        Map<String, String> o = new HashMap<>();
        o.put("database.path", database.toString());
        o.put("log.dir", dir.resolve("logs").toString());
        o.put("server.port", "0");
        o.putAll(extra);
        return o;
    }

    public static Settings settings(ServiceId service, Path dir, Map<String, String> extra) {
        return Settings.load(service, overrides(dir, migratedDatabase(dir), extra));
    }

    /** A context over a new migrated database in {@code dir}. */
    public static ServiceContext context(ServiceId service, Path dir, Map<String, String> extra) {
        return ServiceKit.context(settings(service, dir, extra));
    }

    public static ServiceContext context(ServiceId service, String prefix) {
        return context(service, tempDir(prefix), Map.of());
    }

    /** A port that was free a moment ago and that nobody listens on now. */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a temporary directory, best effort. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
