package io.tradeloom.dashboard.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.dashboard.upstream.Panel;
import io.tradeloom.dashboard.upstream.Upstreams;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;

/**
 * Performance and backtests from the reporting service: {@code GET /api/performance[?backtest=id]}
 * (metrics, equity curve with drawdown, trades, daily), {@code GET /api/backtests},
 * {@code GET /api/backtests/{id}} (the run with the same reports over it) and {@code POST /api/backtests}
 * (passed on with the service token; reporting validates the fields and names any it does not know).
 */
public final class ReportsService implements HttpService {

    /** What the form may send; reporting checks the values (and may know more fields than the form offers). */
    static final Set<String> BACKTEST_FIELDS = Set.of("symbols", "timeframe", "start", "end", "source", "seed",
            "starting_cash", "costs", "strategy", "preset", "lookback_bars");

    private final Upstreams upstreams;

    public ReportsService(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/performance", this::performance)
                .get("/backtests", (req, res) -> {
                    QueryParams.of(req, Set.of());
                    Json.send(res, upstreams.read(ServiceId.REPORTING, "/api/backtests"));
                })
                .get("/backtests/{id}", this::backtest)
                .post("/backtests", this::runBacktest);
    }

    private void performance(ServerRequest req, ServerResponse res) {
        QueryParams q = QueryParams.of(req, Set.of("backtest"));
        String backtest = q.string("backtest").map(b -> Params.id("backtest", b)).orElse(null);
        Json.send(res, reports(backtest));
    }

    private Map<String, Object> reports(String backtest) {
        String suffix = backtest == null ? "" : "?backtest=" + Params.encode(backtest);
        Map<String, Callable<Panel>> reads = new LinkedHashMap<>();
        for (String report : new String[] {"performance", "equity", "trades", "daily"}) {
            reads.put(report, () -> upstreams.read(ServiceId.REPORTING, "/api/reports/" + report + suffix));
        }
        return new LinkedHashMap<>(Upstreams.all(reads));
    }

    private void backtest(ServerRequest req, ServerResponse res) {
        String id = Params.id("id", req.path().pathParameters().get("id"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("backtest", upstreams.read(ServiceId.REPORTING, "/api/backtests/" + Params.encode(id)));
        body.put("reports", reports(id));
        Json.send(res, body);
    }

    private void runBacktest(ServerRequest req, ServerResponse res) {
        JsonNode body = Json.readObject(req, BACKTEST_FIELDS);
        JsonNode answer = upstreams.act(ServiceId.REPORTING, Method.POST, "/api/backtests", body);
        // Reporting runs it in the background: accepted, RUNNING, with its id to look at later.
        Json.send(res, Status.ACCEPTED_202, answer);
    }
}
