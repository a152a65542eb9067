package io.tradeloom.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceKit;

/**
 * A service's real routing on a started server (127.0.0.1, an ephemeral port), for tests that are not
 * JUnit Jupiter tests (jqwik properties) and so cannot use {@code @ServerTest}; and a plain HTTP client.
 */
public final class TestServers {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServers() {
    }

    /** Starts {@code routes} behind ServiceKit's server setup and routing, as the service's main does. */
    public static WebServer start(ServiceContext context, ServiceKit.Routes routes) {
        WebServerConfig.Builder config = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .routing(r -> ServiceKit.routing(r, context, routes));
        ServiceKit.server(config, context);
        return config.build().start();
    }

    /** One answer, read whole. */
    public record Answer(int status, Optional<String> contentType, Optional<String> retryAfter, String body) {

        public boolean isProblem() {
            return contentType.map(t -> t.startsWith("application/problem+json")).orElse(false);
        }
    }

    public static Answer post(WebServer server, String path, String json) {
        return post(server.port(), path, json);
    }

    public static Answer get(WebServer server, String path) {
        return get(server.port(), path);
    }

    /** POSTs {@code json} to a server on 127.0.0.1:{@code port}. */
    public static Answer post(int port, String path, String json) {
        return send(HttpRequest.newBuilder(uri(port, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Answer get(int port, String path) {
        return send(HttpRequest.newBuilder(uri(port, path)).GET());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> res = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(res.statusCode(), res.headers().firstValue("Content-Type"),
                    res.headers().firstValue("Retry-After"), res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
