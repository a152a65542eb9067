package io.tradeloom.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.db.Migrations;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.Settings;

/**
 * One temporary system for a test class: a migrated SQLite file, a log directory, services started
 * in-process as their mains start them (port 0 on 127.0.0.1, or a given port to restart one), and
 * the dashboard pointed at whatever URLs the test gives it.
 */
final class Fixture implements AutoCloseable {

    static final String PASSWORD = "test-password";
    static final String TOKEN = "test-service-token";
    static final String KEY_ID = "test-key-id";
    static final String SECRET = "test-secret-key";

    final Path dir;
    final Path database;
    final Path logs;

    Fixture(String prefix) {
        try {
            dir = Files.createTempDirectory("tradeloom-dashboard-" + prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = dir.resolve("trading_system.db");
        logs = dir.resolve("logs");
        try (Database db = Database.open(DatabaseSettings.defaults(database))) {
            Migrations.migrate(db);
        }
    }

    /** Starts a service on {@code port} (0 for any) with {@code urls} of the others and {@code extra} settings. */
    ServiceKit.RunningService start(ServiceId service, ServiceKit.Routes routes, int port, Map<ServiceId, URI> urls,
                                    Map<String, String> extra) {
        Map<String, String> o = new HashMap<>();
        o.put("database.path", database.toString());
        o.put("log.dir", logs.toString());
        o.put("server.port", Integer.toString(port));
        o.put("client.timeout-ms", "3000");
        o.put("client.retries", "0");
        o.put("client.breaker-delay-ms", "1000");
        urls.forEach((id, url) -> o.put(id.module() + ".url", url.toString()));
        o.putAll(extra);
        return ServiceKit.start(Settings.load(service, o), routes);
    }

    /** The dashboard with the test credentials. */
    ServiceKit.RunningService dashboard(Map<ServiceId, URI> urls) {
        return start(ServiceId.DASHBOARD, Main::routing, 0, urls, Map.of(
                "dashboard.password", PASSWORD, "trading.api-token", TOKEN,
                "trading.api-key-id", KEY_ID, "trading.api-secret-key", SECRET, "dashboard.refresh-ms", "500"));
    }

    static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    static void await(Duration max, String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + max + " for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** A browser-like HTTP client: logs in, keeps the session cookie, sends the CSRF token when asked. */
    static final class Browser {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final URI base;
        String cookie;
        String csrf;

        Browser(int port) {
            this.base = local(port);
        }

        HttpResponse<String> login(String password) {
            HttpResponse<String> res = send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8))));
            res.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            return res;
        }

        Browser loggedIn() {
            login(PASSWORD);
            String body = get("/api/session").body();
            csrf = body.replaceAll(".*\"csrf_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            return this;
        }

        HttpResponse<String> get(String path) {
            return send(request(path).GET());
        }

        HttpResponse<String> call(String method, String path, String json, boolean withCsrf, Map<String, String> headers) {
            HttpRequest.Builder b = request(path).method(method, json == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            if (withCsrf && csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            headers.forEach(b::header);
            return send(b);
        }

        HttpResponse<String> call(String method, String path, String json) {
            return call(method, path, json, true, Map.of());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            return b;
        }

        private HttpResponse<String> send(HttpRequest.Builder b) {
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
