package io.tradeloom.dashboard.security;

import java.util.List;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import io.tradeloom.platform.http.Json;

/**
 * Every request except the login page, static assets, /api/info and the observe endpoints needs a
 * session; every state-changing one also needs the session's CSRF token in {@code X-CSRF-Token} and,
 * when the browser sends one, an {@code Origin} of this server. Pages redirect to the login; /api
 * answers 401 or 403 as problem+json. Also sets the security headers on every answer.
 */
public final class SecurityFilter implements Filter {

    public static final String COOKIE = "TL_SESSION";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final List<String> OPEN_PREFIXES = List.of("/login", "/static/", "/observe", "/api/info");

    private final Sessions sessions;

    public SecurityFilter(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header("X-Content-Type-Options", "nosniff");
        res.header("X-Frame-Options", "DENY");
        res.header("Referrer-Policy", "no-referrer");
        res.header("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
        String path = req.path().path();
        if (OPEN_PREFIXES.stream().anyMatch(path::startsWith) && !path.equals("/logout")) {
            chain.proceed();
            return;
        }
        Optional<Sessions.Session> session = sessions.touch(cookie(req).orElse(null));
        if (session.isEmpty()) {
            if (path.startsWith("/api/")) {
                problem(res, Status.UNAUTHORIZED_401, "Not logged in", "Log in at /login first.");
            } else {
                res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/login").send();
            }
            return;
        }
        if (changesState(req.prologue().method())) {
            if (!sameOrigin(req)) {
                problem(res, Status.FORBIDDEN_403, "Cross-origin request refused", "The Origin header is not this dashboard.");
                return;
            }
            if (!Sessions.csrfMatches(session.get(), req.headers().first(HeaderNames.create(CSRF_HEADER)).orElse(null))) {
                problem(res, Status.FORBIDDEN_403, "CSRF token missing or wrong",
                        "Send the session's token (GET /api/session) in the " + CSRF_HEADER + " header.");
                return;
            }
        }
        req.context().register(Sessions.Session.class, session.get());
        chain.proceed();
    }

    static boolean changesState(Method method) {
        return !(method.equals(Method.GET) || method.equals(Method.HEAD) || method.equals(Method.OPTIONS));
    }

    /** Browsers send Origin on cross-site POSTs; when present it must name the host the request came to. */
    static boolean sameOrigin(RoutingRequest req) {
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (origin.isEmpty()) {
            return true;
        }
        String host = req.headers().first(HeaderNames.HOST).orElse("");
        String o = origin.get();
        return o.equals("http://" + host) || o.equals("https://" + host);
    }

    public static Optional<String> cookie(RoutingRequest req) {
        return req.headers().cookies().first(COOKIE).asOptional();
    }

    static void problem(RoutingResponse res, Status status, String title, String detail) {
        res.status(status);
        res.headers().contentType(io.helidon.common.media.type.MediaTypes.create("application/problem+json"));
        res.send(Json.bytes(java.util.Map.of("type", "about:blank", "title", title, "status", status.code(), "detail", detail)));
    }
}
