package io.tradeloom.testkit;

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
import io.helidon.webclient.api.ClientRequest;
import io.helidon.webclient.api.HttpClient;
import io.helidon.webclient.api.HttpClientResponse;

import io.tradeloom.platform.http.Json;

/** A whole HTTP answer, read once, for the services' tests to assert on. */
public record Replies(int status, Optional<String> contentType, String body) {

    public static Replies of(HttpClientResponse res) {
        try (res) {
            byte[] bytes = res.entity().hasEntity() ? res.entity().as(byte[].class) : new byte[0];
            return new Replies(res.status().code(), res.headers().contentType().map(m -> m.mediaType().text()),
                    new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** GET {@code pathAndQuery}, e.g. {@code /api/x?a=1&a=2&b}: the query is sent as parameters (names may repeat). */
    public static Replies get(HttpClient<?> client, String pathAndQuery) {
        return of(request(client.get(), pathAndQuery).request());
    }

    /** POST of {@code body}: JSON text as it is, anything else as {@link Json} writes it. */
    public static Replies post(HttpClient<?> client, String pathAndQuery, Object body) {
        String json = body instanceof String s ? s : new String(Json.bytes(body), StandardCharsets.UTF_8);
        return of(request(client.post(), pathAndQuery).header(HeaderValues.CONTENT_TYPE_JSON).submit(json));
    }

    /** Sets the path and the query separately: the client would encode a '?' in the path. */
    private static <T extends ClientRequest<T>> T request(ClientRequest<T> request, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        T r = request.path(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        if (q >= 0) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                params.computeIfAbsent(eq < 0 ? pair : pair.substring(0, eq), k -> new ArrayList<>())
                        .add(eq < 0 ? "" : pair.substring(eq + 1));
            }
            params.forEach((name, values) -> r.queryParam(name, values.toArray(String[]::new)));
        }
        return r;
    }

    public JsonNode json() {
        try {
            return Json.tree(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** The errors of an application/problem+json answer as "field: message" lines. */
    public List<String> errors() {
        List<String> errors = new ArrayList<>();
        json().path("errors").forEach(e -> errors.add(e.path("field").asText() + ": " + e.path("message").asText()));
        return errors;
    }

    /** The fields an application/problem+json answer names in its errors. */
    public List<String> errorFields() {
        List<String> fields = new ArrayList<>();
        json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    /** The field the problem's only error names, e.g. bars[3].high. */
    public String errorField() {
        List<String> fields = errorFields();
        if (fields.size() != 1) {
            throw new AssertionError("expected one error in " + body);
        }
        return fields.getFirst();
    }

    @Override
    public String toString() {
        return status + " " + contentType.orElse("-") + " " + body;
    }
}
