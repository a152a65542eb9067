package io.tradeloom.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;

import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.TestContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk manager over HTTP: losses move ACTIVE -> REDUCING -> HALTED, visible in /api/risk and the account. */
@ServerTest
class RiskApiTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.TRADING, "risk", Map.of(
            "risk.reduce-at-daily-loss-pct", "1", "risk.halt-at-daily-loss-pct", "2",
            "risk.max-position-pct", "", "risk.max-order-notional", ""));
    private static final TradingApp APP;

    static {
        Market.open(CONTEXT);
        APP = TradingApp.create(CONTEXT);
    }

    private final Api api;

    RiskApiTest(Http1Client client) {
        this.api = new Api(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ServiceKit.server(server, CONTEXT);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ServiceKit.routing(routing, CONTEXT, (r, c) -> APP.routing(r));
    }

    @AfterAll
    static void close() {
        TestContexts.close(CONTEXT);
    }

    private static void quote(String bid, String ask) {
        Market.quote(CONTEXT, APP, "AAPL", bid, ask, 1);
        APP.loop().tick();
    }

    private Api.Reply buy(int qty) {
        return api.post("/v2/orders", "{\"symbol\": \"AAPL\", \"qty\": " + qty
                + ", \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\"}");
    }

    @Test
    void lossesReduceThenHaltTradingAndTheResetNeedsTheToken() {
        quote("99.99", "100.01");
        assertThat(buy(500).status()).isEqualTo(200);
        quote("99.99", "100.01");     // 500 bought at 100.01; marked at the mid, 100.00
        assertThat(api.get("/api/risk").json().path("state").asText()).isEqualTo("ACTIVE");

        quote("97.99", "98.01");      // mid 98: 500 x -2.01 = -1,005 = 1.005% of 100,000, shown half-even as 1.00%
        JsonNode reducing = api.get("/api/risk").json();
        assertThat(reducing.path("state").asText()).isEqualTo("REDUCING");
        assertThat(reducing.path("reason").asText()).contains("daily loss 1.00%");
        Api.Reply more = buy(1);
        assertThat(more.status()).isEqualTo(403);
        assertThat(more.json().path("message").asText()).contains("only orders that reduce a position");
        Api.Reply exit = api.delete("/v2/positions/AAPL?qty=100");
        assertThat(exit.status()).as(exit.body()).isEqualTo(200);
        assertThat(api.delete("/v2/orders/" + exit.json().path("id").asText()).status()).isEqualTo(204);

        quote("95.99", "96.01");      // mid 96: -2,005, over 2%
        assertThat(api.get("/api/risk").json().path("state").asText()).isEqualTo("HALTED");
        JsonNode account = api.get("/v2/account").json();
        assertThat(account.path("trading_blocked").asBoolean()).isTrue();
        assertThat(account.path("trading_state").asText()).isEqualTo("HALTED");
        assertThat(api.delete("/v2/positions/AAPL").status()).isEqualTo(403);

        assertThat(api.send(io.helidon.http.Method.POST, "/api/risk/reset", null, false).status()).isEqualTo(401);
        assertThat(api.get("/api/risk").json().path("state").asText()).isEqualTo("HALTED");
        JsonNode reset = api.post("/api/risk/reset", null).json();
        assertThat(reset.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(reset.path("day_start_equity").decimalValue()).isEqualByComparingTo("97995.00");
        assertThat(buy(1).status()).isEqualTo(200);
    }
}
