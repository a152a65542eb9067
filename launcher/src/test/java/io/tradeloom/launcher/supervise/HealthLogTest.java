package io.tradeloom.launcher.supervise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HealthLogTest {

    @Test
    void writesOneLinePerEventWithUtcTimestampToSystemHealthLog(@TempDir Path dir) throws IOException {
        Path logDir = dir.resolve("logs");
        try (HealthLog log = HealthLog.open(logDir)) {
            log.log(Level.INFO, "Security Scanner restarted (pid 1 -> 2)");
            log.log(Level.SEVERE, "News exited with code 1; giving up on it");
        }

        List<String> lines = Files.readAllLines(logDir.resolve("system_health.log"));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z INFO \\[launcher] .*")
                .endsWith("Security Scanner restarted (pid 1 -> 2)");
        assertThat(lines.get(1)).contains(" SEVERE [launcher] ").endsWith("giving up on it");
    }

    @Test
    void appendsToTheFileTheServicesAlsoWrite(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("system_health.log"), "2025-01-06T14:30:00Z INFO [scanner] ServiceKit: started\n");
        try (HealthLog log = HealthLog.open(dir)) {
            log.log(Level.WARNING, "something");
        }

        assertThat(Files.readAllLines(dir.resolve("system_health.log"))).hasSize(2)
                .first().asString().contains("[scanner]");
    }
}
