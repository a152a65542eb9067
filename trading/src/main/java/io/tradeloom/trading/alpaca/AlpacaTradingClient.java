package io.tradeloom.trading.alpaca;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.tradeloom.broker.BrokerException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Alpaca's Trading API v2 (paper), the calls the mirror needs. An Alpaca refusal (4xx) becomes a
 * {@link BrokerException} with Alpaca's status and message; anything else an {@link AlpacaUnavailable}. Logs nothing:
 * the key headers must never reach a log.
 */
public final class AlpacaTradingClient {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String keyId;
    private final String secret;

    public AlpacaTradingClient(URI baseUrl, String keyId, String secret) {
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.keyId = keyId;
        this.secret = secret;
    }

    /** Alpaca could not be reached or failed (5xx): the caller's request is not known to have been carried out. */
    public static final class AlpacaUnavailable extends RuntimeException {
        AlpacaUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public JsonNode get(String path, Map<String, String> query) {
        return send("GET", path + query(query), null);
    }

    public JsonNode post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    public JsonNode patch(String path, JsonNode body) {
        return send("PATCH", path, body);
    }

    public JsonNode delete(String path, Map<String, String> query) {
        return send("DELETE", path + query(query), null);
    }

    private static String query(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private JsonNode send(String method, String pathAndQuery, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("APCA-API-KEY-ID", keyId)
                .header("APCA-API-SECRET-KEY", secret)
                .header("Accept", "application/json");
        try {
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = r.statusCode();
            JsonNode json = r.body().length == 0 ? JSON.nullNode() : JSON.readTree(r.body());
            if (status / 100 == 2) {
                return json;
            }
            String message = json.path("message").asText("Alpaca answered " + status);
            if (status >= 400 && status < 500 && status != 429 && status != 401) {
                throw new BrokerException(status, message);
            }
            throw new AlpacaUnavailable("Alpaca " + method + " " + pathAndQuery.replaceAll("\\?.*", "") + " answered "
                    + status + ": " + message, null);
        } catch (IOException e) {
            throw new AlpacaUnavailable("Alpaca " + method + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlpacaUnavailable("interrupted", e);
        }
    }

    static JsonMapper json() {
        return JSON;
    }
}
