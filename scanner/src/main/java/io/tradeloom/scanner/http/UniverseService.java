package io.tradeloom.scanner.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.scanner.ingest.MarketRuntime;

/** {@code GET /api/universe}: the symbols the scanner serves, with company names. */
public final class UniverseService implements HttpService {

    private final MarketRuntime market;
    private final UniverseStore universe;

    public UniverseService(MarketRuntime market, UniverseStore universe) {
        this.market = market;
        this.universe = universe;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        var members = universe.list();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", market.source().name());
        body.put("count", members.size());
        body.put("symbols", members);
        Json.send(res, body);
    }
}
