package io.tradeloom.scanner.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.db.market.QuoteStore;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.scanner.ingest.MarketRuntime;

/** {@code GET /api/quotes/{symbol}}: the symbol's latest bid and ask. */
public final class QuotesService implements HttpService {

    private final MarketRuntime market;
    private final QuoteStore quotes;

    public QuotesService(MarketRuntime market, QuoteStore quotes) {
        this.market = market;
        this.quotes = quotes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{symbol}", this::quote);
    }

    private void quote(ServerRequest req, ServerResponse res) {
        String symbol = Symbols.known(market.source().universe(), req.path().pathParameters().get("symbol"));
        QueryParams.of(req, Set.of());
        Quote q = quotes.latest(symbol)
                .orElseThrow(() -> ApiException.notFound("No quote for " + symbol + " yet: the market has not traded it."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", q.symbol());
        body.put("time", q.time());
        body.put("bid", q.bid());
        body.put("ask", q.ask());
        body.put("bid_size", q.bidSize());
        body.put("ask_size", q.askSize());
        body.put("spread", q.spread());
        Json.send(res, body);
    }
}
