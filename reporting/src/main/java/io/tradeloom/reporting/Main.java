package io.tradeloom.reporting;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.reporting.backtests.BacktestPlan;
import io.tradeloom.reporting.backtests.BacktestRunner;
import io.tradeloom.reporting.http.BacktestsService;
import io.tradeloom.reporting.http.ReportsService;
import io.tradeloom.reporting.performance.PerformanceCalculator;
import io.tradeloom.reporting.performance.Reports;
import io.tradeloom.reporting.source.LiveAccountSource;
import io.tradeloom.reporting.store.BacktestStore;

/** Reporting: performance reports over the paper account and backtests, and the backtests themselves. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceKit.main(ServiceId.REPORTING, Main::routing);
    }

    /** The service's own routes, beside the platform's observe endpoints and /api/info. */
    public static void routing(HttpRouting.Builder routing, ServiceContext context) {
        ReportingSettings settings = ReportingSettings.from(context.settings().config());
        NyseCalendar calendar = new NyseCalendar();
        Reports reports = new Reports(new PerformanceCalculator(settings.riskFreeRate()));
        BacktestStore store = new BacktestStore(context.db());
        LiveAccountSource live = new LiveAccountSource(context.settings().url(ServiceId.TRADING),
                settings.tradingKeyId(), settings.tradingSecret(), settings.tradingTimeout(), settings.pageSize());
        BacktestRunner runner = new BacktestRunner(store, calendar, context.clock(), settings.maxRunning());
        context.lifecycle().onStop(runner);
        BacktestPlan.Limits limits = new BacktestPlan.Limits(settings.maxSymbols(), settings.maxDays(),
                settings.lookbackBars(), settings.simSeed(), settings.replayDir());
        routing.register("/api/reports", new ReportsService(reports, store, live, settings.liveTimeframe()))
                .register("/api/backtests", new BacktestsService(runner, store, reports, limits, calendar, settings.apiToken()));
    }
}
