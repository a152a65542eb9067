package io.tradeloom.db;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's one owner: Flyway migrations in {@code db/migration} on the classpath.
 * Migrations run only from the launcher's {@code migrate} command (and the compose one-shot step);
 * services only check that the file's schema is the one they were built for.
 */
public final class Migrations {

    private static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    private static Flyway flyway(Database db) {
        return Flyway.configure()
                .dataSource(db.dataSource())
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
    }

    /** Applies pending migrations; returns the schema version afterwards. */
    public static String migrate(Database db) {
        try {
            MigrateResult result = flyway(db).migrate();
            return result.targetSchemaVersion != null ? result.targetSchemaVersion : status(db).current();
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new DatabaseUnavailableException("Migration of " + db.path() + " failed: " + e.getMessage(), e);
        }
    }

    /** Where the file's schema stands against the migrations this build carries. */
    public static SchemaStatus status(Database db) {
        MigrationInfoService info;
        try {
            info = flyway(db).info();
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new DatabaseUnavailableException("Cannot read the schema of " + db.path() + ": " + e.getMessage(), e);
        }
        MigrationInfo current = info.current();
        String latestKnown = Arrays.stream(info.all())
                .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElse("none");
        boolean newer = Arrays.stream(info.applied())
                .anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED);
        return new SchemaStatus(
                Optional.ofNullable(current).map(m -> m.getVersion().getVersion()).orElse("none"),
                latestKnown,
                info.pending().length,
                newer);
    }

    /**
     * Throws a {@link DatabaseUnavailableException} telling the user what to do unless the file's
     * schema is exactly the one this build knows; returns the version otherwise.
     */
    public static String requireCurrent(Database db) {
        SchemaStatus s = status(db);
        if (s.newerThanKnown()) {
            throw new DatabaseUnavailableException("The database " + db.path() + " has schema version " + s.current()
                    + ", newer than this build knows (" + s.latestKnown() + "). Run the matching TradeLoom version.");
        }
        if (s.pending() > 0) {
            throw new DatabaseUnavailableException("The database " + db.path() + " is not migrated (schema version "
                    + s.current() + ", this build needs " + s.latestKnown() + "). Run: java -jar launcher/target/launcher.jar migrate");
        }
        return s.current();
    }

    /**
     * @param current        the applied version ("none" before the first migration)
     * @param latestKnown    the newest version this build carries
     * @param pending        migrations this build carries that the file lacks
     * @param newerThanKnown the file has migrations this build does not know
     */
    public record SchemaStatus(String current, String latestKnown, int pending, boolean newerThanKnown) {
        public boolean upToDate() {
            return pending == 0 && !newerThanKnown;
        }
    }
}
