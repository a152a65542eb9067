package io.tradeloom.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.BadRequestException;
import io.helidon.http.NotFoundException;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.db.DatabaseBusyException;
import io.tradeloom.db.DatabaseStorageException;
import io.tradeloom.db.DatabaseUnavailableException;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.TestContexts;

/** One error format per route family, produced by {@link Problems} behind the full platform routing. */
@ServerTest
class ProblemsTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.TRADING, "problems");

    private final Http1Client client;

    ProblemsTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ServiceKit.server(server, CONTEXT);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ServiceKit.routing(routing, CONTEXT, (r, c) -> r
                .get("/api/boom", (req, res) -> {
                    throw new IllegalStateException("secret detail");
                })
                .get("/api/invalid", (req, res) -> {
                    throw ApiException.invalid("qty", "must be positive");
                })
                .get("/api/several", (req, res) -> new Validation()
                        .require(false, "bars[3].high", "must not be below low")
                        .requirePresent(null, "symbol")
                        .require(true, "ok", "never reported")
                        .throwIfInvalid())
                .get("/api/conflict", (req, res) -> {
                    throw ApiException.conflict("already exists");
                })
                .get("/api/busy", (req, res) -> {
                    throw new DatabaseBusyException("The database stayed locked through 8 attempts of x", null);
                })
                .get("/api/unavailable", (req, res) -> {
                    throw new DatabaseUnavailableException("disk /secret/path is full");
                })
                .get("/api/helidon-bad", (req, res) -> {
                    throw new BadRequestException("Bad header value");
                })
                .get("/api/helidon-missing", (req, res) -> {
                    throw new NotFoundException("no such thing");
                })
                .get("/v2/invalid", (req, res) -> {
                    throw ApiException.invalid("qty", "must be positive");
                })
                .get("/v2/boom", (req, res) -> {
                    throw new IllegalStateException("secret detail");
                })
                .get("/v2/busy", (req, res) -> {
                    throw new DatabaseBusyException("locked", null);
                })
                .get("/api/disk-full", (req, res) -> {
                    throw new DatabaseStorageException(DatabaseStorageException.Kind.FULL, "write x at /secret/path", null);
                })
                .get("/api/read-only", (req, res) -> {
                    throw new DatabaseStorageException(DatabaseStorageException.Kind.READ_ONLY, "write x at /secret/path", null);
                })
                .get("/v2/disk-full", (req, res) -> {
                    throw new DatabaseStorageException(DatabaseStorageException.Kind.FULL, "write x at /secret/path", null);
                }));
    }

    @AfterAll
    static void close() {
        Path dir = CONTEXT.db().path().getParent();
        CONTEXT.db().close();
        TestContexts.delete(dir);
    }

    private static JsonNode problem(Replies r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("type").asText()).isNotEmpty();
        assertThat(p.path("title").asText()).isNotEmpty();
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("detail").asText()).isNotEmpty();
        assertNoInternals(r);
        return p;
    }

    private static JsonNode alpaca(Replies r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/json");
        JsonNode p = r.json();
        assertThat(p.path("code").asInt()).isEqualTo(status * 100_000);
        assertThat(p.path("message").isTextual()).isTrue();
        List<String> names = iterable(p);
        assertThat(names).containsExactly("code", "message");
        assertNoInternals(r);
        return p;
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertNoInternals(Replies r) {
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "java.", "io.helidon", "io.tradeloom");
    }

    @Test
    void anUnexpectedFailureIsA500WithAReferenceAndNoInternals() {
        Replies r = Replies.get(client, "/api/boom");

        JsonNode p = problem(r, 500);
        assertThat(p.path("detail").asText()).containsPattern("reference [0-9a-f-]{36}");
        assertThat(r.body()).doesNotContain("secret detail", "IllegalState");
        assertThat(p.has("errors")).isFalse();
    }

    @Test
    void anInvalidFieldIsA400NamingIt() {
        JsonNode p = problem(Replies.get(client, "/api/invalid"), 400);

        assertThat(p.path("title").asText()).isEqualTo("Invalid request");
        assertThat(p.path("detail").asText()).isEqualTo("qty must be positive");
        assertThat(p.path("instance").asText()).isEqualTo("/api/invalid");
        assertThat(p.path("errors")).hasSize(1);
        assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("qty");
        assertThat(p.path("errors").get(0).path("message").asText()).isEqualTo("must be positive");
    }

    @Test
    void validationReportsEveryBadFieldAtOnce() {
        JsonNode p = problem(Replies.get(client, "/api/several"), 400);

        assertThat(p.path("detail").asText()).isEqualTo("2 fields are invalid");
        assertThat(p.path("errors").findValuesAsText("field")).containsExactly("bars[3].high", "symbol");
    }

    @Test
    void aConflictIsA409() {
        problem(Replies.get(client, "/api/conflict"), 409);
    }

    @Test
    void aBusyDatabaseIsA503WithRetryAfter() {
        Replies r = Replies.get(client, "/api/busy");

        problem(r, 503);
        assertThat(r.retryAfter()).contains("1");
    }

    @Test
    void anUnavailableDatabaseIsA503WithRetryAfterAndNoPath() {
        Replies r = Replies.get(client, "/api/unavailable");

        problem(r, 503);
        assertThat(r.retryAfter()).contains("5");
        assertThat(r.body()).doesNotContain("/secret/path");
    }

    @Test
    void helidonsBadRequestIsA400ProblemWithoutInternals() {
        // Helidon sends a BadRequestException thrown by a route to its direct handler, past the
        // routing's error handlers: ServiceKit.server installs one that speaks problem+json too.
        Replies r = Replies.get(client, "/api/helidon-bad");

        problem(r, 400);
        assertNoInternals(r);
    }

    @Test
    void helidonsNotFoundIsA404Problem() {
        problem(Replies.get(client, "/api/helidon-missing"), 404);
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        JsonNode p = problem(Replies.get(client, "/api/x"), 404);

        assertThat(p.path("detail").asText()).contains("/api/x");
        problem(Replies.get(client, "/api/x/y/z"), 404);
        problem(Replies.of(client.delete("/api/invalid").request()), 404);
    }

    @Test
    void anUnknownV2PathAnswersInAlpacasShape() {
        JsonNode p = alpaca(Replies.get(client, "/v2/x"), 404);

        assertThat(p.path("code").asInt()).isEqualTo(40400000);
        assertThat(p.path("message").asText()).contains("/v2/x");
    }

    @Test
    void anInvalidV2RequestAnswersInAlpacasShape() {
        JsonNode p = alpaca(Replies.get(client, "/v2/invalid"), 400);

        assertThat(p.path("code").asInt()).isEqualTo(40000000);
        assertThat(p.path("message").asText()).isEqualTo("qty must be positive");
    }

    @Test
    void anUnexpectedV2FailureAnswersInAlpacasShapeWithoutInternals() {
        Replies r = Replies.get(client, "/v2/boom");

        JsonNode p = alpaca(r, 500);
        assertThat(p.path("code").asInt()).isEqualTo(50000000);
        assertThat(r.body()).doesNotContain("secret detail");
    }

    @Test
    void aFullDiskIsA507NamingTheCauseWithoutThePath() {
        Replies r = Replies.get(client, "/api/disk-full");

        JsonNode p = problem(r, 507);
        assertThat(p.path("detail").asText()).isEqualTo("Nothing was written: the disk holding the database is full.");
        assertThat(r.retryAfter()).contains("30");
        assertThat(r.body()).doesNotContain("/secret/path");
    }

    @Test
    void aReadOnlyDatabaseIsA503NamingTheCause() {
        JsonNode p = problem(Replies.get(client, "/api/read-only"), 503);

        assertThat(p.path("detail").asText()).contains("read-only");
    }

    @Test
    void aFullDiskOnV2AnswersInAlpacasShape() {
        JsonNode p = alpaca(Replies.get(client, "/v2/disk-full"), 507);

        assertThat(p.path("message").asText()).contains("disk", "full");
    }

    @Test
    void aBusyDatabaseOnV2IsA503InAlpacasShapeWithRetryAfter() {
        Replies r = Replies.get(client, "/v2/busy");

        alpaca(r, 503);
        assertThat(r.retryAfter()).contains("1");
    }
}
