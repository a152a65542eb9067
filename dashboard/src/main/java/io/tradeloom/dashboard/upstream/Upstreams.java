package io.tradeloom.dashboard.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import io.helidon.http.Status;

import io.tradeloom.dashboard.DashboardSettings;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.client.ServiceCallException;
import io.tradeloom.platform.client.ServiceClient;
import io.tradeloom.platform.client.ServiceClients;
import io.tradeloom.platform.client.ServiceRejectedException;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;

/**
 * The dashboard's calls to the other services, each through that service's {@link ServiceClient}
 * (timeout, breaker, bulkhead), so a dead service costs one timeout and then fails fast. Reads become
 * {@link Panel}s that never throw; actions carry the credentials, which stay in this process.
 */
public final class Upstreams {

    private final ServiceClients clients;
    private final Map<String, String> bearer;
    private final Map<String, String> alpacaKeys;

    public Upstreams(ServiceClients clients, DashboardSettings settings) {
        this.clients = clients;
        this.bearer = Map.of("Authorization", "Bearer " + settings.apiToken());
        this.alpacaKeys = Map.of("APCA-API-KEY-ID", settings.apiKeyId(), "APCA-API-SECRET-KEY", settings.apiSecretKey());
    }

    public ServiceClient client(ServiceId target) {
        return clients.of(target);
    }

    /** A read as a panel: ok with the answer, or why not. */
    public Panel read(ServiceId target, String path) {
        try {
            JsonNode data = clients.of(target).request(Method.GET, path, headersFor(path, Method.GET), null);
            return new Panel(Panel.OK, target.module(), null, data);
        } catch (ServiceRejectedException e) {
            if (e.status() == 404) {
                return new Panel(Panel.UNAVAILABLE, target.module(),
                        target.displayName() + " does not serve " + withoutQuery(path) + " (not available yet)", null);
            }
            return new Panel(Panel.ERROR, target.module(), target.displayName() + " refused the request: " + detail(e), null);
        } catch (ServiceCallException e) {
            return new Panel(Panel.DOWN, target.module(), target.displayName() + " is down: " + reason(e), null);
        }
    }

    /**
     * A state-changing call with the service token (and the key pair on /v2). A refusal keeps the
     * service's status and message; a service that cannot be reached is a 503 naming it.
     */
    public JsonNode act(ServiceId target, Method method, String path, Object body) {
        try {
            return clients.of(target).request(method, path, headersFor(path, method), body);
        } catch (ServiceRejectedException e) {
            Status status = Status.create(e.status());
            String title = e.status() == 404 ? "Not found" : "Refused by " + target.displayName();
            throw new ApiException(status, title, target.displayName() + ": " + detail(e), List.of());
        } catch (ServiceCallException e) {
            throw new ApiException(Status.SERVICE_UNAVAILABLE_503, "Service down",
                    target.displayName() + " is down: " + reason(e), List.of());
        }
    }

    private Map<String, String> headersFor(String path, Method method) {
        if (path.startsWith("/v2/")) {
            return alpacaKeys;
        }
        return method.equals(Method.GET) ? Map.of() : bearer;
    }

    /** Runs reads at once on virtual threads; each is bounded by its client's timeout and retries. */
    public static <K, V> Map<K, V> all(Map<K, Callable<V>> reads) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<K, Future<V>> futures = new java.util.LinkedHashMap<>();
            reads.forEach((k, call) -> futures.put(k, pool.submit(call)));
            Map<K, V> out = new java.util.LinkedHashMap<>();
            for (var e : futures.entrySet()) {
                out.put(e.getKey(), e.getValue().get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the services", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the services failed", e.getCause());
        }
    }

    private static String withoutQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static String reason(ServiceCallException e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        return colon < 0 ? m : m.substring(colon + 2);
    }

    /** The refusal's own words: problem+json's detail, Alpaca's message, or the status. */
    static String detail(ServiceRejectedException e) {
        try {
            JsonNode body = Json.tree(e.body().getBytes(StandardCharsets.UTF_8));
            for (String field : List.of("detail", "message", "title")) {
                if (body.hasNonNull(field)) {
                    return body.get(field).asText();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: fall back to the status
        }
        return "HTTP " + e.status();
    }
}
