package io.tradeloom.recognition;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;

/** Pattern Recognition: chart patterns. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceKit.main(ServiceId.RECOGNITION, Main::routing);
    }

    /** The service's own routes, beside the platform's observe endpoints and /api/info. */
    static void routing(HttpRouting.Builder routing, ServiceContext context) {
        // The chart-pattern endpoints are not built yet: until they are, unknown /api paths answer 404.
    }
}
