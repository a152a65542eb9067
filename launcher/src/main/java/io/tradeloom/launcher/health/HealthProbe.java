package io.tradeloom.launcher.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradeloom.platform.http.Json;

/** Asks a service over HTTP whether it is ready and what it runs; every failure reads as "no". */
public final class HealthProbe implements AutoCloseable {

    public static final String READY_PATH = "/observe/health/ready";
    static final String INFO_PATH = "/api/info";

    private final HttpClient client;
    private final Duration timeout;

    /** Short timeouts: a probe runs every few hundred milliseconds, and a hung service is a DOWN one. */
    public HealthProbe() {
        this(Duration.ofSeconds(2));
    }

    public HealthProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** True when {@code GET <base>/observe/health/ready} answers 200. */
    public boolean ready(URI base) {
        return get(base.resolve(READY_PATH)).map(r -> r.statusCode() == 200).orElse(false);
    }

    /** The service's own account of itself from {@code GET <base>/api/info}, when it gives one. */
    public Optional<ServiceInfo> info(URI base) {
        return get(base.resolve(INFO_PATH))
                .filter(r -> r.statusCode() == 200)
                .flatMap(r -> parseInfo(r.body()));
    }

    static Optional<ServiceInfo> parseInfo(String body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new ServiceInfo(
                    json.path("version").asText("?"),
                    json.path("pid").asLong(-1),
                    Duration.ofSeconds(json.path("uptime_seconds").asLong(0))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<HttpResponse<String>> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            return Optional.of(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
