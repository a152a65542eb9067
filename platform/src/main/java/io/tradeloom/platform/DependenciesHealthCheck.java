package io.tradeloom.platform;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

import io.tradeloom.platform.client.ServiceClient;

/**
 * Liveness details with the circuit-breaker state towards every other service. Always UP: another
 * service being down must not make this one look dead (or be restarted for it).
 */
final class DependenciesHealthCheck implements HealthCheck {

    private final ServiceContext context;

    DependenciesHealthCheck(ServiceContext context) {
        this.context = context;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.LIVENESS;
    }

    @Override
    public String name() {
        return "circuit-breakers";
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse.Builder b = HealthCheckResponse.builder().status(true);
        for (ServiceClient c : context.clients().all().values()) {
            if (c.target() != context.service()) {
                b.detail(c.target().module(), c.breakerState().name());
            }
        }
        return b.build();
    }
}
