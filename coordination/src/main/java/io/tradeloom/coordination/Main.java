package io.tradeloom.coordination;

import java.time.Duration;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.coordination.cycle.AutoTrader;
import io.tradeloom.coordination.cycle.CycleRunner;
import io.tradeloom.coordination.cycle.MarketTime;
import io.tradeloom.coordination.http.AutotradeService;
import io.tradeloom.coordination.http.BearerAuth;
import io.tradeloom.coordination.http.CyclesService;
import io.tradeloom.coordination.http.ServicesService;
import io.tradeloom.coordination.services.ServiceDirectory;
import io.tradeloom.coordination.store.AutotradeStore;
import io.tradeloom.coordination.store.CycleStore;
import io.tradeloom.db.market.MarketClockStore;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;

/** Coordination: runs the trading cycles across the other services. */
public final class Main {

    /** How often the schedule looks at the market clock and the auto-trading switch. */
    private static final Duration SCHEDULE_CHECK = Duration.ofMillis(250);

    private Main() {
    }

    public static void main(String[] args) {
        ServiceKit.main(ServiceId.COORDINATION, Main::routing);
    }

    /** Coordination's own routes, beside the platform's observe endpoints and /api/info; starts the schedule. */
    public static void routing(HttpRouting.Builder routing, ServiceContext context) {
        CoordinationSettings settings = CoordinationSettings.from(context.settings().config());
        CycleStore cycles = new CycleStore(context.db());
        MarketTime marketTime = new MarketTime(new MarketClockStore(context.db(), context.clock()), context.clock());
        CycleRunner runner = new CycleRunner(settings, context.clients(), cycles, marketTime, context.clock());
        AutoTrader autoTrader = new AutoTrader(runner, new AutotradeStore(context.db()), marketTime, context.clock(),
                settings.everyMinutes(), SCHEDULE_CHECK);
        context.lifecycle().onStop(autoTrader);
        BearerAuth auth = new BearerAuth(settings.apiToken());
        routing.register("/api/services", new ServicesService(new ServiceDirectory(context.registry(), context.clients())))
                .register("/api/cycles", new CyclesService(runner, cycles, auth))
                .register("/api/autotrade", new AutotradeService(autoTrader, auth));
    }
}
