package io.tradeloom.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tradeloom.launcher.config.Installation;
import io.tradeloom.launcher.config.LauncherConfig;
import io.tradeloom.launcher.diagnose.Diagnosis;
import io.tradeloom.launcher.diagnose.Finding;
import io.tradeloom.launcher.health.HealthProbe;
import io.tradeloom.launcher.health.StatusReport;
import io.tradeloom.launcher.supervise.HealthLog;
import io.tradeloom.launcher.supervise.RestartPolicy;
import io.tradeloom.launcher.supervise.Supervisor;
import io.tradeloom.platform.ServiceId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system from the launcher's own code: migrate, start the nine service jars as child
 * processes on free ports, restart one that is killed, stop them all. The jars must have been built
 * (the reactor builds them first: this module depends on them).
 */
class LauncherEndToEndIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void upStartsAllNineRestartsOneThatIsKilledAndStopLeavesNoProcess() throws Exception {
        Installation installation = Installation.locate(System.getenv());
        assertThat(installation.missingJars())
                .as("service jars under %s; build them with ./mvnw -B -DskipTests package", installation.home())
                .isEmpty();
        LauncherConfig config = TestSystem.config(dir);
        Main.migrate(config.databasePath());

        List<ProcessHandle> children = new ArrayList<>();
        try (HealthLog log = HealthLog.open(config.logDir()); HealthProbe probe = new HealthProbe();
             Supervisor supervisor = new Supervisor(config, installation, RestartPolicy.DEFAULT, READY_TIMEOUT,
                     log, probe, this::progress)) {
            supervisor.start();

            for (ServiceId s : ServiceId.startOrder()) {
                assertThat(readyStatus(config.url(s))).as("%s ready", s).isEqualTo(200);
                ProcessHandle child = supervisor.process(s).orElseThrow();
                assertThat(child.isAlive()).isTrue();
                children.add(child);
            }
            StatusReport status = StatusReport.collect(config, probe);
            assertThat(status.allUp()).isTrue();
            Diagnosis diagnosis = new Diagnosis(config, installation, probe);
            assertThat(diagnosis.services(status)).allMatch(Finding::ok);
            assertThat(diagnosis.database()).allMatch(Finding::ok, "database findings OK");

            ProcessHandle scanner = supervisor.process(ServiceId.SCANNER).orElseThrow();
            scanner.destroyForcibly();
            scanner.onExit().get();

            ProcessHandle restarted = awaitRestart(supervisor, config, scanner.pid());
            children.add(restarted);
            assertThat(restarted.pid()).isNotEqualTo(scanner.pid());
            assertThat(readyStatus(config.url(ServiceId.SCANNER))).isEqualTo(200);
            assertThat(Files.readString(config.logDir().resolve("system_health.log")))
                    .contains("WARNING [launcher] supervisor: Security Scanner (pid " + scanner.pid() + ") exited with code")
                    .contains("Security Scanner restarted (pid " + scanner.pid() + " -> " + restarted.pid() + ")");

            supervisor.stop();
        } finally {
            // Never leave services running past the test, whatever failed above.
            children.forEach(ProcessHandle::destroyForcibly);
        }

        for (ProcessHandle child : children) {
            assertThat(child.isAlive()).as("pid %d after stop", child.pid()).isFalse();
        }
        assertThat(progress).contains("Coordination: stopped", "Web Dashboard: stopped");
        // Each service got SIGTERM and had the time to record its own stop.
        String healthLog = Files.readString(config.logDir().resolve("system_health.log"));
        for (ServiceId s : ServiceId.startOrder()) {
            assertThat(healthLog).as("%s recorded its stop", s).contains(s.displayName() + " stopped (pid ");
        }
    }

    /** Kept for assertions, and printed for the failsafe report when something goes wrong. */
    private void progress(String line) {
        progress.add(line);
        System.out.println(line);
    }

    private ProcessHandle awaitRestart(Supervisor supervisor, LauncherConfig config, long oldPid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var current = supervisor.process(ServiceId.SCANNER);
            if (current.isPresent() && current.get().pid() != oldPid && readyStatus(config.url(ServiceId.SCANNER)) == 200) {
                return current.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Security Scanner was not restarted and ready within 60 s; progress: " + progress);
    }

    private int readyStatus(URI base) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/observe/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
