package io.tradeloom.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;

import io.tradeloom.platform.http.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Calls the service as an Alpaca client would: with the key headers (or the bearer token on /api). */
final class Api {

    static final String KEY = "tradeloom-dev-key";
    static final String SECRET = "tradeloom-dev-secret";
    static final String TOKEN = "tradeloom-dev-token";

    private final Http1Client client;

    Api(Http1Client client) {
        this.client = client;
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return Json.tree(body.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    Reply get(String path) {
        return send(Method.GET, path, null, true);
    }

    Reply post(String path, String json) {
        return send(Method.POST, path, json, true);
    }

    Reply patch(String path, String json) {
        return send(Method.PATCH, path, json, true);
    }

    Reply delete(String path) {
        return send(Method.DELETE, path, null, true);
    }

    Reply send(Method method, String path, String json, boolean authenticated) {
        int q = path.indexOf('?');
        Http1ClientRequest request = client.method(method).path(q < 0 ? path : path.substring(0, q));
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                request.queryParam(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        if (authenticated) {
            request.header(HeaderNames.create("APCA-API-KEY-ID"), KEY)
                    .header(HeaderNames.create("APCA-API-SECRET-KEY"), SECRET)
                    .header(HeaderNames.AUTHORIZATION, "Bearer " + TOKEN);
        }
        HttpClientResponse res = json == null ? request.request()
                : request.header(HeaderValues.CONTENT_TYPE_JSON).submit(json);
        try (res) {
            byte[] bytes = res.entity().hasEntity() ? res.entity().as(byte[].class) : new byte[0];
            return new Reply(res.status().code(), new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
