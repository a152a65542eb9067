package io.tradeloom.dashboard.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.dashboard.security.SecurityFilter;
import io.tradeloom.dashboard.security.Sessions;
import io.tradeloom.platform.http.Json;

/**
 * {@code GET /login} (the form), {@code POST /login} (password to session cookie), {@code POST /logout},
 * {@code GET /api/session} (the CSRF token for the page's scripts).
 */
public final class LoginService implements HttpService {

    private static final Logger LOG = Logger.getLogger(LoginService.class.getName());

    private static final long FAILED_LOGIN_DELAY_MS = 500;

    private final Sessions sessions;
    private final byte[] page;

    public LoginService(Sessions sessions) {
        this.sessions = sessions;
        try (InputStream in = LoginService.class.getResourceAsStream("/web/login.html")) {
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/login", (req, res) -> form(res, Status.OK_200, ""))
                .post("/login", this::login)
                .post("/logout", this::logout)
                .get("/api/session", this::session);
    }

    private void form(ServerResponse res, Status status, String error) {
        String html = new String(page, StandardCharsets.UTF_8).replace("{{error}}", error);
        res.status(status).header(io.helidon.http.HeaderValues.create(io.helidon.http.HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")).header(io.helidon.http.HeaderValues.create(io.helidon.http.HeaderNames.CACHE_CONTROL, "no-store"))
                .send(html.getBytes(StandardCharsets.UTF_8));
    }

    private void login(ServerRequest req, ServerResponse res) {
        Parameters form = req.content().as(Parameters.class);
        String password = form.first("password").orElse("");
        if (!sessions.passwordMatches(password)) {
            // The attempt is logged, never the password tried.
            LOG.warning(() -> "failed dashboard login from " + req.remotePeer().host());
            pause();
            form(res, Status.UNAUTHORIZED_401, "<p class=\"error\" role=\"alert\">Wrong password.</p>");
            return;
        }
        Sessions.Session session = sessions.open();
        res.headers().addCookie(SetCookie.builder(SecurityFilter.COOKIE, session.id())
                .path("/").httpOnly(true).sameSite(SetCookie.SameSite.STRICT).secure(req.isSecure()).build());
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/").send();
    }

    /** Slows password guessing; a virtual thread waits, nothing else does. */
    private static void pause() {
        try {
            Thread.sleep(FAILED_LOGIN_DELAY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void logout(ServerRequest req, ServerResponse res) {
        req.headers().cookies().first(SecurityFilter.COOKIE).asOptional().ifPresent(sessions::close);
        res.headers().addCookie(SetCookie.builder(SecurityFilter.COOKIE, "")
                .path("/").httpOnly(true).sameSite(SetCookie.SameSite.STRICT).maxAge(java.time.Duration.ZERO).build());
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/login").send();
    }

    private void session(ServerRequest req, ServerResponse res) {
        Sessions.Session session = req.context().get(Sessions.Session.class, Sessions.Session.class).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("csrf_token", session.csrf());
        res.header(io.helidon.http.HeaderValues.create(io.helidon.http.HeaderNames.CACHE_CONTROL, "no-store"));
        Json.send(res, body);
    }
}
