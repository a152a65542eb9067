package io.tradeloom.dashboard;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;

/** Web Dashboard: the browser UI. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceKit.main(ServiceId.DASHBOARD, Main::routing);
    }

    /** The service's own routes, beside the platform's observe endpoints and /api/info. */
    static void routing(HttpRouting.Builder routing, ServiceContext context) {
        // The pages and live updates are not built yet: until they are, unknown /api paths answer 404.
    }
}
