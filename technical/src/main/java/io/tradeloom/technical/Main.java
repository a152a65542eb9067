package io.tradeloom.technical;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.indicators.IndicatorEngine;
import io.tradeloom.indicators.signal.SignalEngine;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.technical.http.IndicatorsService;
import io.tradeloom.technical.http.SignalsService;
import io.tradeloom.technical.http.StoredBars;
import io.tradeloom.technical.store.SignalStore;

/** Technical Analysis: indicators (TA-Lib underneath) over posted or stored bars, and trading signals. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceKit.main(ServiceId.TECHNICAL, Main::routing);
    }

    /** The service's own routes, beside the platform's observe endpoints and /api/info. */
    public static void routing(HttpRouting.Builder routing, ServiceContext context) {
        TechnicalSettings settings = TechnicalSettings.from(context.settings().config());
        IndicatorEngine indicators = new IndicatorEngine(new NyseCalendar());
        StoredBars stored = new StoredBars(new UniverseStore(context.db()), new BarStore(context.db()));
        routing.register("/api/indicators", new IndicatorsService(indicators, stored, settings))
                .register("/api/signals", new SignalsService(new SignalEngine(indicators), stored,
                        new SignalStore(context.db()), settings, context.clock()));
    }
}
