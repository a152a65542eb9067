package io.tradeloom.technical;

import io.helidon.webserver.http.HttpRouting;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceKit;

/** Bench-only bridge: {@link Main#routing} is package-private, so the HTTP harness reaches it from this package. */
public final class BenchRoutes implements ServiceKit.Routes {

    @Override
    public void routing(HttpRouting.Builder routing, ServiceContext context) {
        Main.routing(routing, context);
    }
}
