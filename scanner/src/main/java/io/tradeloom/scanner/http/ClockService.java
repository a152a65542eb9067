package io.tradeloom.scanner.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.scanner.ingest.MarketRuntime;

/** {@code GET /api/clock}: the market's (possibly simulated) time, in New York time like Alpaca's clock. */
public final class ClockService implements HttpService {

    private final MarketRuntime market;
    private final double speed;

    public ClockService(MarketRuntime market, double speed) {
        this.market = market;
        this.speed = speed;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::clock);
    }

    private void clock(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        MarketClock clock = market.clock();
        Instant now = clock.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", newYork(now));
        body.put("is_open", clock.isOpen());
        body.put("next_open", newYork(clock.nextOpen()));
        body.put("next_close", newYork(clock.nextClose()));
        body.put("timezone", NyseCalendar.ZONE.getId());
        body.put("source", market.source().name());
        body.put("speed", speed);
        body.put("ingested_through", newYork(market.ingestedThrough()));
        Json.send(res, body);
    }

    private static String newYork(Instant t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(NyseCalendar.ZONE).toOffsetDateTime());
    }
}
