package io.tradeloom.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.db.Migrations;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.Settings;

/** Real service contexts over a fresh, migrated SQLite file in a temporary directory, for the services' tests. */
public final class TestContexts {

    private TestContexts() {
    }

    /** A context of {@code service} on port 0 over a new migrated database, with {@code extra} settings. */
    public static ServiceContext context(ServiceId service, String prefix, Map<String, String> extra) {
        return context(service, tempDir(prefix), extra);
    }

    /** A context of {@code service} on port 0 over a new migrated database in {@code dir} (which close removes). */
    public static ServiceContext context(ServiceId service, Path dir, Map<String, String> extra) {
        return ServiceKit.context(Settings.load(service, overrides(dir, migratedDatabase(dir), extra)));
    }

    /** Stops the context's background work, closes its database and removes its directory, best effort. */
    public static void close(ServiceContext context) {
        Path dir = context.db().path().getParent();
        // Background work (a scan loop) must stop before the database it writes to closes and its file goes.
        context.lifecycle().stopAll();
        context.db().close();
        delete(dir);
    }

    /** A new temporary directory, {@code tradeloom-<prefix>-...}. */
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

    /** Settings for a service on {@code database}, with its logs in {@code dir} and port 0, plus {@code extra}. */
    public static Map<String, String> overrides(Path dir, Path database, Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(extra);
        overrides.put("database.path", database.toString());
        overrides.put("log.dir", dir.resolve("logs").toString());
        overrides.put("server.port", "0");
        return overrides;
    }

    /** Removes a directory and everything in it, best effort. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
