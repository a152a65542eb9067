package io.tradeloom.scanner;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;

/** Security Scanner: market data and scans. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceKit.main(ServiceId.SCANNER, Main::routing);
    }

    /** The service's own routes, beside the platform's observe endpoints and /api/info. */
    static void routing(HttpRouting.Builder routing, ServiceContext context) {
        // The market data and scan endpoints are not built yet: until they are, unknown /api paths answer 404.
    }
}
