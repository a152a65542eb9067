package io.tradeloom.coordination.http;

import java.util.Map;
import java.util.Set;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.coordination.cycle.CycleRunner;
import io.tradeloom.coordination.store.CycleStore;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;

/**
 * {@code POST /api/cycles} runs a cycle now (whether auto-trading is on or not) and answers it as stored;
 * {@code GET /api/cycles?limit=} lists the latest, {@code GET /api/cycles/{id}} shows one with its steps and decisions.
 */
public final class CyclesService implements HttpService {

    private final CycleRunner runner;
    private final CycleStore store;
    private final BearerAuth auth;

    public CyclesService(CycleRunner runner, CycleStore store, BearerAuth auth) {
        this.runner = runner;
        this.store = store;
        this.auth = auth;
    }

    /** The body of POST /api/cycles: nothing to set yet, but unknown fields are still refused. */
    public record RunRequest() {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::run)
                .get("/", this::list)
                .get("/{id}", this::find);
    }

    private void run(ServerRequest req, ServerResponse res) {
        auth.require(req, res);
        QueryParams.of(req, Set.of());
        if (req.content().hasEntity()) {
            Json.read(req, RunRequest.class);
        }
        CycleStore.Cycle cycle = runner.tryRun(CycleRunner.Trigger.MANUAL)
                .orElseThrow(() -> ApiException.conflict("A cycle is running; try again when it has finished."));
        res.header("Location", "/api/cycles/" + cycle.id());
        Json.send(res, Status.CREATED_201, cycle);
    }

    private void list(ServerRequest req, ServerResponse res) {
        int limit = QueryParams.of(req, Set.of("limit")).integer("limit", 20, 1, 500);
        Json.send(res, Map.of("cycles", store.latest(limit)));
    }

    private void find(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        String raw = req.path().pathParameters().get("id");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("id", "must be a cycle id (a whole number), was '" + raw + "'");
        }
        if (id < 1 || id > Integer.MAX_VALUE) {
            throw ApiException.notFound("No cycle " + raw + ".");
        }
        Json.send(res, store.find(id).orElseThrow(() -> ApiException.notFound("No cycle " + raw + ".")));
    }
}
