package io.tradeloom.platform.client;

import java.util.EnumMap;
import java.util.Map;

import io.helidon.metrics.api.MeterRegistry;

import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.Settings;

/** One {@link ServiceClient} per target service, so each target has its own breaker and bulkhead. */
public final class ServiceClients {

    private final Map<ServiceId, ServiceClient> clients = new EnumMap<>(ServiceId.class);

    public ServiceClients(Settings settings, MeterRegistry registry) {
        for (ServiceId target : ServiceId.values()) {
            clients.put(target, new ServiceClient(target, settings.url(target), settings.client(target), registry));
        }
    }

    public ServiceClient of(ServiceId target) {
        return clients.get(target);
    }

    public Map<ServiceId, ServiceClient> all() {
        return Map.copyOf(clients);
    }
}
