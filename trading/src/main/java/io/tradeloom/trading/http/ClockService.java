package io.tradeloom.trading.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Alpaca's {@code GET /v2/clock}, on the shared (possibly simulated) market clock; times in New York's offset. */
public final class ClockService implements HttpService {

    private final MarketClock clock;

    public ClockService(MarketClock clock) {
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::clock);
    }

    private void clock(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        Instant now = clock.now();
        NyseCalendar cal = clock.calendar();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", ny(now));
        m.put("is_open", cal.isOpen(now));
        m.put("next_open", ny(cal.nextOpen(now)));
        m.put("next_close", ny(cal.nextClose(now)));
        Json.send(res, m);
    }

    private static String ny(Instant t) {
        return t.atZone(NyseCalendar.ZONE).toOffsetDateTime().toString();
    }
}
