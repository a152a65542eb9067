package io.tradeloom.dashboard.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.dashboard.upstream.Upstreams;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;

/**
 * What a user may do, each passed on to the service that owns it with the credentials this process
 * holds: auto-trading on and off and a cycle now (coordination); cancel an order, close a position,
 * flatten everything and reset the risk state (trading); a scan now (scanner). The page asks for
 * confirmation before the destructive ones; here every one needs the session's CSRF token (the filter).
 */
public final class ActionsService implements HttpService {

    /** Who did what, for the log; never the credentials. */
    private static final Logger LOG = Logger.getLogger(ActionsService.class.getName());

    private final Upstreams upstreams;

    public ActionsService(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/autotrade", this::autotrade)
                .post("/cycles", (req, res) -> done(res, "run a cycle",
                        upstreams.act(ServiceId.COORDINATION, Method.POST, "/api/cycles", Map.of())))
                .get("/cycles/{id}", (req, res) -> Json.send(res, upstreams.read(ServiceId.COORDINATION,
                        "/api/cycles/" + Params.encode(Params.id("id", req.path().pathParameters().get("id"))))))
                .delete("/orders/{id}", (req, res) -> {
                    String id = Params.id("id", req.path().pathParameters().get("id"));
                    done(res, "cancel order " + id, upstreams.act(ServiceId.TRADING, Method.DELETE, "/v2/orders/" + Params.encode(id), null));
                })
                .delete("/positions/{symbol}", (req, res) -> {
                    String symbol = Params.symbol(req.path().pathParameters().get("symbol"));
                    done(res, "close position " + symbol,
                            upstreams.act(ServiceId.TRADING, Method.DELETE, "/v2/positions/" + Params.encode(symbol), null));
                })
                .delete("/positions", (req, res) -> done(res, "flatten everything",
                        upstreams.act(ServiceId.TRADING, Method.DELETE, "/v2/positions?cancel_orders=true", null)))
                .post("/risk/reset", (req, res) -> done(res, "reset the risk state",
                        upstreams.act(ServiceId.TRADING, Method.POST, "/api/risk/reset", Map.of())))
                .post("/scan", this::scan);
    }

    private void autotrade(ServerRequest req, ServerResponse res) {
        JsonNode body = Json.readObject(req, Set.of("enabled"));
        if (!body.path("enabled").isBoolean()) {
            throw ApiException.invalid("enabled", "must be true or false");
        }
        boolean enabled = body.get("enabled").asBoolean();
        done(res, "turn auto-trading " + (enabled ? "on" : "off"), upstreams.act(ServiceId.COORDINATION, Method.POST,
                "/api/autotrade", Map.of("enabled", enabled)));
    }

    private void scan(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        JsonNode body = Json.readObject(req, Set.of("preset", "top_n"));
        done(res, "run a scan", upstreams.act(ServiceId.SCANNER, Method.POST, "/api/scan", body));
    }

    private static void done(ServerResponse res, String what, JsonNode answer) {
        LOG.info(() -> "dashboard user asked to " + what);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("done", what);
        body.put("result", answer);
        Json.send(res, body);
    }
}
