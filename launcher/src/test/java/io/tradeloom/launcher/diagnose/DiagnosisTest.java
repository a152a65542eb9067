package io.tradeloom.launcher.diagnose;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.db.Migrations;
import io.tradeloom.launcher.TestSystem;
import io.tradeloom.launcher.config.Installation;
import io.tradeloom.launcher.config.LauncherConfig;
import io.tradeloom.launcher.diagnose.Finding.Section;
import io.tradeloom.launcher.health.HealthProbe;
import io.tradeloom.launcher.health.StatusReport;
import io.tradeloom.platform.ServiceId;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosisTest {

    @TempDir
    Path dir;

    // Short: the port squatter accepts connections and never answers.
    private final HealthProbe probe = new HealthProbe(Duration.ofMillis(300));

    @Test
    void migratedDatabaseIsSoundAndCurrent() throws IOException {
        LauncherConfig config = TestSystem.config(dir);
        try (Database db = Database.open(DatabaseSettings.defaults(config.databasePath()))) {
            Migrations.migrate(db);
        }

        List<Finding> findings = diagnosis(config).database();

        assertThat(findings).allMatch(Finding::ok);
        assertThat(findings).extracting(Finding::message)
                .anyMatch(m -> m.equals("integrity_check: ok"))
                .anyMatch(m -> m.startsWith("write-ahead log "))
                .anyMatch(m -> m.startsWith("schema version ") && m.endsWith("(the latest this build knows)"));
    }

    @Test
    void corruptDatabaseFileIsAProblemAndLeftUntouched() throws IOException {
        LauncherConfig config = TestSystem.config(dir);
        Files.createDirectories(config.databasePath().getParent());
        byte[] garbage = "this is not a SQLite database, just some bytes".getBytes(StandardCharsets.US_ASCII);
        Files.write(config.databasePath(), garbage);

        List<Finding> findings = diagnosis(config).database();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ok()).isFalse();
            assertThat(f.message()).contains("not a SQLite database");
        });
        assertThat(config.databasePath()).hasBinaryContent(garbage);
    }

    @Test
    void unmigratedDatabaseReportsPendingMigrations() throws IOException {
        LauncherConfig config = TestSystem.config(dir);
        try (Database db = Database.open(DatabaseSettings.defaults(config.databasePath()))) {
            db.write("create", ctx -> ctx.execute("create table t (x integer)"));
        }

        List<Finding> findings = diagnosis(config).database();

        assertThat(findings).filteredOn(f -> !f.ok()).singleElement()
                .extracting(Finding::message).asString()
                .contains("schema version none", "pending", "launcher.jar migrate");
    }

    @Test
    void missingDatabaseIsAProblemAndIsNotCreated() throws IOException {
        LauncherConfig config = TestSystem.config(dir);

        assertThat(diagnosis(config).database()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("does not exist"));
        assertThat(config.databasePath()).doesNotExist();
        assertThat(config.databasePath().getParent()).doesNotExist();
    }

    @Test
    void portHeldByAnotherProcessForADownServiceIsAConfigProblem() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0)) {
            Map<ServiceId, URI> urls = new EnumMap<>(TestSystem.freeLocalUrls());
            urls.put(ServiceId.NEWS, URI.create("http://127.0.0.1:" + squatter.getLocalPort()));
            LauncherConfig config = new LauncherConfig(dir.resolve("t.db"), dir.resolve("logs"), urls, Map.of());
            Diagnosis diagnosis = diagnosis(config);

            StatusReport status = StatusReport.collect(config, probe);
            List<Finding> findings = diagnosis.config(status);

            assertThat(diagnosis.services(status)).hasSize(9).noneMatch(Finding::ok);
            assertThat(findings).filteredOn(f -> f.message().startsWith("port ")).hasSize(9);
            assertThat(findings).filteredOn(f -> !f.ok()).extracting(Finding::message)
                    .anyMatch(m -> m.contains("port " + squatter.getLocalPort() + " is held by another process")
                            && m.contains("NEWS_URL"));
            assertThat(findings).anyMatch(f -> f.ok() && f.message().equals("LOG_DIR " + dir.resolve("logs")
                    + " does not exist yet; it will be created"));
        }
    }

    @Test
    void reportIsHealthyOnlyWithoutProblemsAndPrintsEachSection() {
        DiagnosisReport healthy = new DiagnosisReport(List.of(
                Finding.ok(Section.DISK, "20.0 GB free at /data"),
                Finding.ok(Section.SERVICES, "Coordination is UP")));
        DiagnosisReport sick = new DiagnosisReport(List.of(
                Finding.ok(Section.SERVICES, "Coordination is UP"),
                Finding.problem(Section.DATABASE, "integrity_check found damage")));

        assertThat(healthy.healthy()).isTrue();
        assertThat(healthy.render()).startsWith("SERVICES").contains("  OK       20.0 GB free at /data")
                .endsWith("All is well." + System.lineSeparator());
        assertThat(sick.healthy()).isFalse();
        assertThat(sick.render()).contains("DATABASE", "  PROBLEM  integrity_check found damage", "1 problem.");
    }

    @Test
    void sizesAreReadable() {
        assertThat(Diagnosis.bytes(512)).isEqualTo("512 B");
        assertThat(Diagnosis.bytes(3L << 20)).isEqualTo("3.0 MB");
        assertThat(Diagnosis.bytes(5L << 30)).isEqualTo("5.0 GB");
    }

    private Diagnosis diagnosis(LauncherConfig config) {
        return new Diagnosis(config, new Installation(dir.resolve("home"), Path.of("java")), probe);
    }
}
