package io.tradeloom.coordination.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.platform.http.ApiException;

/** Checks {@code Authorization: Bearer <TRADING_API_TOKEN>} on state-changing routes; the token is never logged. */
public final class BearerAuth {

    private final byte[] token;

    public BearerAuth(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns normally when the request carries the token; otherwise a 401 problem. */
    public void require(ServerRequest req, ServerResponse res) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        boolean ok = header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8), token);
        if (!ok) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
            throw new ApiException(Status.UNAUTHORIZED_401, "Unauthorized", header.isEmpty()
                    ? "This call changes state: send Authorization: Bearer <TRADING_API_TOKEN>."
                    : "The bearer token is not TRADING_API_TOKEN.", List.of());
        }
    }
}
