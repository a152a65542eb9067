package io.tradeloom.technical;

import io.tradeloom.platform.ServiceKit;

/** The technical's routes as its Main registers them, for the dashboard's tests to start it in-process. */
public final class TechnicalRoutes {

    public static final ServiceKit.Routes ROUTES = Main::routing;

    private TechnicalRoutes() {
    }
}
