package io.tradeloom.scanner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderValues;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;

import io.tradeloom.platform.http.Json;

/** A whole HTTP answer, read once, for assertions (after platform's test helper of the same name). */
record Replies(int status, Optional<String> contentType, String body) {

    static Replies of(HttpClientResponse res) {
        try (res) {
            byte[] bytes = res.entity().hasEntity() ? res.entity().as(byte[].class) : new byte[0];
            return new Replies(res.status().code(), res.headers().contentType().map(m -> m.mediaType().text()),
                    new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** GET {@code path?query}; the query is split into parameters here (repeated names kept), since the client encodes a '?' in a path. */
    static Replies get(WebClient client, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        HttpClientRequest request = client.get(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        if (q >= 0) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                params.computeIfAbsent(eq < 0 ? pair : pair.substring(0, eq), k -> new ArrayList<>())
                        .add(eq < 0 ? "" : pair.substring(eq + 1));
            }
            params.forEach((name, values) -> request.queryParam(name, values.toArray(String[]::new)));
        }
        return of(request.request());
    }

    static Replies postJson(WebClient client, String path, String json) {
        return of(client.post(path).header(HeaderValues.CONTENT_TYPE_JSON).submit(json));
    }

    JsonNode json() {
        try {
            return Json.tree(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** The fields an application/problem+json answer names in its {@code errors}. */
    List<String> errorFields() {
        List<String> fields = new ArrayList<>();
        json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Override
    public String toString() {
        return status + " " + contentType.orElse("-") + " " + body;
    }
}
