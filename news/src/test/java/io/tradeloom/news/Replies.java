package io.tradeloom.news;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderValues;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;

import io.tradeloom.platform.http.Json;

/** A whole HTTP answer, read once, for assertions. */
record Replies(int status, String contentType, String body) {

    static Replies of(HttpClientResponse res) {
        try (res) {
            byte[] bytes = res.entity().hasEntity() ? res.entity().as(byte[].class) : new byte[0];
            return new Replies(res.status().code(), res.headers().contentType().map(m -> m.mediaType().text()).orElse(""),
                    new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** GET {@code path}, whose query part ({@code ?a=1&b=2}, unencoded) is sent as query parameters. */
    static Replies get(Http1Client client, String path) {
        int q = path.indexOf('?');
        Http1ClientRequest request = client.get(q < 0 ? path : path.substring(0, q));
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                request.queryParam(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return of(request.request());
    }

    static Replies post(Http1Client client, String path, String json) {
        return of(client.post(path).header(HeaderValues.CONTENT_TYPE_JSON).submit(json));
    }

    JsonNode json() {
        try {
            return Json.tree(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** The problem's errors as "field: message" lines. */
    List<String> errors() {
        List<String> errors = new ArrayList<>();
        json().path("errors").forEach(e -> errors.add(e.path("field").asText() + ": " + e.path("message").asText()));
        return errors;
    }
}
