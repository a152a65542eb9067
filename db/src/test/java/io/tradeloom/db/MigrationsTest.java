package io.tradeloom.db;

import static io.tradeloom.db.TestFiles.exec;
import static io.tradeloom.db.TestFiles.queryLong;
import static io.tradeloom.db.TestFiles.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Flyway owns the schema: migrate brings a file to this build's version; services only check it. */
@Timeout(60)
class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void migrateOnANewFileAppliesTheNewestMigrationAndLeavesItUpToDate() throws Exception {
        Path file = dir.resolve("new.db");
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            assertThat(Migrations.migrate(db)).isEqualTo(TestFiles.latestMigration());

            Migrations.SchemaStatus status = Migrations.status(db);
            assertThat(status.current()).isEqualTo(TestFiles.latestMigration());
            assertThat(status.latestKnown()).isEqualTo(TestFiles.latestMigration());
            assertThat(status.pending()).isZero();
            assertThat(status.newerThanKnown()).isFalse();
            assertThat(status.upToDate()).isTrue();
            assertThat(Migrations.requireCurrent(db)).isEqualTo(TestFiles.latestMigration());
        }
        try (Connection c = raw(file, 1_000)) {
            assertThat(queryLong(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                    + " AND name IN ('service_registry', 'system_event')")).isEqualTo(2);
        }
    }

    @Test
    void migrateTwiceChangesNothingTheSecondTime() throws Exception {
        Path file = dir.resolve("twice.db");
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            Migrations.migrate(db);
            assertThat(Migrations.migrate(db)).isEqualTo(TestFiles.latestMigration());
            assertThat(Migrations.status(db).upToDate()).isTrue();
        }
        try (Connection c = raw(file, 1_000)) {
            assertThat(queryLong(c, "SELECT count(*) FROM flyway_schema_history WHERE success = 1")).isEqualTo(TestFiles.migrationCount());
        }
    }

    @Test
    void requireCurrentOnAnUnmigratedFileTellsTheUserToRunTheLaunchersMigrate() throws Exception {
        Path file = dir.resolve("unmigrated.db");
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            Migrations.SchemaStatus status = Migrations.status(db);
            assertThat(status.current()).isEqualTo("none");
            assertThat(status.pending()).isEqualTo(TestFiles.migrationCount());
            assertThat(status.upToDate()).isFalse();

            assertThatThrownBy(() -> Migrations.requireCurrent(db))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining(file.toAbsolutePath().toString())
                    .hasMessageContaining("not migrated")
                    .hasMessageContaining("launcher")
                    .hasMessageContaining("migrate");
        }
        // Checking did not migrate behind the user's back.
        try (Connection c = raw(file, 1_000)) {
            assertThat(queryLong(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table'")).isZero();
        }
    }

    @Test
    void requireCurrentRefusesAFileMigratedByANewerBuild() throws Exception {
        Path file = dir.resolve("future.db");
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            Migrations.migrate(db);
        }
        try (Connection c = raw(file, 1_000)) {
            exec(c, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success)"
                    + " SELECT max(installed_rank) + 1, '999', 'from the future', 'SQL', 'V999__from_the_future.sql',"
                    + " 12345, 'test', 1, 1 FROM flyway_schema_history");
        }
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            Migrations.SchemaStatus status = Migrations.status(db);
            assertThat(status.newerThanKnown()).isTrue();
            assertThat(status.current()).isEqualTo("999");
            assertThat(status.latestKnown()).isEqualTo(TestFiles.latestMigration());
            assertThat(status.upToDate()).isFalse();

            assertThatThrownBy(() -> Migrations.requireCurrent(db))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining(file.toAbsolutePath().toString())
                    .hasMessageContaining("999")
                    .hasMessageContaining("newer than this build");
        }
    }
}
