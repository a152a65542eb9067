package io.tradeloom.reporting.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.reporting.backtests.BacktestPlan;
import io.tradeloom.reporting.backtests.BacktestRequest;
import io.tradeloom.reporting.backtests.BacktestRunner;
import io.tradeloom.reporting.performance.Period;
import io.tradeloom.reporting.performance.Reports;
import io.tradeloom.reporting.store.BacktestStore;

/**
 * {@code POST /api/backtests} (bearer token: it starts work and writes), {@code GET /api/backtests} and
 * {@code GET /api/backtests/{id}}. A backtest runs in the background: the POST answers 202 with its id at once.
 */
public final class BacktestsService implements HttpService {

    private final BacktestRunner runner;
    private final BacktestStore store;
    private final Reports reports;
    private final BacktestPlan.Limits limits;
    private final NyseCalendar calendar;
    private final byte[] expectedAuthorization;

    public BacktestsService(BacktestRunner runner, BacktestStore store, Reports reports, BacktestPlan.Limits limits,
                            NyseCalendar calendar, String apiToken) {
        this.runner = runner;
        this.store = store;
        this.reports = reports;
        this.limits = limits;
        this.calendar = calendar;
        this.expectedAuthorization = ("Bearer " + apiToken).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .get("/", this::list)
                .get("/{id}", this::one);
    }

    private void create(ServerRequest req, ServerResponse res) {
        authorize(req);
        QueryParams.of(req, Set.of());
        BacktestRequest body = Json.read(req, BacktestRequest.class);
        BacktestPlan plan = BacktestPlan.of(body, limits, calendar);
        String id = runner.submit(plan, new String(Json.bytes(body), StandardCharsets.UTF_8));
        res.header(HeaderNames.LOCATION, "/api/backtests/" + id);
        Json.send(res, Status.ACCEPTED_202, Map.of("id", id, "status", "RUNNING", "links", links(id)));
    }

    private void list(ServerRequest req, ServerResponse res) {
        int limit = QueryParams.of(req, Set.of("limit")).integer("limit", 50, 1, 500);
        List<Map<String, Object>> rows = store.list(limit).stream().map(r -> json(r, false)).toList();
        Json.send(res, Map.of("backtests", rows));
    }

    private void one(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        String id = req.path().pathParameters().get("id");
        BacktestStore.Row row = store.find(id).orElseThrow(() -> ApiException.notFound("There is no backtest " + id + "."));
        Json.send(res, json(row, true));
    }

    private Map<String, Object> json(BacktestStore.Row r, boolean detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("created_at", r.createdAt());
        m.put("status", r.status());
        m.put("strategy", r.strategy());
        m.put("starting_cash", r.startingCash());
        m.put("final_equity", r.finalEquity());
        m.put("bars", r.bars());
        m.put("elapsed_ms", r.elapsedMs());
        m.put("error", r.error());
        if (detail) {
            try {
                m.put("request", Json.tree(r.request().getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                m.put("request", r.request());
            }
            if (r.status().equals("COMPLETED")) {
                m.put("summary", reports.performance(store.history(r.id()), Period.ALL).overall());
            }
        }
        m.put("links", links(r.id()));
        return m;
    }

    private static Map<String, String> links(String id) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api/backtests/" + id);
        for (String report : List.of("performance", "equity", "trades", "daily")) {
            links.put(report, "/api/reports/" + report + "?backtest=" + id);
        }
        return links;
    }

    /** The bearer token, compared in constant time; its value is never logged or echoed. */
    private void authorize(ServerRequest req) {
        String given = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expectedAuthorization)) {
            throw new ApiException(Status.UNAUTHORIZED_401, "Unauthorized",
                    "Starting a backtest needs the header Authorization: Bearer <TRADING_API_TOKEN>.", List.of());
        }
    }
}
