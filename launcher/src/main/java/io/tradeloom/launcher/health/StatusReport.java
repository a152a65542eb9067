package io.tradeloom.launcher.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tradeloom.launcher.config.LauncherConfig;
import io.tradeloom.platform.ServiceId;

/** Every service's status, in start order, and the table the launcher prints of it. */
public record StatusReport(List<ServiceStatus> services) {

    public StatusReport {
        services = List.copyOf(services);
    }

    /** Probes all services at once: nine sequential timeouts would keep a person waiting. */
    public static StatusReport collect(LauncherConfig config, HealthProbe probe) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ServiceStatus>> futures = new ArrayList<>();
            for (ServiceId s : ServiceId.startOrder()) {
                futures.add(pool.submit(() -> {
                    boolean up = probe.ready(config.url(s));
                    return new ServiceStatus(s, config.url(s), up, probe.info(config.url(s)), config.logFile(s));
                }));
            }
            List<ServiceStatus> statuses = new ArrayList<>();
            for (Future<ServiceStatus> f : futures) {
                statuses.add(f.get());
            }
            return new StatusReport(statuses);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while probing the services", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Probing a service failed", e.getCause());
        }
    }

    public boolean allUp() {
        return services.stream().allMatch(ServiceStatus::up);
    }

    public String table() {
        String format = "%-22s %5s  %-6s %-16s %9s  %s%n";
        StringBuilder sb = new StringBuilder(String.format(format, "SERVICE", "PORT", "HEALTH", "VERSION", "UPTIME", "LOG"));
        for (ServiceStatus s : services) {
            sb.append(String.format(format,
                    s.service().displayName(),
                    s.port(),
                    s.up() ? "UP" : "DOWN",
                    s.info().map(ServiceInfo::version).orElse("-"),
                    s.info().map(i -> uptime(i.uptime())).orElse("-"),
                    s.logFile()));
        }
        return sb.toString();
    }

    static String uptime(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m " + s % 60 + "s";
        }
        if (s < 86_400) {
            return s / 3600 + "h " + s / 60 % 60 + "m";
        }
        return s / 86_400 + "d " + s / 3600 % 24 + "h";
    }
}
