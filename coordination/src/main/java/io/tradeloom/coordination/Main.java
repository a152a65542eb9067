package io.tradeloom.coordination;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.coordination.http.ServicesService;
import io.tradeloom.coordination.services.ServiceDirectory;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;

/** Coordination: runs the trading cycles across the other services. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceKit.main(ServiceId.COORDINATION, Main::routing);
    }

    /** Coordination's own routes, beside the platform's observe endpoints and /api/info. */
    static void routing(HttpRouting.Builder routing, ServiceContext context) {
        routing.register("/api/services", new ServicesService(new ServiceDirectory(context.registry(), context.clients())));
    }
}
