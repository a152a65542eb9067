package io.tradeloom.platform.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.helidon.faulttolerance.Bulkhead;
import io.helidon.faulttolerance.BulkheadException;
import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.faulttolerance.CircuitBreakerOpenException;
import io.helidon.faulttolerance.Retry;
import io.helidon.faulttolerance.RetryTimeoutException;
import io.helidon.faulttolerance.Timeout;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;

import io.tradeloom.db.Database;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.Settings;
import io.tradeloom.platform.http.Json;

/**
 * Calls one other service over HTTP through Helidon Fault Tolerance: a per-target timeout, a
 * circuit breaker and a bulkhead on every call, and retries with exponential back-off and jitter on
 * idempotent reads only (a retried POST could place an order twice). The policies are built once.
 */
public final class ServiceClient {

    private final ServiceId target;
    private final URI baseUri;
    private final WebClient http;
    private final Timeout timeout;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;

    public ServiceClient(ServiceId target, URI baseUri, Settings.ClientSettings settings, MeterRegistry registry) {
        this.target = target;
        this.baseUri = baseUri;
        this.http = WebClient.builder()
                .baseUri(baseUri)
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .build();
        this.timeout = Timeout.builder().name(target.module() + "-timeout").timeout(settings.timeout()).build();
        BackoffPolicy backoff = new BackoffPolicy(settings.retries(), 100, 2_000);
        this.retry = Retry.builder()
                .name(target.module() + "-retry")
                .retryPolicy(backoff)
                // Helidon's default (1 s) would cut the retries short, and with an exception of its own.
                .overallTimeout(backoff.worstCase(settings.timeout()))
                .addSkipOn(ServiceRejectedException.class)
                .addSkipOn(NotAttemptedException.class)
                .build();
        this.breaker = CircuitBreaker.builder()
                .name(target.module() + "-breaker")
                .volume(settings.breakerVolume())
                .errorRatio(settings.breakerErrorRatio())
                .delay(settings.breakerDelay())
                .successThreshold(1)
                .addSkipOn(ServiceRejectedException.class)
                .build();
        this.bulkhead = Bulkhead.builder()
                .name(target.module() + "-bulkhead")
                .limit(settings.bulkheadLimit())
                .queueLength(settings.bulkheadLimit() * 4)
                .build();
        registry.getOrCreate(Gauge.builder("client_breaker_state", breaker, b -> stateCode(b.state()))
                .description("Circuit breaker per target service: 0 closed, 1 half-open, 2 open")
                .tags(List.of(Tag.create("target", target.module()))));
    }

    public ServiceId target() {
        return target;
    }

    public URI baseUri() {
        return baseUri;
    }

    public CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    /** GET returning the JSON body; retried. */
    public JsonNode getJson(String path) {
        return getJson(path, Map.of());
    }

    /** GET with extra request headers (e.g. an API key), returning the JSON body; retried. */
    public JsonNode getJson(String path, Map<String, String> headers) {
        try {
            return retry.invoke(() -> guarded(() -> exchange(Method.GET, path, null, headers)));
        } catch (RetryTimeoutException e) {
            throw e.getCause() instanceof ServiceCallException last ? last : new ServiceCallException(target, 0, "timed out", e);
        }
    }

    /** GET mapped to {@code type}; retried. */
    public <T> T get(String path, Class<T> type) {
        return Json.MAPPER.convertValue(getJson(path), type);
    }

    /** POST with a JSON body; never retried, because the call may not be idempotent. */
    public JsonNode postJson(String path, Object body) {
        return postJson(path, body, Map.of());
    }

    /** POST with a JSON body and extra request headers; never retried. */
    public JsonNode postJson(String path, Object body, Map<String, String> headers) {
        return guarded(() -> exchange(Method.POST, path, Json.bytes(body), headers));
    }

    /** DELETE with extra request headers, returning the JSON body (a JSON null for 204 No Content); never retried. */
    public JsonNode deleteJson(String path, Map<String, String> headers) {
        return guarded(() -> exchange(Method.DELETE, path, null, headers));
    }

    /**
     * Any method with extra headers (credentials, which are never logged): a GET is retried like
     * {@link #getJson}, every other method is sent once. A body-less answer reads as JSON null.
     *
     * @param body the JSON body, or null for none
     */
    public JsonNode request(Method method, String path, Map<String, String> headers, Object body) {
        if (method.equals(Method.GET)) {
            return getJson(path, headers);
        }
        byte[] bytes = body == null ? null : Json.bytes(body);
        return guarded(() -> exchange(method, path, bytes, headers));
    }

    /** A single health-style probe: bounded by the timeout, neither retried nor counted by the breaker. */
    public Probe probe(String path) {
        try {
            return timeout.invoke(() -> {
                try (HttpClientResponse res = http.get(path).header(HeaderValues.ACCEPT_JSON).request()) {
                    byte[] bytes = res.entity().as(byte[].class);
                    Optional<JsonNode> body;
                    try {
                        body = Optional.of(Json.tree(bytes));
                    } catch (IOException e) {
                        body = Optional.empty();
                    }
                    return new Probe(res.status().code(), body);
                }
            });
        } catch (io.helidon.faulttolerance.TimeoutException e) {
            throw new ServiceCallException(target, 0, "timed out", e);
        } catch (RuntimeException e) {
            throw new ServiceCallException(target, 0, "unreachable: " + Database.rootMessage(e), e);
        }
    }

    /**
     * A probe of a text endpoint (Prometheus metrics): the body when the answer is 200, bounded by the
     * timeout, neither retried nor counted by the breaker.
     */
    public String probeText(String path) {
        try {
            return timeout.invoke(() -> {
                try (HttpClientResponse res = http.get(path).header(HeaderValues.ACCEPT_TEXT).request()) {
                    String text = res.entity().hasEntity() ? new String(res.entity().as(byte[].class), StandardCharsets.UTF_8) : "";
                    if (res.status().code() != 200) {
                        throw new ServiceCallException(target, res.status().code(), "answered " + res.status().code(), null);
                    }
                    return text;
                }
            });
        } catch (ServiceCallException e) {
            throw e;
        } catch (io.helidon.faulttolerance.TimeoutException e) {
            throw new ServiceCallException(target, 0, "timed out", e);
        } catch (RuntimeException e) {
            throw new ServiceCallException(target, 0, "unreachable: " + Database.rootMessage(e), e);
        }
    }

    /** A probe's answer; the body is empty when it was not JSON. */
    public record Probe(int status, Optional<JsonNode> body) {
    }

    private JsonNode guarded(Supplier<JsonNode> call) {
        try {
            return timeout.invoke(() -> breaker.invoke(() -> bulkhead.invoke(call)));
        } catch (ServiceCallException e) {
            throw e;
        } catch (CircuitBreakerOpenException e) {
            throw new NotAttemptedException(target, "circuit breaker open", e);
        } catch (BulkheadException e) {
            throw new NotAttemptedException(target, "too many concurrent calls", e);
        } catch (io.helidon.faulttolerance.TimeoutException e) {
            throw new ServiceCallException(target, 0, "timed out", e);
        } catch (RuntimeException e) {
            throw new ServiceCallException(target, 0, "unreachable: " + Database.rootMessage(e), e);
        }
    }

    private JsonNode exchange(Method method, String path, byte[] body, Map<String, String> headers) {
        int q = path.indexOf('?');
        // uri(String) would encode a '?' into the path: the query goes in parameter by parameter.
        var request = http.method(method).uri(q < 0 ? path : path.substring(0, q)).header(HeaderValues.ACCEPT_JSON);
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    request.queryParam(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        if (body != null) {
            request.header(HeaderValues.CONTENT_TYPE_JSON);
        }
        headers.forEach((name, value) -> request.header(HeaderNames.create(name), value));
        try (HttpClientResponse res = body == null ? request.request() : request.submit(body)) {
            int status = res.status().code();
            byte[] bytes = res.entity().hasEntity() ? res.entity().as(byte[].class) : new byte[0];
            if (status >= 400 && status < 500) {
                throw new ServiceRejectedException(target, status, new String(bytes, StandardCharsets.UTF_8));
            }
            if (status >= 500) {
                throw new ServiceCallException(target, status, "answered " + status, null);
            }
            if (bytes.length == 0) {
                return NullNode.getInstance();
            }
            try {
                return Json.tree(bytes);
            } catch (IOException e) {
                throw new ServiceCallException(target, status, "answered with a body that is not JSON", e);
            }
        }
    }

    static int stateCode(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }

    /** The call was refused before it reached the service (breaker open, bulkhead full): retrying would not help. */
    static final class NotAttemptedException extends ServiceCallException {
        NotAttemptedException(ServiceId target, String message, Throwable cause) {
            super(target, 0, message, cause);
        }
    }

    /**
     * Exponential back-off with full jitter, so callers that failed together do not retry together.
     * Helidon numbers the calls after the first failure from 1, so {@code retries} retries follow the first call.
     */
    record BackoffPolicy(int retries, long baseMillis, long maxMillis) implements Retry.RetryPolicy {
        @Override
        public Optional<Long> nextDelayMillis(long firstCallMillis, long lastDelay, int call) {
            if (call > retries) {
                return Optional.empty();
            }
            long ceiling = Math.min(maxMillis, baseMillis << Math.min(call - 1, 20));
            return Optional.of(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        }

        /** Every attempt timing out after every longest delay, with a second to spare. */
        Duration worstCase(Duration attemptTimeout) {
            return attemptTimeout.multipliedBy(retries + 1L).plusMillis(maxMillis * retries).plusSeconds(1);
        }
    }

    /** A short description for health details and logs. */
    public String describe() {
        return target.module() + " at " + baseUri + " (breaker " + breaker.state() + ")";
    }

}
