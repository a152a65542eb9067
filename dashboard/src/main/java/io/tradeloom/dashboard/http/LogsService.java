package io.tradeloom.dashboard.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.dashboard.system.LogFiles;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;

/** {@code GET /api/logs} (the logs there are) and {@code GET /api/logs/{name}?lines=}: the tail of one, read from LOG_DIR. */
public final class LogsService implements HttpService {

    private final LogFiles logs;

    public LogsService(LogFiles logs) {
        this.logs = logs;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> Json.send(res, Map.of("logs", LogFiles.names())))
                .get("/{name}", this::tail);
    }

    private void tail(ServerRequest req, ServerResponse res) throws IOException {
        String name = req.path().pathParameters().get("name");
        if (!LogFiles.names().containsKey(name)) {
            throw ApiException.notFound("No log named '" + name + "'; the logs are " + LogFiles.names().keySet());
        }
        int lines = QueryParams.of(req, Set.of("lines")).integer("lines", 200, 1, 2000);
        Optional<List<String>> tail = logs.tail(name, lines);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("file", LogFiles.names().get(name));
        body.put("exists", tail.isPresent());
        body.put("lines", tail.orElse(List.of()));
        Json.send(res, body);
    }
}
