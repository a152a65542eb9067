package io.tradeloom.scanner.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.db.market.BarStore;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.scanner.ingest.MarketRuntime;

/** {@code GET /api/bars/{symbol}?timeframe=&start=&end=&limit=}: stored bars, oldest first. */
public final class BarsService implements HttpService {

    private static final Set<String> PARAMS = Set.of("timeframe", "start", "end", "limit");
    private static final int DEFAULT_LIMIT = 1000;

    private final MarketRuntime market;
    private final BarStore bars;
    private final int maxLimit;

    public BarsService(MarketRuntime market, BarStore bars, int maxLimit) {
        this.market = market;
        this.bars = bars;
        this.maxLimit = maxLimit;
    }

    /** A bar as CONTRACTS.md defines it. */
    public record BarJson(Instant time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, long volume) {
        static BarJson of(Bar b) {
            return new BarJson(b.time(), b.open(), b.high(), b.low(), b.close(), b.volume());
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{symbol}", this::bars);
    }

    private void bars(ServerRequest req, ServerResponse res) {
        String symbol = Symbols.known(market.source().universe(), req.path().pathParameters().get("symbol"));
        QueryParams q = QueryParams.of(req, PARAMS);
        Timeframe timeframe = q.parsed("timeframe", Timeframe::parse).orElse(Timeframe.MIN_1);
        Instant start = q.instant("start").orElse(Instant.EPOCH);
        Instant end = q.instant("end").orElse(market.ingestedThrough());
        int limit = q.integer("limit", Math.min(DEFAULT_LIMIT, maxLimit), 1, maxLimit);
        if (start.isAfter(end)) {
            throw ApiException.invalid("start", "must not be after end (" + end + ")");
        }
        List<BarJson> found = bars.range(symbol, timeframe, start, end, limit).stream().map(BarJson::of).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol);
        body.put("timeframe", timeframe.label());
        body.put("bars", found);
        Json.send(res, body);
    }
}
