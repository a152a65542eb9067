package io.tradeloom.recognition;

import io.tradeloom.platform.ServiceKit;

/** The recognition service's routes as its Main registers them, for the dashboard's tests to start it in-process. */
public final class RecognitionRoutes {

    public static final ServiceKit.Routes ROUTES = Main::routing;

    private RecognitionRoutes() {
    }
}
