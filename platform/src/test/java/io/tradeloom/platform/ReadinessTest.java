package io.tradeloom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.platform.http.Replies;

/** Readiness follows the database; liveness does not. Its own context, because the test closes it. */
@ServerTest
class ReadinessTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.NEWS, "readiness");

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ServiceKit.server(server, CONTEXT);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ServiceKit.routing(routing, CONTEXT, (r, c) -> { });
    }

    @AfterAll
    static void cleanUp() {
        Path dir = CONTEXT.db().path().getParent();
        CONTEXT.db().close();
        TestContexts.delete(dir);
    }

    @Test
    void readinessAnswers503OnceTheDatabaseIsClosedWhileLivenessStaysUp(Http1Client client) {
        assertThat(Replies.get(client, "/observe/health/ready").status()).isEqualTo(200);

        CONTEXT.db().close();

        Replies ready = Replies.get(client, "/observe/health/ready");
        assertThat(ready.status()).as(ready.body()).isEqualTo(503);
        JsonNode db = null;
        for (JsonNode c : ready.json().path("checks")) {
            if (c.path("name").asText().equals("database")) {
                db = c;
            }
        }
        assertThat(db).isNotNull();
        assertThat(db.path("status").asText()).isEqualTo("DOWN");
        assertThat(db.path("data").path("error").asText()).isNotEmpty();
        assertThat(Replies.get(client, "/observe/health/live").status()).isEqualTo(200);
        assertThat(Replies.get(client, "/observe/health").status()).isEqualTo(503);
    }
}
