package io.tradeloom.trading.http;

import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.broker.BrokerException;
import io.tradeloom.platform.http.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A broker refusal as Alpaca words it: {@code {"code": 40310000, "message": "insufficient buying power"}} with 403,
 * 404 or 422 on {@code /v2}; problem+json on {@code /api}.
 */
public final class BrokerErrors {

    private BrokerErrors() {
    }

    public static void handle(ServerRequest req, ServerResponse res, BrokerException e) {
        if (res.isSent()) {
            return;
        }
        String path = req.path().absolute().path();
        Map<String, Object> body = new LinkedHashMap<>();
        res.status(Status.create(e.status()));
        if (path.startsWith("/v2")) {
            body.put("code", e.status() * 100_000 + 10_000);
            body.put("message", e.getMessage());
            res.header(HeaderValues.CONTENT_TYPE_JSON);
        } else {
            body.put("type", "about:blank");
            body.put("title", Status.create(e.status()).reasonPhrase());
            body.put("status", e.status());
            body.put("detail", e.getMessage());
            body.put("instance", path);
            res.header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/problem+json");
        }
        res.send(Json.bytes(body));
    }
}
