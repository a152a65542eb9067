package io.tradeloom.coordination.services;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.client.ServiceCallException;
import io.tradeloom.platform.client.ServiceClient;
import io.tradeloom.platform.client.ServiceClients;
import io.tradeloom.platform.registry.ServiceRegistry;

/** All nine services: what each registered about itself, joined with its live readiness. */
public final class ServiceDirectory {

    private final ServiceRegistry registry;
    private final ServiceClients clients;

    public ServiceDirectory(ServiceRegistry registry, ServiceClients clients) {
        this.registry = registry;
        this.clients = clients;
    }

    /**
     * One service's state.
     *
     * @param status     UP when its readiness endpoint answered 200, DOWN otherwise
     * @param problem    why it is DOWN (unreachable, not ready, ...), empty when UP
     * @param breaker    coordination's circuit-breaker state towards it
     * @param registered what it recorded when it last started, empty if it never did
     */
    public record ServiceStatus(String name, String displayName, int port, String url, boolean critical,
                                String status, Optional<String> problem, String breaker,
                                Optional<JsonNode> checks, Optional<Registration> registered) {
    }

    public record Registration(String version, long pid, Instant startedAt, Instant heartbeatAt,
                               Optional<Instant> stoppedAt) {
    }

    /** Probes every service at once (virtual threads), each bounded by its client's timeout. */
    public List<ServiceStatus> all() {
        Map<String, ServiceRegistry.Entry> entries = registry.list().stream()
                .collect(Collectors.toMap(ServiceRegistry.Entry::name, Function.identity()));
        try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ServiceStatus>> futures = new ArrayList<>();
            for (ServiceId id : ServiceId.startOrder()) {
                futures.add(probes.submit(() -> status(id, entries.get(id.module()))));
            }
            List<ServiceStatus> result = new ArrayList<>();
            for (Future<ServiceStatus> f : futures) {
                result.add(f.get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing services", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("probing services failed", e.getCause());
        }
    }

    private ServiceStatus status(ServiceId id, ServiceRegistry.Entry entry) {
        ServiceClient client = clients.of(id);
        String status;
        Optional<String> problem;
        Optional<JsonNode> checks = Optional.empty();
        try {
            ServiceClient.Probe probe = client.probe("/observe/health/ready");
            status = probe.status() == 200 ? "UP" : "DOWN";
            problem = probe.status() == 200 ? Optional.empty() : Optional.of("not ready (HTTP " + probe.status() + ")");
            checks = probe.body().map(b -> b.get("checks"));
        } catch (ServiceCallException e) {
            status = "DOWN";
            problem = Optional.of(e.getMessage());
        }
        Optional<Registration> registration = Optional.ofNullable(entry).map(e -> new Registration(
                e.version(), e.pid(), e.startedAt(), e.heartbeatAt(), e.stoppedAt()));
        return new ServiceStatus(id.module(), id.displayName(), client.baseUri().getPort(), client.baseUri().toString(),
                id.critical(), status, problem, client.breakerState().name(), checks, registration);
    }
}
