package io.tradeloom.launcher.supervise;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;

import io.tradeloom.launcher.config.Installation;
import io.tradeloom.launcher.config.LauncherConfig;
import io.tradeloom.launcher.health.HealthProbe;
import io.tradeloom.launcher.health.Ports;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;

/**
 * Runs each service as a child process ({@code java -jar M/target/M.jar}), in the seed's start
 * order, each waited for until ready; restarts one that dies, under a {@link RestartPolicy}; stops
 * them all in reverse order. Every supervision event goes to {@code system_health.log}; one-line
 * progress for a person goes to {@code progress}.
 *
 * <p>A child's stdout and stderr go to {@code LOG_DIR/<module>.out}: the service logs to its own file
 * as well, but what it prints before its logging is set up (a configuration error, a JVM failure)
 * exists only there. The file is truncated when the system starts and appended to on restarts, so
 * the last words of a process that died survive its restart.
 */
public final class Supervisor implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 20;

    private final LauncherConfig config;
    private final Installation installation;
    private final RestartPolicy policy;
    private final Duration readyTimeout;
    private final HealthLog log;
    private final HealthProbe probe;
    private final Consumer<String> progress;
    private final ScheduledExecutorService restarts;

    private final Object lock = new Object();
    private final Map<ServiceId, Process> running = new EnumMap<>(ServiceId.class);
    private final Map<ServiceId, RestartHistory> histories = new EnumMap<>(ServiceId.class);
    /** Services that became ready once; only these are restarted, the others fail the start-up. */
    private final Set<ServiceId> supervised = EnumSet.noneOf(ServiceId.class);
    private boolean stopping;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param readyTimeout how long each service may take to become ready
     * @param progress     receives one line per step and per supervision event, from any thread
     */
    public Supervisor(LauncherConfig config, Installation installation, RestartPolicy policy, Duration readyTimeout,
                      HealthLog log, HealthProbe probe, Consumer<String> progress) {
        this.config = config;
        this.installation = installation;
        this.policy = policy;
        this.readyTimeout = readyTimeout;
        this.log = log;
        this.probe = probe;
        this.progress = progress;
        this.restarts = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("restarts").factory());
    }

    /**
     * Starts every service in order, each only once the one before is ready. If one fails to start,
     * stops those already running and throws, with the failing child's exit code and last output.
     */
    public void start() throws StartupException {
        try {
            Files.createDirectories(config.logDir());
        } catch (IOException e) {
            throw new StartupException("Cannot create the log directory " + config.logDir() + ": " + e.getMessage());
        }
        List<ServiceId> order = ServiceId.startOrder();
        log.log(Level.INFO, "starting " + order.size() + " services");
        for (int i = 0; i < order.size(); i++) {
            try {
                startOne(order.get(i), "[" + (i + 1) + "/" + order.size() + "] ");
            } catch (StartupException e) {
                log.log(Level.SEVERE, e.getMessage().lines().findFirst().orElse(""));
                stop();
                throw e;
            }
        }
        log.log(Level.INFO, "all " + order.size() + " services ready");
    }

    private void startOne(ServiceId s, String step) throws StartupException {
        int port = config.port(s);
        // Checked first: otherwise whatever holds the port would answer the readiness probe for it.
        if (Ports.inUse(port)) {
            throw new StartupException(s.displayName() + " cannot start: port " + port + " is already in use."
                    + " Stop whatever holds it, or set " + s.urlVariable() + " to another port.");
        }
        progress.accept(step + s.displayName() + ": starting on port " + port);
        long begin = System.nanoTime();
        Process p;
        try {
            p = launch(s, false).orElseThrow(() -> new StartupException("Start-up cancelled: the launcher is stopping."));
        } catch (IOException e) {
            throw new StartupException(s.displayName() + " cannot start: " + e.getMessage());
        }
        long deadline = begin + readyTimeout.toNanos();
        while (!probe.ready(config.url(s))) {
            if (isStopping()) {
                throw new StartupException("Start-up cancelled: the launcher is stopping.");
            }
            if (!p.isAlive()) {
                throw new StartupException(s.displayName() + " exited with code " + p.exitValue()
                        + " during start-up." + tail(s));
            }
            if (System.nanoTime() > deadline) {
                throw new StartupException(s.displayName() + " was not ready within " + readyTimeout.toSeconds()
                        + " s at " + config.url(s) + HealthProbe.READY_PATH + "." + tail(s));
            }
            if (!sleep(POLL)) {
                throw new StartupException("Start-up interrupted.");
            }
        }
        synchronized (lock) {
            supervised.add(s);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        progress.accept(step + s.displayName() + ": ready (pid " + p.pid() + ", " + seconds(took) + ")");
        log.log(Level.INFO, s.displayName() + " ready on port " + port + " (pid " + p.pid() + ")");
    }

    /** Starts a child, unless the supervisor is stopping; its exit is watched from then on. */
    private Optional<Process> launch(ServiceId s, boolean append) throws IOException {
        Path out = outputFile(s);
        List<String> command = new ArrayList<>();
        command.add(installation.java().toString());
        command.addAll(config.javaOptions());
        command.addAll(List.of("-jar", installation.jar(s).toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(append ? Redirect.appendTo(out.toFile()) : Redirect.to(out.toFile()));
        pb.environment().putAll(config.childEnvironment(s));
        synchronized (lock) {
            if (stopping) {
                return Optional.empty();
            }
            Process p = pb.start();
            running.put(s, p);
            p.onExit().thenAccept(dead -> exited(s, dead));
            return Optional.of(p);
        }
    }

    /**
     * Decides, and logs, what follows a child's exit. All under the lock, so that a restart is never
     * scheduled once {@link #stop} has begun.
     */
    private void exited(ServiceId s, Process p) {
        int code = p.exitValue();
        String who = s.displayName() + " (pid " + p.pid() + ") exited with code " + code;
        synchronized (lock) {
            if (stopping || running.get(s) != p || !supervised.contains(s)) {
                return;
            }
            running.remove(s);
            if (code == ServiceKit.EXIT_CONFIG) {
                event(Level.SEVERE, who + ": its configuration or database is unusable, so restarting cannot help;"
                        + " leaving it down. See " + outputFile(s));
                return;
            }
            RestartHistory history = histories.computeIfAbsent(s, k -> new RestartHistory(policy));
            Optional<Duration> delay = history.next(Instant.now());
            if (delay.isEmpty()) {
                event(Level.SEVERE, who + " after " + policy.maxRestarts() + " restarts within "
                        + policy.window().toMinutes() + " min; giving up on it. See " + outputFile(s));
                return;
            }
            event(Level.WARNING, who + "; restart " + history.count() + " of at most " + policy.maxRestarts()
                    + " within " + policy.window().toMinutes() + " min, in " + seconds(delay.get()));
            restarts.schedule(() -> restart(s, p.pid()), delay.get().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void restart(ServiceId s, long oldPid) {
        Optional<Process> started;
        try {
            started = launch(s, true);
        } catch (IOException e) {
            event(Level.SEVERE, s.displayName() + " could not be restarted: " + e.getMessage() + "; leaving it down");
            return;
        }
        started.ifPresent(p -> {
            event(Level.INFO, s.displayName() + " restarted (pid " + oldPid + " -> " + p.pid() + ")");
            // On its own thread: waiting here would hold up other services' restarts.
            Thread.ofVirtual().name("ready-" + s.module()).start(() -> awaitReadyAgain(s, p));
        });
    }

    private void awaitReadyAgain(ServiceId s, Process p) {
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (p.isAlive() && !isStopping()) {
            if (probe.ready(config.url(s))) {
                event(Level.INFO, s.displayName() + " ready again (pid " + p.pid() + ")");
                return;
            }
            if (System.nanoTime() > deadline) {
                event(Level.WARNING, s.displayName() + " (pid " + p.pid() + ") is running but not ready within "
                        + readyTimeout.toSeconds() + " s of its restart");
                return;
            }
            if (!sleep(POLL)) {
                return;
            }
        }
    }

    private void event(Level level, String message) {
        log.log(level, message);
        progress.accept(message);
    }

    /** The running child of a service, if any (none while it waits to be restarted). */
    public Optional<ProcessHandle> process(ServiceId s) {
        synchronized (lock) {
            return Optional.ofNullable(running.get(s)).map(Process::toHandle);
        }
    }

    /**
     * Stops every child in reverse start order: SIGTERM (the service deregisters and closes the
     * database), then a forced kill after 10 s. Safe to call more than once and from a shutdown
     * hook; a second caller waits for the first to finish.
     */
    public void stop() {
        Map<ServiceId, Process> children;
        synchronized (lock) {
            if (stopping) {
                children = null;
            } else {
                stopping = true;
                children = new EnumMap<>(running);
            }
        }
        if (children == null) {
            awaitStopped();
            return;
        }
        restarts.shutdownNow();
        List<ServiceId> reverse = new ArrayList<>(ServiceId.startOrder());
        Collections.reverse(reverse);
        for (ServiceId s : reverse) {
            Process p = children.get(s);
            if (p != null) {
                terminate(s, p);
            }
        }
        synchronized (lock) {
            running.clear();
        }
        log.log(Level.INFO, "all services stopped");
        stopped.countDown();
    }

    private void terminate(ServiceId s, Process p) {
        p.destroy();
        try {
            if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                event(Level.WARNING, s.displayName() + " (pid " + p.pid() + ") did not stop within " + STOP_TIMEOUT.toSeconds()
                        + " s; killed");
                p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        progress.accept(s.displayName() + ": stopped");
    }

    /** Blocks until {@link #stop} has finished. */
    public void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isStopping() {
        synchronized (lock) {
            return stopping;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public Path outputFile(ServiceId s) {
        return config.logDir().resolve(s.module() + ".out");
    }

    /** The end of a child's output, which holds why it failed. */
    private String tail(ServiceId s) {
        Path out = outputFile(s);
        try {
            List<String> lines = new String(Files.readAllBytes(out), StandardCharsets.UTF_8).lines().toList();
            List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            StringBuilder sb = new StringBuilder("\nLast lines of " + out + ":");
            last.forEach(l -> sb.append("\n    ").append(l));
            return sb.append("\nThe service's log: ").append(config.logFile(s)).toString();
        } catch (IOException e) {
            return "\nIts output " + out + " cannot be read: " + e.getMessage();
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** False when interrupted. */
    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
