package io.tradeloom.recognition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderValues;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;

import io.tradeloom.platform.http.Json;

/** A whole HTTP answer, read once, for assertions. */
record Replies(int status, Optional<String> contentType, String body) {

    static Replies of(HttpClientResponse res) {
        try (res) {
            byte[] bytes = res.entity().hasEntity() ? res.entity().as(byte[].class) : new byte[0];
            return new Replies(res.status().code(), res.headers().contentType().map(m -> m.mediaType().text()),
                    new String(bytes, StandardCharsets.UTF_8));
        }
    }

    static Replies get(Http1Client client, String uri) {
        return of(request(client.get(), uri).request());
    }

    static Replies post(Http1Client client, String uri, Object body) {
        String json = body instanceof String s ? s : new String(Json.bytes(body), StandardCharsets.UTF_8);
        return of(request(client.post(), uri).header(HeaderValues.CONTENT_TYPE_JSON).submit(json));
    }

    /** Sets the path and query of "/api/x?a=1&b=2" separately: the client would encode a '?' in the path. */
    private static Http1ClientRequest request(Http1ClientRequest request, String uri) {
        int q = uri.indexOf('?');
        request.path(q < 0 ? uri : uri.substring(0, q));
        if (q >= 0) {
            for (String pair : uri.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                request.queryParam(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return request;
    }

    JsonNode json() {
        try {
            return Json.tree(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** The field the problem's only error names, e.g. bars[3].high. */
    String errorField() {
        JsonNode errors = json().path("errors");
        if (errors.size() != 1) {
            throw new AssertionError("expected one error in " + body);
        }
        return errors.get(0).path("field").asText();
    }
}
