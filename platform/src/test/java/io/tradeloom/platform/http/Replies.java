package io.tradeloom.platform.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;

/** A whole HTTP answer, read once, for assertions. */
public record Replies(int status, Optional<String> contentType, Optional<String> retryAfter, String body) {

    public static Replies of(HttpClientResponse res) {
        try (res) {
            byte[] bytes = res.entity().hasEntity() ? res.entity().as(byte[].class) : new byte[0];
            return new Replies(res.status().code(),
                    res.headers().contentType().map(m -> m.mediaType().text()),
                    res.headers().first(HeaderNames.RETRY_AFTER),
                    new String(bytes, StandardCharsets.UTF_8));
        }
    }

    public static Replies get(Http1Client client, String path) {
        return of(client.get(path).request());
    }

    public static Replies postJson(Http1Client client, String path, String json) {
        Http1ClientResponse res = client.post(path).header(HeaderValues.CONTENT_TYPE_JSON).submit(json);
        return of(res);
    }

    public JsonNode json() {
        try {
            return Json.tree(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
