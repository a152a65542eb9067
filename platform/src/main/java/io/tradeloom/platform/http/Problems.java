package io.tradeloom.platform.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.db.DatabaseBusyException;
import io.tradeloom.db.DatabaseStorageException;
import io.tradeloom.db.DatabaseUnavailableException;

/**
 * Maps exceptions to responses, once, for every route: application/problem+json on {@code /api},
 * Alpaca's {@code {"code", "message"}} on {@code /v2}. Client mistakes are 4xx; nothing carries a
 * stack trace: unexpected failures are logged with a reference the client can quote.
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());
    private static final HttpMediaType PROBLEM_JSON = HttpMediaType.create("application/problem+json");

    private Problems() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) ->
                        write(req, res, e.status(), e.title(), e.getMessage(), e.errors()))
                .error(DatabaseBusyException.class, (req, res, e) -> {
                    res.header(HeaderNames.RETRY_AFTER, "1");
                    write(req, res, Status.SERVICE_UNAVAILABLE_503, "Database busy",
                            "The database is locked by another writer; try again shortly.", List.of());
                })
                .error(DatabaseStorageException.class, (req, res, e) -> {
                    LOG.log(Level.WARNING, "database storage failure for " + req.prologue().method() + " " + req.path().absolute().path()
                            + ": " + e.reason());
                    res.header(HeaderNames.RETRY_AFTER, "30");
                    // 507 says the disk is full in HTTP's own terms; a read-only or failing disk is a plain 503.
                    Status status = e.kind() == DatabaseStorageException.Kind.FULL
                            ? Status.create(507, "Insufficient Storage") : Status.SERVICE_UNAVAILABLE_503;
                    write(req, res, status, "Database storage failure",
                            "Nothing was written: " + e.reason() + ".", List.of());
                })
                .error(DatabaseUnavailableException.class, (req, res, e) -> {
                    LOG.log(Level.WARNING, "database unavailable for " + req.prologue().method() + " " + req.path().absolute().path(), e);
                    res.header(HeaderNames.RETRY_AFTER, "5");
                    write(req, res, Status.SERVICE_UNAVAILABLE_503, "Database unavailable",
                            "The database cannot be used right now.", List.of());
                })
                .error(HttpException.class, (req, res, e) -> {
                    if (e.status().code() >= 500) {
                        unexpected(req, res, e);
                    } else {
                        write(req, res, e.status(), e.status().reasonPhrase(), e.getMessage(), List.of());
                    }
                })
                .error(Exception.class, Problems::unexpected);
    }

    /** Answers 404 for paths under /api and /v2 that no route matched, in the same format as other errors. */
    public static void registerFallback(HttpRouting.Builder routing) {
        routing.any("/api/*", (req, res) -> notFound(req, res))
                .any("/v2/*", (req, res) -> notFound(req, res));
    }

    private static void notFound(ServerRequest req, ServerResponse res) {
        write(req, res, Status.NOT_FOUND_404, "Not found",
                "No endpoint " + req.prologue().method().text() + " " + req.path().absolute().path(), List.of());
    }

    private static void unexpected(ServerRequest req, ServerResponse res, Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected failure " + reference + " in " + req.prologue().method().text()
                + " " + req.path().absolute().path(), e);
        write(req, res, Status.INTERNAL_SERVER_ERROR_500, "Internal error",
                "The service failed to handle the request; reference " + reference + " is in its log.", List.of());
    }

    private static void write(ServerRequest req, ServerResponse res, Status status, String title, String detail,
                              List<ApiException.FieldError> errors) {
        if (res.isSent()) {
            return;
        }
        String path = req.path().absolute().path();
        res.status(status);
        if (!isAlpaca(path)) {
            res.headers().contentType(PROBLEM_JSON);
        } else {
            res.header(HeaderValues.CONTENT_TYPE_JSON);
        }
        res.send(body(path, status, title, detail, errors));
    }

    private static boolean isAlpaca(String path) {
        return path.startsWith("/v2/");
    }

    /** The error body: Alpaca's {"code", "message"} on /v2, RFC 9457 problem details elsewhere. */
    private static byte[] body(String path, Status status, String title, String detail, List<ApiException.FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (isAlpaca(path)) {
            // Alpaca encodes the HTTP status in the leading digits of an eight-digit code.
            body.put("code", status.code() * 100_000);
            body.put("message", detail);
            return Json.bytes(body);
        }
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.code());
        body.put("detail", detail);
        body.put("instance", path);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return Json.bytes(body);
    }

    /**
     * Errors Helidon answers before or outside routing (a malformed request line or header, an
     * entity too large, a BadRequestException): the same formats, and never an internal message.
     */
    public static DirectHandler directHandler() {
        return (request, eventType, status, headers, message) -> {
            String path = request.path() == null ? "" : request.path();
            String detail = status.code() < 500 && message != null && !message.isBlank()
                    ? message : status.reasonPhrase();
            if (status.code() >= 500) {
                LOG.warning(() -> "transport-level " + status.code() + " for " + request.method() + " " + path + ": " + message);
            }
            return DirectHandler.TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .header(HeaderNames.CONTENT_TYPE, isAlpaca(path) ? "application/json" : PROBLEM_JSON.text())
                    .entity(body(path, status, status.reasonPhrase(), detail, List.of()))
                    .build();
        };
    }
}
