package io.tradeloom.coordination.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.coordination.cycle.AutoTrader;
import io.tradeloom.coordination.store.AutotradeStore;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;

/** {@code GET /api/autotrade} and {@code POST /api/autotrade {"enabled": bool}} (stored: survives restarts). */
public final class AutotradeService implements HttpService {

    private final AutoTrader autoTrader;
    private final BearerAuth auth;

    public AutotradeService(AutoTrader autoTrader, BearerAuth auth) {
        this.autoTrader = autoTrader;
        this.auth = auth;
    }

    /** The body of POST /api/autotrade. */
    public record Switch(Boolean enabled) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::show)
                .post("/", this::set);
    }

    private void show(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        Json.send(res, json(autoTrader.state()));
    }

    private void set(ServerRequest req, ServerResponse res) {
        auth.require(req, res);
        QueryParams.of(req, Set.of());
        Switch body = Json.read(req, Switch.class);
        if (body.enabled() == null) {
            throw ApiException.invalid("enabled", "is required: true or false");
        }
        Json.send(res, json(autoTrader.set(body.enabled())));
    }

    private static Map<String, Object> json(AutotradeStore.State s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", s.enabled());
        m.put("updated_at", s.updatedAt().toEpochMilli() == 0 ? null : s.updatedAt());
        return m;
    }
}
