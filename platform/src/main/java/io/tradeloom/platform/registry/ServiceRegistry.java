package io.tradeloom.platform.registry;

import static io.tradeloom.db.schema.Tables.SERVICE_REGISTRY;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Field;

import io.tradeloom.db.Database;
import io.tradeloom.db.schema.tables.records.ServiceRegistryRecord;

/** The services' own record of who runs where (the seed's service discovery), kept in the database. */
public final class ServiceRegistry {

    private final Database db;
    private final Clock clock;

    public ServiceRegistry(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A service as it registered itself; {@code stoppedAt} is empty while it runs. */
    public record Entry(String name, String url, int port, String version, long pid,
                        Instant startedAt, Instant heartbeatAt, Optional<Instant> stoppedAt) {
    }

    public void register(String name, String url, int port, String version, long pid) {
        long now = clock.millis();
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        row.put(SERVICE_REGISTRY.URL, url);
        row.put(SERVICE_REGISTRY.PORT, port);
        row.put(SERVICE_REGISTRY.VERSION, version);
        row.put(SERVICE_REGISTRY.PID, pid);
        row.put(SERVICE_REGISTRY.STARTED_AT, now);
        row.put(SERVICE_REGISTRY.HEARTBEAT_AT, now);
        row.put(SERVICE_REGISTRY.STOPPED_AT, null);
        db.write("registry.register", ctx -> ctx.insertInto(SERVICE_REGISTRY)
                .set(SERVICE_REGISTRY.NAME, name)
                .set(row)
                .onConflict(SERVICE_REGISTRY.NAME)
                .doUpdate()
                .set(row)
                .execute());
    }

    public void heartbeat(String name, long pid) {
        db.write("registry.heartbeat", ctx -> ctx.update(SERVICE_REGISTRY)
                .set(SERVICE_REGISTRY.HEARTBEAT_AT, clock.millis())
                .where(SERVICE_REGISTRY.NAME.eq(name).and(SERVICE_REGISTRY.PID.eq(pid)))
                .execute());
    }

    public void markStopped(String name, long pid) {
        db.write("registry.stop", ctx -> ctx.update(SERVICE_REGISTRY)
                .set(SERVICE_REGISTRY.STOPPED_AT, clock.millis())
                .where(SERVICE_REGISTRY.NAME.eq(name).and(SERVICE_REGISTRY.PID.eq(pid)))
                .execute());
    }

    public List<Entry> list() {
        return db.read("registry.list", ctx -> ctx.selectFrom(SERVICE_REGISTRY)
                .orderBy(SERVICE_REGISTRY.PORT)
                .fetch(ServiceRegistry::entry));
    }

    public Optional<Entry> find(String name) {
        return db.read("registry.find", ctx -> ctx.selectFrom(SERVICE_REGISTRY)
                .where(SERVICE_REGISTRY.NAME.eq(name))
                .fetchOptional(ServiceRegistry::entry));
    }

    private static Entry entry(ServiceRegistryRecord r) {
        return new Entry(r.getName(), r.getUrl(), r.getPort(), r.getVersion(), r.getPid(),
                Instant.ofEpochMilli(r.getStartedAt()), Instant.ofEpochMilli(r.getHeartbeatAt()),
                Optional.ofNullable(r.getStoppedAt()).map(Instant::ofEpochMilli));
    }
}
