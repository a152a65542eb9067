package io.tradeloom.reporting;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tradeloom.backtest.BacktestEngine;
import io.tradeloom.backtest.BacktestResult;
import io.tradeloom.backtest.EquitySample;
import io.tradeloom.backtest.SimFill;
import io.tradeloom.db.Database;
import io.tradeloom.db.Migrations;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.Settings;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.reporting.backtests.BacktestPlan;
import io.tradeloom.reporting.backtests.BacktestRequest;
import io.tradeloom.reporting.backtests.BacktestRunner;
import io.tradeloom.reporting.performance.AccountHistory;
import io.tradeloom.reporting.performance.EquityPoint;
import io.tradeloom.reporting.performance.Fill;
import io.tradeloom.reporting.performance.Performance;
import io.tradeloom.reporting.performance.PerformanceCalculator;
import io.tradeloom.reporting.performance.Period;
import io.tradeloom.reporting.performance.Reports;
import io.tradeloom.reporting.performance.Side;
import io.tradeloom.reporting.store.BacktestStore;

/**
 * The command-line backtest: the same request as {@code POST /api/backtests} from a JSON file, run in this process,
 * the performance summary printed; with {@code --store} it is also stored in the database (DATABASE_PATH) so the
 * reports can be asked for by its id.
 *
 * <pre>
 * java -cp "reporting/target/reporting.jar:reporting/target/libs/*" io.tradeloom.reporting.BacktestCommand request.json [--store] [--json]
 * </pre>
 * Exit codes: 0 done, 2 a bad request or usage (the problems are printed, one per line).
 */
public final class BacktestCommand {

    private BacktestCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args[0].startsWith("--")) {
            err.println("usage: BacktestCommand <request.json> [--store] [--json]");
            return 2;
        }
        boolean store = List.of(args).contains("--store");
        boolean json = List.of(args).contains("--json");
        Settings settings = Settings.load(ServiceId.REPORTING);
        ReportingSettings reporting = ReportingSettings.from(settings.config());
        NyseCalendar calendar = new NyseCalendar();
        BacktestPlan plan;
        String body;
        try {
            body = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
            plan = BacktestPlan.of(Json.parse(body.getBytes(StandardCharsets.UTF_8), BacktestRequest.class),
                    new BacktestPlan.Limits(reporting.maxSymbols(), reporting.maxDays(), reporting.lookbackBars(),
                            reporting.simSeed(), reporting.replayDir()), calendar);
        } catch (IOException e) {
            err.println("cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (ApiException e) {
            err.println("the request is invalid:");
            e.errors().forEach(f -> err.println("  " + f.field() + ": " + f.message()));
            return 2;
        }
        BacktestResult result = new BacktestEngine(calendar).run(plan.spec(), plan.feed());
        Performance p = new Reports(new PerformanceCalculator(reporting.riskFreeRate()))
                .performance(history(result), Period.ALL).overall();
        String id = null;
        if (store) {
            try (Database db = Database.open(settings.database())) {
                Migrations.requireCurrent(db);
                BacktestStore backtests = new BacktestStore(db);
                id = BacktestRunner.newId();
                backtests.create(id, Clock.systemUTC().instant().truncatedTo(ChronoUnit.MILLIS), body,
                        plan.spec().strategy().name(), plan.spec().broker().startingCash());
                backtests.complete(id, result);
            }
        }
        if (json) {
            out.println(new String(Json.bytes(id == null ? Map.of("summary", p) : Map.of("id", id, "summary", p)),
                    StandardCharsets.UTF_8));
        } else {
            print(out, id, result, p);
        }
        return 0;
    }

    /** A backtest's result as reports read it (what the store would give back). */
    static AccountHistory history(BacktestResult r) {
        List<Fill> fills = new ArrayList<>(r.fills().size());
        for (SimFill f : r.fills()) {
            fills.add(new Fill(f.time(), f.symbol(), Side.parse(f.side()), BigDecimal.valueOf(f.qty()), f.price(),
                    f.commission(), f.clientOrderId(), f.clientOrderId()));
        }
        List<EquityPoint> equity = new ArrayList<>(r.equity().size());
        for (EquitySample e : r.equity()) {
            equity.add(new EquityPoint(e.time(), e.equity()));
        }
        return new AccountHistory(fills, equity);
    }

    private static void print(PrintStream out, String id, BacktestResult r, Performance p) {
        if (id != null) {
            out.println("stored as " + id + " (GET /api/reports/performance?backtest=" + id + ")");
        }
        out.printf(Locale.ROOT, "%,d bars, %,d fills in %,d ms%n", r.bars(), r.fills().size(), r.elapsedMs());
        row(out, "starting equity", p.startingEquity());
        row(out, "ending equity", p.endingEquity());
        row(out, "net P&L", p.netPnl());
        row(out, "return %", p.returnPct());
        row(out, "CAGR %", p.cagrPct());
        row(out, "Sharpe", p.sharpe());
        row(out, "Sortino", p.sortino());
        row(out, "Calmar", p.calmar());
        row(out, "max drawdown", p.maxDrawdown());
        row(out, "max drawdown %", p.maxDrawdownPct());
        row(out, "longest drawdown s", p.maxDrawdownDurationSeconds());
        row(out, "trades", p.trades());
        row(out, "win rate %", p.winRatePct());
        row(out, "profit factor", p.profitFactor());
        row(out, "expectancy", p.expectancy());
        row(out, "average win", p.averageWin());
        row(out, "average loss", p.averageLoss());
        row(out, "average holding s", p.averageHoldingSeconds());
        row(out, "exposure %", p.exposurePct());
        row(out, "commissions", p.commissions());
    }

    private static void row(PrintStream out, String name, Object value) {
        out.printf(Locale.ROOT, "  %-20s %s%n", name, value == null ? "-" : value instanceof BigDecimal d ? d.toPlainString() : value);
    }
}
