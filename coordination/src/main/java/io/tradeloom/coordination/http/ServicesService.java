package io.tradeloom.coordination.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.coordination.services.ServiceDirectory;
import io.tradeloom.platform.http.Json;

/** {@code GET /api/services}: all nine services with live health. */
public final class ServicesService implements HttpService {

    private final ServiceDirectory directory;

    public ServicesService(ServiceDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        var services = directory.all();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checked_at", Instant.now());
        body.put("up", services.stream().filter(s -> s.status().equals("UP")).count());
        body.put("services", services);
        Json.send(res, body);
    }
}
