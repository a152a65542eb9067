package io.tradeloom.trading.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.broker.Broker;
import io.tradeloom.broker.BrokerException;
import io.tradeloom.broker.Order;
import io.tradeloom.broker.Position;
import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.trading.engine.OrderDesk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Alpaca's {@code /v2/positions}: list, get and close positions. */
public final class PositionsService implements HttpService {

    private final OrderDesk desk;
    private final MarketClock clock;

    public PositionsService(OrderDesk desk, MarketClock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .delete("/", this::closeAll)
                .get("/{symbol}", this::get)
                .delete("/{symbol}", this::close);
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        Broker broker = desk.broker();
        List<Object> out = new ArrayList<>();
        for (Position p : broker.positions()) {
            out.add(AlpacaJson.position(p, broker.markPrice(p.symbol())));
        }
        Json.send(res, out);
    }

    private void get(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        String symbol = symbol(req);
        Position p = desk.broker().position(symbol)
                .orElseThrow(() -> BrokerException.notFound("position does not exist"));
        Json.send(res, AlpacaJson.position(p, desk.broker().markPrice(symbol)));
    }

    private void close(ServerRequest req, ServerResponse res) {
        QueryParams q = QueryParams.of(req, Set.of("qty", "percentage"));
        Long qty = q.string("qty").map(s -> wholeShares(s)).orElse(null);
        BigDecimal pct = q.string("percentage").map(s -> number("percentage", s)).orElse(null);
        Order o = desk.closePosition(symbol(req), qty, pct, clock.now());
        Json.send(res, AlpacaJson.order(o, desk.broker(), true));
    }

    private void closeAll(ServerRequest req, ServerResponse res) {
        QueryParams q = QueryParams.of(req, Set.of("cancel_orders"));
        boolean cancel = q.string("cancel_orders").map(Boolean::parseBoolean).orElse(false);
        List<Object> out = new ArrayList<>();
        for (Broker.CloseResult r : desk.closeAll(cancel, clock.now())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", r.symbol());
            if (r.order() != null) {
                m.put("status", 200);
                m.put("body", AlpacaJson.order(r.order(), desk.broker(), false));
            } else {
                m.put("status", r.error().status());
                m.put("body", Map.of("code", r.error().status() * 100_000, "message", r.error().getMessage()));
            }
            out.add(m);
        }
        Json.send(res, Status.MULTI_STATUS_207, out);
    }

    private static String symbol(ServerRequest req) {
        return req.path().pathParameters().get("symbol").toUpperCase(Locale.ROOT);
    }

    private static BigDecimal number(String field, String raw) {
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw BrokerException.invalid("invalid " + field + ": '" + raw + "' is not a number");
        }
    }

    private static long wholeShares(String raw) {
        BigDecimal v = number("qty", raw);
        if (v.stripTrailingZeros().scale() > 0 || v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
            throw BrokerException.invalid("qty must be a whole number of shares");
        }
        return v.longValueExact();
    }
}
