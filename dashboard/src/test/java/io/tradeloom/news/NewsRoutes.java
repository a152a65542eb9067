package io.tradeloom.news;

import io.tradeloom.platform.ServiceKit;

/** The news service's routes as its Main registers them, for the dashboard's tests to start it in-process. */
public final class NewsRoutes {

    public static final ServiceKit.Routes ROUTES = Main::routing;

    private NewsRoutes() {
    }
}
