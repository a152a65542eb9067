package io.tradeloom.platform;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseStorageException;

/** Readiness: a real query against the shared database. */
final class DatabaseHealthCheck implements HealthCheck {

    private final ServiceContext context;

    DatabaseHealthCheck(ServiceContext context) {
        this.context = context;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse.Builder b = HealthCheckResponse.builder()
                .detail("path", context.db().path().toString())
                .detail("schema_version", context.schemaVersion())
                .detail("retries", context.db().retryCount());
        DatabaseStorageException fault = context.db().storageFault();
        if (fault != null) {
            // Reads may still work, but a service that cannot write is not ready; the next write that succeeds clears this.
            return b.status(false).detail("error", "writes are failing: " + fault.reason()).build();
        }
        try {
            int one = context.db().read("health", ctx -> ctx.selectOne().fetchOne(0, int.class));
            return b.status(one == 1).build();
        } catch (RuntimeException e) {
            return b.status(false).detail("error", Database.rootMessage(e)).build();
        }
    }
}
