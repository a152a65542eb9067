package io.tradeloom.scanner;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.QuoteStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.scan.ScanEngine;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.scanner.http.BarsService;
import io.tradeloom.scanner.http.ClockService;
import io.tradeloom.scanner.http.QuotesService;
import io.tradeloom.scanner.http.ScansService;
import io.tradeloom.scanner.http.UniverseService;
import io.tradeloom.scanner.ingest.MarketRuntime;
import io.tradeloom.scanner.scan.Snapshots;
import io.tradeloom.scanner.source.MarketDataSettings;
import io.tradeloom.scanner.store.ScanStore;

/** Security Scanner: owns market data (ingests bars and quotes into the shared database) and ranks the universe. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceKit.main(ServiceId.SCANNER, Main::routing);
    }

    /** Opens the market (clock, source, ingest loop) and registers the scanner's endpoints. */
    public static void routing(HttpRouting.Builder routing, ServiceContext context) {
        MarketDataSettings settings = MarketDataSettings.from(context.settings().config());
        MarketRuntime market = MarketRuntime.open(context.db(), settings, context.clock());
        context.lifecycle().onStop(market);
        Snapshots snapshots = new Snapshots(market.source().feed().symbols(), market.calendar(), settings.historyDays());
        snapshots.restore(new BarStore(context.db()), market.calendar(), market.ingestedThrough(), settings.historyDays());
        market.onMinuteBars(snapshots::onMinuteBars);
        routing.register("/api/universe", new UniverseService(market, new UniverseStore(context.db())))
                .register("/api/bars", new BarsService(market, new BarStore(context.db()), settings.maxBarsLimit()))
                .register("/api/quotes", new QuotesService(market, new QuoteStore(context.db())))
                .register("/api/clock", new ClockService(market, settings.speed()))
                .register("/api", new ScansService(market, snapshots, new ScanEngine(settings.maxTopN()),
                        new ScanStore(context.db()), context.clock()));
        market.start();
    }
}
