package io.tradeloom.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderValues;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.TestContexts;

/** Request bodies bound through {@link Json#read} behind the full platform routing. */
@ServerTest
class JsonBindingTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.SCANNER, "json");

    private final Http1Client client;

    JsonBindingTest(Http1Client client) {
        this.client = client;
    }

    record Inner(String name, int qty) {
    }

    record Echo(String symbolName, BigDecimal limitPrice, List<Inner> items) {
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ServiceKit.server(server, CONTEXT);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ServiceKit.routing(routing, CONTEXT, (r, c) -> r.post("/api/echo", (req, res) -> {
            Echo echo = Json.read(req, Echo.class);
            Json.send(res, echo);
        }));
    }

    @AfterAll
    static void close() {
        Path dir = CONTEXT.db().path().getParent();
        CONTEXT.db().close();
        TestContexts.delete(dir);
    }

    private Replies post(String json) {
        return Replies.postJson(client, "/api/echo", json);
    }

    private static void assertProblem(Replies r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("status").asInt()).isEqualTo(400);
        assertThat(p.path("type").asText()).isNotEmpty();
        assertThat(p.path("title").asText()).isNotEmpty();
        assertThat(p.path("detail").asText()).isNotEmpty();
        assertThat(r.body()).doesNotContain("com.fasterxml", "Exception", "\tat ");
    }

    @Test
    void aValidSnakeCaseBodyBindsAndEchoesBack() {
        Replies r = post("""
                {"symbol_name": "AAPL", "limit_price": 187.25, "items": [{"name": "a", "qty": 1}, {"name": "b", "qty": 2}]}
                """);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).contains("application/json");
        JsonNode e = r.json();
        assertThat(e.path("symbol_name").asText()).isEqualTo("AAPL");
        assertThat(e.path("limit_price").decimalValue()).isEqualByComparingTo("187.25");
        assertThat(e.path("items").get(1).path("qty").asInt()).isEqualTo(2);
    }

    @Test
    void decimalsRoundTripExactly() {
        Replies r = post("""
                {"symbol_name": "X", "limit_price": 0.1, "items": []}
                """);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"limit_price\":0.1").doesNotContain("0.1000000000000000055");

        Replies precise = post("""
                {"symbol_name": "X", "limit_price": 12345678901234.123456789012345, "items": []}
                """);
        assertThat(precise.body()).contains("\"limit_price\":12345678901234.123456789012345");
    }

    @Test
    void anUnknownFieldIsRejectedNamingIt() {
        Replies r = post("""
                {"symbol_name": "AAPL", "limit_prise": 1.5, "items": []}
                """);

        assertProblem(r);
        JsonNode p = r.json();
        assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("limit_prise");
        assertThat(p.path("errors").get(0).path("message").asText()).contains("unknown field");
        assertThat(p.path("detail").asText()).contains("limit_prise");
    }

    @Test
    void anUnknownFieldInsideAnArrayElementIsNamedWithItsIndex() {
        Replies r = post("""
                {"symbol_name": "AAPL", "items": [{"name": "a", "qty": 1}, {"name": "b", "qty": 2, "colour": "red"}]}
                """);

        assertProblem(r);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("items[1].colour");
    }

    @Test
    void aMisspeltRequiredWholeNumberIsRejectedInItsElement() {
        // Jackson reports the missing primitive (qty) before the unknown name (quantity): still a 400 on items[1].
        Replies r = post("""
                {"symbol_name": "AAPL", "items": [{"name": "a", "qty": 1}, {"name": "b", "quantity": 2}]}
                """);

        assertProblem(r);
        assertThat(r.json().path("errors").get(0).path("field").asText()).startsWith("items[1].");
    }

    @Test
    void aStringWhereADecimalBelongsIsRejectedNamingTheField() {
        Replies r = post("""
                {"symbol_name": "AAPL", "limit_price": "abc"}
                """);

        assertProblem(r);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("limit_price");
        assertThat(r.json().path("detail").asText()).contains("limit_price");
    }

    @Test
    void anObjectWhereADecimalBelongsIsRejectedNamingTheField() {
        Replies r = post("""
                {"symbol_name": "AAPL", "limit_price": {"value": 1}}
                """);

        assertProblem(r);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("limit_price");
    }

    @Test
    void aBadNestedElementIsNamedByItsPath() {
        Replies r = post("""
                {"symbol_name": "AAPL", "items": [{"name": "a", "qty": 1}, {"name": "b", "qty": "many"}]}
                """);

        assertProblem(r);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("items[1].qty");
        assertThat(r.json().path("detail").asText()).contains("items[1].qty");
    }

    @Test
    void aNullForAWholeNumberIsRejected() {
        Replies r = post("""
                {"items": [{"name": "a", "qty": null}]}
                """);

        assertProblem(r);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("items[0].qty");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(post("{\"symbol_name\": \"AAPL\", "));
        assertProblem(post("{symbol_name: AAPL}"));
    }

    @Test
    void trailingContentAfterTheObjectIsABadRequest() {
        assertProblem(post("{\"symbol_name\": \"AAPL\"} {\"symbol_name\": \"MSFT\"}"));
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        assertProblem(Replies.of(client.post("/api/echo").header(HeaderValues.CONTENT_TYPE_JSON).request()));
        assertProblem(post(""));
    }

    @Test
    void aJsonNullBodyIsABadRequest() {
        Replies r = post("null");

        assertProblem(r);
        assertThat(r.json().path("detail").asText()).contains("null");
    }

    @Test
    void anArrayWhereTheObjectBelongsIsABadRequest() {
        assertProblem(post("[1, 2]"));
    }
}
