package io.tradeloom.platform.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.platform.ServiceContext;

/** {@code GET /api/info}: who this service is and what it runs on. */
public final class InfoService implements HttpService {

    private final ServiceContext context;

    public InfoService(ServiceContext context) {
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::info);
    }

    private void info(ServerRequest req, ServerResponse res) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", context.service().module());
        body.put("display_name", context.service().displayName());
        body.put("version", context.version());
        body.put("port", req.localPeer().address() instanceof InetSocketAddress a ? a.getPort() : context.settings().port());
        body.put("critical", context.service().critical());
        body.put("environment", context.settings().environment());
        body.put("pid", ProcessHandle.current().pid());
        body.put("started_at", context.startedAt());
        body.put("uptime_seconds", Duration.between(context.startedAt(), context.clock().instant()).toSeconds());
        body.put("database_path", context.db().path().toString());
        body.put("schema_version", context.schemaVersion());
        Json.send(res, body);
    }
}
