package io.tradeloom.alpaca;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Alpaca's REST transport on the JDK's {@link HttpClient}: the key headers, JSON parsed with exact decimals,
 * retries of transient failures per a {@link RetryPolicy} and {@link AlpacaException}s that say what to do.
 * Thread-safe. Logs the method, path and query (Alpaca takes no secret in a query), never a header.
 */
public final class AlpacaHttp implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AlpacaHttp.class.getName());
    private static final int MAX_ERROR_TEXT = 200;

    // Prices must stay exact: floats become BigDecimal, and "187.50" keeps its scale (Bar equality is scale-aware).
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final HttpClient http;
    private final URI baseUrl;
    private final AlpacaCredentials credentials;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Clock clock;

    /**
     * @param baseUrl e.g. {@code https://data.alpaca.markets}; paths are appended to it
     * @param clock   only for a {@code Retry-After} given as an HTTP date
     */
    public AlpacaHttp(URI baseUrl, AlpacaCredentials credentials, Duration connectTimeout, Duration requestTimeout,
                      RetryPolicy retry, Clock clock) {
        this.baseUrl = URI.create(Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", ""));
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /**
     * GETs {@code path} with {@code query} (values URL-encoded here) and returns the parsed body. Retries HTTP 429,
     * 5xx and failures to get any response (a GET is safe to repeat), waiting as {@code Retry-After} says when
     * present, else the policy's jittered back-off.
     *
     * @throws AlpacaException when the call fails for good
     */
    public JsonNode get(String path, Map<String, String> query) {
        String request = "GET " + path;
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(baseUrl + path + (encoded.isEmpty() ? "" : "?" + encoded));
        HttpRequest httpRequest = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("APCA-API-KEY-ID", credentials.keyId())
                .header("APCA-API-SECRET-KEY", credentials.secret())
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            LOG.fine(() -> request + "?" + encoded);
            AlpacaException failure;
            Duration wait;
            try {
                HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                String body = body(response, request);
                if (status / 100 == 2) {
                    return parse(body, request);
                }
                failure = AlpacaException.fromResponse(status, errorMessage(body), request, attempt);
                if (status != 429 && status < 500) {
                    throw failure;
                }
                int failures = attempt;
                wait = retryAfter(response).orElseGet(() -> backoff(failures));
            } catch (IOException e) {
                failure = new AlpacaException(AlpacaException.Kind.UNREACHABLE, 0, null,
                        "Alpaca did not answer " + request + " at " + baseUrl + " after " + attempt + " attempt"
                                + (attempt > 1 ? "s" : "") + ": " + e, e);
                wait = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AlpacaException(AlpacaException.Kind.UNREACHABLE, 0, null, request + " interrupted", e);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (attempt >= retry.maxAttempts() || elapsed.plus(wait).compareTo(retry.maxTotal()) > 0) {
                throw failure;
            }
            String reason = failure.status() == 0 ? String.valueOf(failure.getCause()) : "HTTP " + failure.status()
                    + (failure.alpacaMessage() == null ? "" : " " + failure.alpacaMessage());
            LOG.warning(request + " failed (" + reason + "); attempt " + (attempt + 1) + " of " + retry.maxAttempts()
                    + " in " + wait.toMillis() + " ms");
            sleep(wait, failure);
        }
    }

    private Duration backoff(int failures) {
        return retry.backoff(failures, ThreadLocalRandom.current().nextDouble());
    }

    private static String body(HttpResponse<byte[]> response, String request) {
        byte[] bytes = response.body();
        if (response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw AlpacaException.malformed(request, "the gzip body does not decompress: " + e.getMessage(), e);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String body, String request) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw AlpacaException.malformed(request, "the body is empty", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw AlpacaException.malformed(request, e.getOriginalMessage(), e);
        }
    }

    /** Alpaca's error body is {@code {"code": 40310000, "message": "..."}}; a proxy's may be anything. */
    private static String errorMessage(String body) {
        try {
            JsonNode message = JSON.readTree(body).path("message");
            if (message.isTextual()) {
                return message.asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: fall through to the text itself
        }
        String text = body.strip();
        return text.isEmpty() ? null : text.substring(0, Math.min(text.length(), MAX_ERROR_TEXT));
    }

    /** {@code Retry-After} in seconds or as an HTTP date (RFC 9110); absent or unreadable gives empty. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).map(value -> {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration until = Duration.between(clock.instant(),
                            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                    return until.isNegative() ? Duration.ZERO : until;
                } catch (DateTimeParseException notDate) {
                    LOG.log(Level.FINE, "ignoring unreadable Retry-After " + value);
                    return null;
                }
            }
        });
    }

    private static void sleep(Duration wait, AlpacaException failure) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
