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
        try {
            return context(service, Files.createTempDirectory("tradeloom-" + prefix + "-"), extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A context of {@code service} on port 0 over a new migrated database in {@code dir} (which close removes). */
    public static ServiceContext context(ServiceId service, Path dir, Map<String, String> extra) {
        Path file = dir.resolve("trading_system.db");
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            Migrations.migrate(db);
        }
        Map<String, String> overrides = new HashMap<>(extra);
        overrides.put("database.path", file.toString());
        overrides.put("log.dir", dir.resolve("logs").toString());
        overrides.put("server.port", "0");
        return ServiceKit.context(Settings.load(service, overrides));
    }

    /** Stops the context's background work, closes its database and removes its directory, best effort. */
    public static void close(ServiceContext context) {
        Path dir = context.db().path().getParent();
        // Background work (a scan loop) must stop before the database it writes to closes and its file goes.
        context.lifecycle().stopAll();
        context.db().close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
