package io.tradeloom.dashboard.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

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
 * {@code GET /api/symbols/{symbol}?timeframe=&limit=}: everything the symbol view draws, each part
 * from its own service and each able to fail alone: bars (scanner), indicators and the signal
 * (technical), candlestick patterns (pattern), chart patterns (recognition), news and sentiment (news).
 * {@code GET /api/universe} lists the symbols for the picker.
 */
public final class SymbolService implements HttpService {

    /** The overlays and panes the chart draws. */
    static final String INDICATORS = "EMA(9),EMA(21),BBANDS(20,2,2),VWAP,RSI(14),MACD(12,26,9)";

    private final Upstreams upstreams;

    public SymbolService(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/universe", (req, res) -> Json.send(res, upstreams.read(ServiceId.SCANNER, "/api/universe")))
                .get("/symbols/{symbol}", this::symbol);
    }

    private void symbol(ServerRequest req, ServerResponse res) {
        String symbol = Params.symbol(req.path().pathParameters().get("symbol"));
        QueryParams q = QueryParams.of(req, Set.of("timeframe", "limit"));
        String timeframe = Params.timeframe(q.string("timeframe").orElse("5Min"));
        int limit = q.integer("limit", 200, 20, 2000);
        String sym = Params.encode(symbol);
        String range = "timeframe=" + timeframe + "&limit=" + limit;
        Map<String, Callable<Panel>> reads = new LinkedHashMap<>();
        reads.put("bars", () -> upstreams.read(ServiceId.SCANNER, "/api/bars/" + sym + "?" + range));
        reads.put("indicators", () -> upstreams.read(ServiceId.TECHNICAL,
                "/api/indicators/" + sym + "?" + range + "&indicators=" + Params.encode(INDICATORS)));
        reads.put("signal", () -> upstreams.read(ServiceId.TECHNICAL, "/api/signals/" + sym + "?timeframe=" + timeframe));
        reads.put("patterns", () -> upstreams.read(ServiceId.PATTERN, "/api/patterns/" + sym + "?" + range));
        reads.put("chart_patterns", () -> upstreams.read(ServiceId.RECOGNITION, "/api/chart-patterns/" + sym + "?" + range));
        reads.put("news", () -> upstreams.read(ServiceId.NEWS, "/api/news?symbol=" + sym + "&limit=20"));
        reads.put("sentiment", () -> upstreams.read(ServiceId.NEWS, "/api/sentiment/" + sym));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol);
        body.put("timeframe", timeframe);
        body.putAll(Upstreams.all(reads));
        Json.send(res, body);
    }
}
