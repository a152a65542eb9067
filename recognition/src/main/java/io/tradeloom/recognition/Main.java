package io.tradeloom.recognition;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.charts.ChartEngine;
import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.recognition.http.ChartPatternsService;
import io.tradeloom.recognition.scan.PatternScan;
import io.tradeloom.recognition.store.ChartPatternStore;

/** Pattern Recognition: chart patterns over posted or stored bars, and a background scan of the universe. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceKit.main(ServiceId.RECOGNITION, Main::routing);
    }

    /** The service's own routes, beside the platform's observe endpoints and /api/info; starts the scan. */
    public static void routing(HttpRouting.Builder routing, ServiceContext context) {
        RecognitionSettings settings = RecognitionSettings.from(context.settings().config());
        ChartEngine engine = new ChartEngine(settings.rules());
        BarStore bars = new BarStore(context.db());
        UniverseStore universe = new UniverseStore(context.db());
        ChartPatternStore store = new ChartPatternStore(context.db());
        routing.register("/api/chart-patterns",
                new ChartPatternsService(engine, bars, universe, store, settings.maxBars(), context.clock()));
        if (settings.scanEnabled()) {
            PatternScan scan = new PatternScan(engine, universe, bars, store, settings.scanTimeframe(),
                    settings.scanBars(), context.clock());
            context.lifecycle().onStop(scan);
            scan.start(settings.scanInterval().toMillis());
        }
    }
}
