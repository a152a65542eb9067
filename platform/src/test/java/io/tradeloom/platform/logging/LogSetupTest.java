package io.tradeloom.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.db.Database;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.TestContexts;

/**
 * LogSetup replaces the JVM's logging configuration; this class configures it once and puts JUL's
 * default configuration back afterwards.
 */
class LogSetupTest {

    private static Path dir;
    // Held strongly: JUL keeps loggers weakly.
    private static final Logger DATABASE = Logger.getLogger("tradeloom.database");
    private static final Logger HEALTH = Logger.getLogger(LogSetup.HEALTH_LOGGER);
    private static final Logger OTHER = Logger.getLogger("io.tradeloom.scanner.Scans");

    @BeforeAll
    static void configure() throws IOException {
        dir = TestContexts.tempDir("logsetup").resolve("logs");
        LogSetup.configure(ServiceId.SCANNER, dir, Level.INFO);
    }

    @AfterAll
    static void restore() {
        // JUL's defaults: the files closed, INFO and above to the console.
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new ConsoleHandler());
        TestContexts.delete(dir.getParent());
    }

    private static String read(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    @Test
    void theServiceFileTheDatabaseLogAndTheHealthLogAreCreated() {
        assertThat(dir.resolve("security_scanner.log")).exists();
        assertThat(dir.resolve(ServiceId.DATABASE_LOG)).exists();
        assertThat(dir.resolve(ServiceId.HEALTH_LOG)).exists();
    }

    @Test
    void anyRecordLandsInTheServiceFileAsOneFormattedLine() throws IOException {
        OTHER.info("a scan finished: marker-plain");

        String service = read("security_scanner.log");
        assertThat(service).containsPattern(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z INFO \\[scanner] Scans: a scan finished: marker-plain");
        assertThat(read(ServiceId.DATABASE_LOG)).doesNotContain("marker-plain");
        assertThat(read(ServiceId.HEALTH_LOG)).doesNotContain("marker-plain");
    }

    @Test
    void databaseRecordsAlsoLandInTheDatabaseLog() throws IOException {
        assertThat(Database.LOG.getName()).isEqualTo("tradeloom.database");

        DATABASE.info("database x attempt 1 hit SQLITE_BUSY: marker-db");

        assertThat(read(ServiceId.DATABASE_LOG)).contains("INFO [scanner] database: database x attempt 1 hit SQLITE_BUSY: marker-db");
        assertThat(read("security_scanner.log")).contains("marker-db");
        assertThat(read(ServiceId.HEALTH_LOG)).doesNotContain("marker-db");
    }

    @Test
    void healthRecordsAlsoLandInTheHealthLog() throws IOException {
        HEALTH.warning("Security Scanner restarted: marker-health");

        assertThat(read(ServiceId.HEALTH_LOG)).contains("WARNING [scanner] health: Security Scanner restarted: marker-health");
        assertThat(read("security_scanner.log")).contains("marker-health");
        assertThat(read(ServiceId.DATABASE_LOG)).doesNotContain("marker-health");
    }

    @Test
    void recordsBelowTheLevelAreDropped() throws IOException {
        OTHER.fine("marker-fine");
        DATABASE.fine("marker-db-fine");

        assertThat(read("security_scanner.log")).doesNotContain("marker-fine", "marker-db-fine");
        assertThat(read(ServiceId.DATABASE_LOG)).doesNotContain("marker-db-fine");
    }

    @Test
    void aThrowableIsWrittenWithItsTraceAfterTheLine() throws IOException {
        OTHER.log(Level.SEVERE, "marker-failure", new IllegalStateException("marker-cause"));

        String service = read("security_scanner.log");
        assertThat(service).contains("SEVERE [scanner] Scans: marker-failure")
                .contains("java.lang.IllegalStateException: marker-cause");
    }
}
