package io.tradeloom.trading;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;

/** Paper Trading: the Alpaca-compatible paper broker and risk manager. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceKit.main(ServiceId.TRADING, Main::routing);
    }

    /** The service's own routes, beside the platform's observe endpoints and /api/info. */
    public static void routing(HttpRouting.Builder routing, ServiceContext context) {
        TradingApp.create(context).startLoop().routing(routing);
    }
}
