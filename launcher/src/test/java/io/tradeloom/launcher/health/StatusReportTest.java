package io.tradeloom.launcher.health;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tradeloom.launcher.TestSystem;
import io.tradeloom.launcher.config.LauncherConfig;
import io.tradeloom.platform.ServiceId;

import static org.assertj.core.api.Assertions.assertThat;

class StatusReportTest {

    @Test
    void tableShowsServicePortHealthVersionUptimeAndLogFile() {
        StatusReport report = new StatusReport(List.of(
                new ServiceStatus(ServiceId.SCANNER, URI.create("http://localhost:5001"), true,
                        Optional.of(new ServiceInfo("0.1.0", 10, Duration.ofSeconds(135))), Path.of("/l/security_scanner.log")),
                new ServiceStatus(ServiceId.NEWS, URI.create("http://localhost:5008"), false,
                        Optional.empty(), Path.of("/l/news_service.log"))));

        List<String> lines = report.table().lines().toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("SERVICE").contains("PORT", "HEALTH", "VERSION", "UPTIME", "LOG");
        assertThat(lines.get(1)).startsWith("Security Scanner").contains("5001", "UP", "0.1.0", "2m 15s", "/l/security_scanner.log");
        assertThat(lines.get(2)).startsWith("News").contains("5008", "DOWN", "/l/news_service.log");
        assertThat(report.allUp()).isFalse();
    }

    @Test
    void uptimeIsShownInItsLargestUnits() {
        assertThat(StatusReport.uptime(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(StatusReport.uptime(Duration.ofMinutes(61).plusSeconds(5))).isEqualTo("1h 1m");
        assertThat(StatusReport.uptime(Duration.ofHours(50))).isEqualTo("2d 2h");
    }

    @Test
    void systemWithNothingRunningIsAllDownInStartOrder() throws IOException {
        LauncherConfig config = new LauncherConfig(Path.of("t.db"), Path.of("logs"), TestSystem.freeLocalUrls(), Map.of());

        try (HealthProbe probe = new HealthProbe()) {
            StatusReport report = StatusReport.collect(config, probe);

            assertThat(report.services()).extracting(ServiceStatus::service).containsExactlyElementsOf(ServiceId.startOrder());
            assertThat(report.services()).noneMatch(ServiceStatus::up);
            assertThat(report.allUp()).isFalse();
        }
    }
}
