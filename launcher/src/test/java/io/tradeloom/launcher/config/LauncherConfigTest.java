package io.tradeloom.launcher.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.ServiceId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsMatchTheServicesDefaultsResolvedAgainstTheWorkingDirectory() {
        LauncherConfig config = LauncherConfig.load(Map.of(), dir);

        assertThat(config.databasePath()).isEqualTo(dir.resolve("data/trading_system.db"));
        assertThat(config.logDir()).isEqualTo(dir.resolve("logs"));
        for (ServiceId s : ServiceId.values()) {
            assertThat(config.url(s)).isEqualTo(URI.create(s.defaultUrl()));
            assertThat(config.port(s)).isEqualTo(s.defaultPort());
        }
        assertThat(config.logFile(ServiceId.SCANNER)).isEqualTo(dir.resolve("logs/security_scanner.log"));
    }

    @Test
    void realEnvironmentTakesPrecedenceOverDotEnv() throws IOException {
        Files.writeString(dir.resolve(".env"), """
                LOG_DIR=from-dotenv
                DATABASE_PATH=dotenv.db
                MARKET_DATA=replay
                """);

        LauncherConfig config = LauncherConfig.load(Map.of("LOG_DIR", "/tmp/real-logs"), dir);

        assertThat(config.logDir()).isEqualTo(Path.of("/tmp/real-logs"));
        assertThat(config.databasePath()).isEqualTo(dir.resolve("dotenv.db"));
        assertThat(config.dotEnv()).containsOnly(Map.entry("DATABASE_PATH", "dotenv.db"), Map.entry("MARKET_DATA", "replay"));
    }

    @Test
    void childrenGetSmallJvmDefaultsThenServiceJavaOptsWhichWin() throws IOException {
        assertThat(LauncherConfig.load(Map.of(), dir).javaOptions())
                .containsExactly("-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xss512k",
                        "-XX:+ExitOnOutOfMemoryError");

        Files.writeString(dir.resolve(".env"), "SERVICE_JAVA_OPTS=-Xmx512m   -XX:TieredStopAtLevel=4\n");

        assertThat(LauncherConfig.load(Map.of(), dir).javaOptions())
                .endsWith("-XX:+ExitOnOutOfMemoryError", "-Xmx512m", "-XX:TieredStopAtLevel=4");
    }

    @Test
    void serviceRunsOnThePortOfItsUrl() {
        LauncherConfig config = LauncherConfig.load(Map.of("SCANNER_URL", "http://localhost:6001"), dir);

        assertThat(config.port(ServiceId.SCANNER)).isEqualTo(6001);
        assertThat(config.port(ServiceId.PATTERN)).isEqualTo(5002);
    }

    @Test
    void childGetsItsPortEveryUrlAbsolutePathsAndDotEnvVariables() throws IOException {
        Files.writeString(dir.resolve(".env"), "MARKET_DATA=replay\n");
        LauncherConfig config = LauncherConfig.load(Map.of(
                "SCANNER_URL", "http://localhost:6001",
                "DATABASE_PATH", "rel/x.db"), dir);

        Map<String, String> env = config.childEnvironment(ServiceId.SCANNER);

        assertThat(env).containsEntry("SERVER_PORT", "6001")
                .containsEntry("SCANNER_URL", "http://localhost:6001")
                .containsEntry("COORDINATION_URL", "http://localhost:5000")
                .containsEntry("DASHBOARD_URL", "http://localhost:5010")
                .containsEntry("DATABASE_PATH", dir.resolve("rel/x.db").toString())
                .containsEntry("LOG_DIR", dir.resolve("logs").toString())
                .containsEntry("MARKET_DATA", "replay");
        assertThat(env.keySet()).containsAll(ServiceId.startOrder().stream().map(ServiceId::urlVariable).toList());
    }

    @Test
    void twoServicesOnOnePortIsAConfigurationError() {
        assertThatThrownBy(() -> LauncherConfig.load(Map.of("NEWS_URL", "http://localhost:5001"), dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SCANNER_URL and NEWS_URL")
                .hasMessageContaining("5001");
    }

    @Test
    void urlWithoutPortOrNotHttpIsAConfigurationError() {
        assertThatThrownBy(() -> LauncherConfig.load(Map.of("NEWS_URL", "http://localhost"), dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("NEWS_URL must name a port");
        assertThatThrownBy(() -> LauncherConfig.load(Map.of("NEWS_URL", "localhost:5008"), dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("NEWS_URL must be an http(s) URL");
    }
}
