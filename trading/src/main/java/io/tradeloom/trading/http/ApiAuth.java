package io.tradeloom.trading.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import io.tradeloom.platform.http.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /v2} needs Alpaca's key headers equal to this service's key pair; a state-changing {@code /api} call needs
 * {@code Authorization: Bearer <TRADING_API_TOKEN>}. Compared in constant time; never logged.
 */
public final class ApiAuth implements Filter {

    private static final io.helidon.http.HeaderName KEY_ID = io.helidon.http.HeaderNames.create("APCA-API-KEY-ID");
    private static final io.helidon.http.HeaderName SECRET = io.helidon.http.HeaderNames.create("APCA-API-SECRET-KEY");

    private final byte[] keyId;
    private final byte[] secret;
    private final byte[] bearer;

    public ApiAuth(String keyId, String secret, String token) {
        this.keyId = keyId.getBytes(StandardCharsets.UTF_8);
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.bearer = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().absolute().path();
        if (path.startsWith("/v2/") || path.equals("/v2")) {
            if (!matches(req, KEY_ID, keyId) || !matches(req, SECRET, secret)) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("code", 40110000);
                body.put("message", "request is not authorized");
                res.status(Status.UNAUTHORIZED_401);
                res.header(HeaderValues.CONTENT_TYPE_JSON);
                res.send(Json.bytes(body));
                return;
            }
        } else if (path.startsWith("/api/") && !req.prologue().method().equals(Method.GET)
                && !req.prologue().method().equals(Method.HEAD) && !matches(req, HeaderNames.AUTHORIZATION, bearer)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", "Unauthorized");
            body.put("status", 401);
            body.put("detail", "This call needs Authorization: Bearer <TRADING_API_TOKEN>.");
            body.put("instance", path);
            res.status(Status.UNAUTHORIZED_401);
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
            res.header(HeaderNames.CONTENT_TYPE, "application/problem+json");
            res.send(Json.bytes(body));
            return;
        }
        chain.proceed();
    }

    private static boolean matches(RoutingRequest req, io.helidon.http.HeaderName name, byte[] expected) {
        return req.headers().first(name)
                .map(v -> MessageDigest.isEqual(v.getBytes(StandardCharsets.UTF_8), expected))
                .orElse(false);
    }
}
