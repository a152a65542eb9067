package io.tradeloom.scanner;

import io.tradeloom.platform.ServiceKit;

/** The scanner's routes as its Main registers them, for the dashboard's tests to start it in-process. */
public final class ScannerRoutes {

    public static final ServiceKit.Routes ROUTES = Main::routing;

    private ScannerRoutes() {
    }
}
