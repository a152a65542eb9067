package io.tradeloom.pattern;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.candles.CandleEngine;
import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.pattern.http.PatternsService;
import io.tradeloom.pattern.store.PatternStore;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;

/** Pattern Analysis: TA-Lib's 61 candlestick patterns over posted or stored bars. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceKit.main(ServiceId.PATTERN, Main::routing);
    }

    /** The service's own routes, beside the platform's observe endpoints and /api/info. */
    public static void routing(HttpRouting.Builder routing, ServiceContext context) {
        PatternSettings settings = PatternSettings.from(context.settings().config());
        routing.register("/api/patterns", new PatternsService(new CandleEngine(), new BarStore(context.db()),
                new UniverseStore(context.db()), new PatternStore(context.db()), settings.maxBars()));
    }
}
