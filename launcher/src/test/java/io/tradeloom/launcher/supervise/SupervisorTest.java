package io.tradeloom.launcher.supervise;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tradeloom.launcher.TestSystem;
import io.tradeloom.launcher.config.Installation;
import io.tradeloom.launcher.config.LauncherConfig;
import io.tradeloom.launcher.health.HealthProbe;
import io.tradeloom.platform.ServiceId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up failures, with real child processes that fail (the successful path is LauncherEndToEndIT's). */
class SupervisorTest {

    @TempDir
    Path dir;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void childDyingDuringStartUpFailsTheStartWithItsExitCodeAndLastOutput() throws IOException {
        // A file that is not a jar: the child JVM prints why and exits with code 1.
        Installation installation = new Installation(dir.resolve("home"), currentJava());
        Path jar = installation.jar(ServiceId.COORDINATION);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not a jar");
        LauncherConfig config = TestSystem.config(dir);

        try (HealthLog log = HealthLog.open(config.logDir()); HealthProbe probe = new HealthProbe();
             Supervisor supervisor = new Supervisor(config, installation, RestartPolicy.DEFAULT, Duration.ofSeconds(30),
                     log, probe, progress::add)) {
            assertThatThrownBy(supervisor::start)
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("Coordination exited with code 1 during start-up")
                    .hasMessageContaining("Last lines of " + config.logDir().resolve("coordination.out"))
                    .hasMessageContaining("jarfile");
            assertThat(supervisor.process(ServiceId.COORDINATION)).isEmpty();
        }
        assertThat(Files.readString(config.logDir().resolve("system_health.log")))
                .contains("SEVERE [launcher] supervisor: Coordination exited with code 1 during start-up");
    }

    @Test
    void portAlreadyHeldFailsTheStartBeforeLaunchingAnything() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0)) {
            LauncherConfig config = config(squatter.getLocalPort());
            Installation installation = new Installation(dir.resolve("home"), currentJava());

            try (HealthLog log = HealthLog.open(config.logDir()); HealthProbe probe = new HealthProbe();
                 Supervisor supervisor = new Supervisor(config, installation, RestartPolicy.DEFAULT,
                         Duration.ofSeconds(30), log, probe, progress::add)) {
                assertThatThrownBy(supervisor::start)
                        .isInstanceOf(StartupException.class)
                        .hasMessageContaining("port " + squatter.getLocalPort() + " is already in use")
                        .hasMessageContaining("COORDINATION_URL");
            }
            assertThat(config.logDir().resolve("coordination.out")).doesNotExist();
        }
    }

    /** Coordination on {@code coordinationPort}, the others on free ports. */
    private LauncherConfig config(int coordinationPort) throws IOException {
        Map<ServiceId, URI> urls = new EnumMap<>(TestSystem.freeLocalUrls());
        urls.put(ServiceId.COORDINATION, URI.create("http://127.0.0.1:" + coordinationPort));
        return new LauncherConfig(dir.resolve("data/t.db"), dir.resolve("logs"), urls, Map.of());
    }

    private static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
