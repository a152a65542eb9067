package io.tradeloom.platform;

import java.time.Clock;
import java.time.Instant;

import io.helidon.metrics.api.MeterRegistry;

import io.tradeloom.db.Database;
import io.tradeloom.platform.client.ServiceClients;
import io.tradeloom.platform.registry.ServiceRegistry;

/**
 * What a service's routes may depend on. Built once per process by {@link ServiceKit#context}.
 *
 * @param schemaVersion the database schema version, checked at start against this build
 * @param lifecycle     where routes register background work to stop with the service
 */
public record ServiceContext(Settings settings,
                             Database db,
                             ServiceClients clients,
                             ServiceRegistry registry,
                             MeterRegistry metrics,
                             Clock clock,
                             String version,
                             Instant startedAt,
                             String schemaVersion,
                             Lifecycle lifecycle) {

    public ServiceId service() {
        return settings.service();
    }
}
