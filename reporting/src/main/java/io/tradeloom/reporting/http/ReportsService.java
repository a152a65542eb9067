package io.tradeloom.reporting.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.reporting.performance.AccountHistory;
import io.tradeloom.reporting.performance.JournalEntry;
import io.tradeloom.reporting.performance.Period;
import io.tradeloom.reporting.performance.Reports;
import io.tradeloom.reporting.source.LiveAccountSource;
import io.tradeloom.reporting.store.BacktestStore;

/**
 * {@code GET /api/reports/performance|equity|trades|daily}: over the paper account by default (or
 * {@code ?source=live}), over a completed backtest with {@code ?backtest=<id>}; {@code from} and {@code to}
 * (RFC 3339) bound the period. The formulas are in docs/reporting.md.
 */
public final class ReportsService implements HttpService {

    private static final Set<String> COMMON = Set.of("from", "to", "source", "backtest");

    private final Reports reports;
    private final BacktestStore backtests;
    private final LiveAccountSource live;
    private final String liveTimeframe;

    public ReportsService(Reports reports, BacktestStore backtests, LiveAccountSource live, String liveTimeframe) {
        this.reports = reports;
        this.backtests = backtests;
        this.live = live;
        this.liveTimeframe = liveTimeframe;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/performance", this::performance)
                .get("/equity", this::equity)
                .get("/trades", this::trades)
                .get("/daily", this::daily);
    }

    /** The account a report is about, its history and the period. */
    private record Selected(Map<String, Object> header, AccountHistory history, Period period) {
        Map<String, Object> with(String key, Object value) {
            Map<String, Object> body = new LinkedHashMap<>(header);
            body.put(key, value);
            return body;
        }
    }

    private void performance(ServerRequest req, ServerResponse res) {
        Selected s = select(QueryParams.of(req, COMMON));
        Reports.PerformanceReport r = reports.performance(s.history(), s.period());
        Map<String, Object> body = s.with("overall", r.overall());
        body.put("by_symbol", r.bySymbol());
        body.put("by_strategy", r.byStrategy());
        body.put("open_positions", r.openPositions());
        Json.send(res, body);
    }

    private void equity(ServerRequest req, ServerResponse res) {
        Selected s = select(QueryParams.of(req, COMMON));
        Json.send(res, s.with("points", reports.equity(s.history(), s.period())));
    }

    private void trades(ServerRequest req, ServerResponse res) {
        Set<String> known = new HashSet<>(COMMON);
        known.add("format");
        QueryParams q = QueryParams.of(req, known);
        String format = q.string("format").orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiException.invalid("format", "must be json or csv, was '" + format + "'");
        }
        Selected s = select(q);
        List<JournalEntry> journal = reports.journal(s.history(), s.period());
        if (format.equals("csv")) {
            res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8");
            res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"trades.csv\"");
            res.send(JournalEntry.csv(journal).getBytes(StandardCharsets.UTF_8));
            return;
        }
        Json.send(res, s.with("trades", journal));
    }

    private void daily(ServerRequest req, ServerResponse res) {
        Selected s = select(QueryParams.of(req, COMMON));
        Json.send(res, s.with("days", reports.daily(s.history(), s.period())));
    }

    private Selected select(QueryParams q) {
        Instant from = q.instant("from").orElse(null);
        Instant to = q.instant("to").orElse(null);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        String source = q.string("source").orElse(null);
        String backtest = q.string("backtest").orElse(null);
        if (source != null && !source.equals("live") && !source.equals("backtest")) {
            throw ApiException.invalid("source", "must be live or backtest, was '" + source + "'");
        }
        if ("live".equals(source) && backtest != null) {
            throw ApiException.invalid("source", "is live, so backtest must not be given");
        }
        if ("backtest".equals(source) && backtest == null) {
            throw ApiException.invalid("backtest", "is required with source=backtest: give the backtest's id");
        }
        Period period = new Period(from, to);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("source", backtest == null ? "live" : "backtest");
        header.put("backtest_id", backtest);
        header.put("from", from);
        header.put("to", to);
        AccountHistory history;
        if (backtest == null) {
            history = live.history(period, liveTimeframe);
        } else {
            BacktestStore.Row row = backtests.find(backtest)
                    .orElseThrow(() -> ApiException.notFound("There is no backtest " + backtest + "."));
            switch (row.status()) {
                case "RUNNING" -> throw ApiException.conflict("Backtest " + backtest + " is still running; report on it once it has COMPLETED.");
                case "FAILED" -> throw ApiException.conflict("Backtest " + backtest + " failed, so it has nothing to report: " + row.error());
                default -> history = backtests.history(backtest);
            }
        }
        return new Selected(header, history, period);
    }
}
