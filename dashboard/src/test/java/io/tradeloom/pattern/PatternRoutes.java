package io.tradeloom.pattern;

import io.tradeloom.platform.ServiceKit;

/** The pattern's routes as its Main registers them, for the dashboard's tests to start it in-process. */
public final class PatternRoutes {

    public static final ServiceKit.Routes ROUTES = Main::routing;

    private PatternRoutes() {
    }
}
