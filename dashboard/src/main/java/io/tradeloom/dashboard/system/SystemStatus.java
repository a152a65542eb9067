package io.tradeloom.dashboard.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradeloom.dashboard.upstream.Upstreams;
import io.tradeloom.db.Database;
import io.tradeloom.db.Migrations;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.client.ServiceCallException;
import io.tradeloom.platform.client.ServiceClient;

/**
 * The System panel: every service probed directly (not through coordination, which may itself be
 * down), the database, and the latest warnings and errors from the logs.
 */
public final class SystemStatus {

    private static final Duration DATABASE_EVERY = Duration.ofSeconds(10);

    private final ServiceContext context;
    private final Upstreams upstreams;
    private final LogFiles logs;
    private volatile DatabaseInfo database;
    private volatile Instant databaseAt = Instant.EPOCH;

    public SystemStatus(ServiceContext context, Upstreams upstreams, LogFiles logs) {
        this.context = context;
        this.upstreams = upstreams;
        this.logs = logs;
    }

    /**
     * One service as the dashboard sees it.
     *
     * @param status  UP when its health answered 200, DOWN otherwise
     * @param breaker the dashboard's circuit breaker towards it (CLOSED, HALF_OPEN, OPEN)
     * @param checks  its health checks' details, when it answered
     */
    public record ServiceState(String name, String displayName, int port, boolean critical, String status,
                               String problem, String breaker, String coordinationBreaker, String version,
                               Long uptimeSeconds, String startedAt, JsonNode checks) {

        ServiceState withCoordinationBreaker(String state) {
            return new ServiceState(name, displayName, port, critical, status, problem, breaker, state, version,
                    uptimeSeconds, startedAt, checks);
        }
    }

    private static final String COORDINATION_VIEW = "coordination-breakers";
    /** One gauge line of Prometheus text, e.g. {@code client_breaker_state{scope="application",target="news"} 2.0}. */
    private static final Pattern BREAKER_GAUGE = Pattern.compile(
            "^client_breaker_state\\{[^}]*target=\"([^\"]+)\"[^}]*\\}\\s+([0-9.]+)", Pattern.MULTILINE);

    /**
     * Coordination's breakers towards each service, from its metrics: the ones that decide whether a
     * cycle calls a service. Empty when coordination cannot be read.
     */
    private Map<String, String> coordinationBreakers() {
        Map<String, String> states = new java.util.HashMap<>();
        try {
            Matcher m = BREAKER_GAUGE.matcher(upstreams.client(ServiceId.COORDINATION).probeText("/observe/metrics"));
            while (m.find()) {
                int code = (int) Double.parseDouble(m.group(2));
                states.put(m.group(1), code == 0 ? "CLOSED" : code == 1 ? "HALF_OPEN" : "OPEN");
            }
        } catch (ServiceCallException | NumberFormatException e) {
            // coordination down or its metrics unreadable: the column stays empty
        }
        return states;
    }

    public record DatabaseInfo(String path, Long sizeBytes, Long walBytes, String schemaVersion,
                               String latestKnownSchema, Integer pendingMigrations, String problem) {
    }

    public record Snapshot(List<ServiceState> services, long up, DatabaseInfo database, List<LogFiles.Problem> errors) {
    }

    public Snapshot snapshot() {
        Map<String, Callable<Object>> probes = new LinkedHashMap<>();
        for (ServiceId id : ServiceId.startOrder()) {
            probes.put(id.module(), () -> id == context.service() ? self() : probe(id));
        }
        probes.put(COORDINATION_VIEW, this::coordinationBreakers);
        Map<String, Object> answers = Upstreams.all(probes);
        @SuppressWarnings("unchecked")
        Map<String, String> seenByCoordination = (Map<String, String>) answers.remove(COORDINATION_VIEW);
        List<ServiceState> services = new ArrayList<>();
        for (Object answer : answers.values()) {
            ServiceState s = (ServiceState) answer;
            services.add(s.withCoordinationBreaker(seenByCoordination.get(s.name())));
        }
        long up = services.stream().filter(s -> s.status().equals("UP")).count();
        return new Snapshot(services, up, database(), logs.recentProblems(20));
    }

    private ServiceState probe(ServiceId id) {
        ServiceClient client = upstreams.client(id);
        int port = client.baseUri().getPort();
        String breaker = client.breakerState().name();
        try {
            ServiceClient.Probe health = client.probe("/observe/health");
            JsonNode checks = health.body().map(b -> b.get("checks")).orElse(null);
            String status = health.status() == 200 ? "UP" : "DOWN";
            String problem = health.status() == 200 ? null : "unhealthy (HTTP " + health.status() + ")";
            Optional<JsonNode> info = Optional.empty();
            try {
                ServiceClient.Probe p = client.probe("/api/info");
                info = p.status() == 200 ? p.body() : Optional.empty();
            } catch (ServiceCallException e) {
                // health answered, info did not: show what we have
            }
            return new ServiceState(id.module(), id.displayName(), port, id.critical(), status, problem, breaker, null,
                    info.map(i -> i.path("version").asText(null)).orElse(null),
                    info.filter(i -> i.has("uptime_seconds")).map(i -> i.get("uptime_seconds").asLong()).orElse(null),
                    info.map(i -> i.path("started_at").asText(null)).orElse(null),
                    checks);
        } catch (ServiceCallException e) {
            String m = e.getMessage();
            return new ServiceState(id.module(), id.displayName(), port, id.critical(), "DOWN",
                    m.substring(m.indexOf(": ") + 2), breaker, null, null, null, null, null);
        }
    }

    private ServiceState self() {
        ServiceId id = context.service();
        // The port it registered with is the bound one (SERVER_PORT may have moved it from its URL's).
        long pid = ProcessHandle.current().pid();
        int port = context.registry().list().stream()
                .filter(e -> e.name().equals(id.module()) && e.pid() == pid).findFirst()
                .map(e -> e.port()).orElse(context.settings().selfUrl().getPort());
        return new ServiceState(id.module(), id.displayName(), port, id.critical(),
                "UP", null, "CLOSED", null, context.version(),
                Duration.between(context.startedAt(), context.clock().instant()).toSeconds(),
                context.startedAt().toString(), null);
    }

    /** File sizes and the schema, recomputed every ten seconds at most (Flyway's status reads several tables). */
    private DatabaseInfo database() {
        Instant now = context.clock().instant();
        if (database == null || now.isAfter(databaseAt.plus(DATABASE_EVERY))) {
            Database db = context.db();
            try {
                Database.FileSizes sizes = db.fileSizes();
                Migrations.SchemaStatus schema = Migrations.status(db);
                database = new DatabaseInfo(db.path().toString(), sizes.databaseBytes(), sizes.walBytes(),
                        schema.current(), schema.latestKnown(), schema.pending(), null);
            } catch (RuntimeException e) {
                database = new DatabaseInfo(db.path().toString(), null, null, null, null, null, Database.rootMessage(e));
            }
            databaseAt = now;
        }
        return database;
    }
}
