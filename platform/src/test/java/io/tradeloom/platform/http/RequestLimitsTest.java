package io.tradeloom.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
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

/**
 * The server-level limits ServiceKit applies from Settings: bodies, headers and request lines over
 * the limit are refused with a 4xx in the route's error format before any route runs, never a 5xx.
 */
@ServerTest
class RequestLimitsTest {

    private static final int MAX_PAYLOAD = 4096;
    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.TRADING,
            TestContexts.tempDir("limits"), Map.of(
                    "server.max-payload-bytes", Integer.toString(MAX_PAYLOAD),
                    "server.max-header-bytes", "2048",
                    "server.max-prologue-bytes", "1024"));

    private final Http1Client client;

    RequestLimitsTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ServiceKit.server(server, CONTEXT);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ServiceKit.routing(routing, CONTEXT, (r, c) -> r
                .post("/api/echo", (req, res) -> Json.send(res, Json.readObject(req, java.util.Set.of("text"))))
                .post("/v2/echo", (req, res) -> Json.send(res, Json.readObject(req, java.util.Set.of("text")))));
    }

    @AfterAll
    static void close() {
        java.nio.file.Path dir = CONTEXT.db().path().getParent();
        CONTEXT.db().close();
        TestContexts.delete(dir);
    }

    private static String body(int textLength) {
        return "{\"text\":\"" + "x".repeat(textLength) + "\"}";
    }

    private static JsonNode problem(Replies r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return p;
    }

    @Test
    void aBodyWithinTheLimitIsServed() {
        Replies r = Replies.postJson(client, "/api/echo", body(MAX_PAYLOAD - 100));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        problem(Replies.postJson(client, "/api/echo", body(MAX_PAYLOAD + 1)), 413);
    }

    @Test
    void aTenMegabyteBodyIsA413ProblemNotA5xx(WebServer server) throws IOException {
        // The server answers from the Content-Length, without reading the body, so the request goes
        // over a plain socket: an HTTP client would fail writing the rest of the body.
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (10 * 1024 * 1024) + "\r\n\r\n{\"text\":\"").getBytes(StandardCharsets.US_ASCII));
            // Only the start of the body: the server may answer and close before reading more, and writing
            // into a closed connection would fail the test rather than the server.
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("application/problem+json").doesNotContain("Exception");
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWithA4xx() {
        byte[] big = body(MAX_PAYLOAD * 4).getBytes(StandardCharsets.UTF_8);
        Replies r = Replies.of(client.post("/api/echo")
                .header(HeaderValues.CONTENT_TYPE_JSON)
                .outputStream(out -> {
                    out.write(big);
                    out.close();
                }));

        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        assertThat(r.contentType()).hasValueSatisfying(t -> assertThat(t).contains("json"));
    }

    @Test
    void aBodyOverTheLimitOnV2AnswersInAlpacasShape() {
        Replies r = Replies.postJson(client, "/v2/echo", body(MAX_PAYLOAD + 1));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).contains("application/json");
        assertThat(r.json().path("code").asInt()).isEqualTo(41300000);
    }

    @Test
    void headersOverTheLimitAreA4xxProblem() {
        Replies r = Replies.of(client.get("/api/info").header(HeaderNames.create("X-Padding"), "p".repeat(4096)).request());

        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        assertThat(r.contentType()).contains("application/problem+json");
    }

    @Test
    void aRequestLineOverTheLimitIsA4xxProblem() {
        Replies r = Replies.get(client, "/api/info?q=" + "a".repeat(2048));

        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        assertThat(r.contentType()).contains("application/problem+json");
    }
}
