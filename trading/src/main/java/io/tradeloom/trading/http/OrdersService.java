package io.tradeloom.trading.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.broker.Broker;
import io.tradeloom.broker.BrokerException;
import io.tradeloom.broker.Order;
import io.tradeloom.broker.Side;
import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.trading.engine.OrderDesk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Alpaca's {@code /v2/orders}: place, list, get, replace and cancel orders. */
public final class OrdersService implements HttpService {

    private static final Set<String> LIST_PARAMS = Set.of("status", "limit", "after", "until", "direction", "nested",
            "symbols", "side");

    private final OrderDesk desk;
    private final MarketClock clock;

    public OrdersService(OrderDesk desk, MarketClock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::submit)
                .get("/", this::list)
                .delete("/", this::cancelAll)
                .get("/{id}", this::get)
                .patch("/{id}", this::replace)
                .delete("/{id}", this::cancel);
    }

    /** {@code GET /v2/orders:by_client_order_id?client_order_id=}. */
    public void byClientOrderId(ServerRequest req, ServerResponse res) {
        QueryParams q = QueryParams.of(req, Set.of("client_order_id", "nested"));
        String id = q.string("client_order_id")
                .orElseThrow(() -> BrokerException.invalid("client_order_id is required"));
        Order o = desk.broker().orderByClientId(id).orElseThrow(() -> BrokerException.notFound("order not found"));
        Json.send(res, AlpacaJson.order(o, desk.broker(), true));
    }

    private void submit(ServerRequest req, ServerResponse res) {
        Order o = desk.submit(OrderInput.order(Json.readObject(req, OrderInput.ORDER_FIELDS)), clock.now());
        Json.send(res, AlpacaJson.order(o, desk.broker(), true));
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams q = QueryParams.of(req, LIST_PARAMS);
        String status = q.string("status").orElse("open");
        if (!Set.of("open", "closed", "all").contains(status)) {
            throw BrokerException.invalid("status must be open, closed or all");
        }
        int limit = q.integer("limit", 50, 1, 500);
        Instant after = q.instant("after").orElse(null);
        Instant until = q.instant("until").orElse(null);
        String direction = q.string("direction").orElse("desc");
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw BrokerException.invalid("direction must be asc or desc");
        }
        boolean nested = q.string("nested").map(Boolean::parseBoolean).orElse(false);
        Set<String> symbols = q.string("symbols")
                .map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(null);
        Side side = q.string("side").map(Side::parse).orElse(null);
        Broker broker = desk.broker();
        List<Order> all = status.equals("open") ? broker.openOrders() : broker.orders();
        List<Order> picked = new ArrayList<>();
        for (Order o : all) {
            boolean open = o.status().isOpen();
            if ((status.equals("closed") && open) || (nested && o.parentId() != null && broker.order(o.parentId())
                    .filter(p -> p.orderClass() == o.orderClass()).isPresent())) {
                continue;
            }
            if (after != null && !o.submittedAt().isAfter(after) || until != null && !o.submittedAt().isBefore(until)) {
                continue;
            }
            if (symbols != null && !symbols.contains(o.symbol()) || side != null && o.side() != side) {
                continue;
            }
            picked.add(o);
        }
        Comparator<Order> bySubmitted = Comparator.comparing(Order::submittedAt).thenComparingLong(Order::seq);
        picked.sort(direction.equals("asc") ? bySubmitted : bySubmitted.reversed());
        List<Object> out = new ArrayList<>();
        for (Order o : picked.subList(0, Math.min(limit, picked.size()))) {
            out.add(AlpacaJson.order(o, broker, nested));
        }
        Json.send(res, out);
    }

    private void get(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of("nested"));
        Order o = desk.broker().order(req.path().pathParameters().get("id"))
                .orElseThrow(() -> BrokerException.notFound("order not found"));
        Json.send(res, AlpacaJson.order(o, desk.broker(), true));
    }

    private void replace(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        Order n = desk.replace(id, OrderInput.replace(Json.readObject(req, OrderInput.REPLACE_FIELDS)), clock.now());
        Json.send(res, AlpacaJson.order(n, desk.broker(), true));
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        desk.cancel(req.path().pathParameters().get("id"), clock.now());
        res.status(Status.NO_CONTENT_204).send();
    }

    /** Alpaca answers 207 with each order's outcome. */
    private void cancelAll(ServerRequest req, ServerResponse res) {
        List<Object> out = new ArrayList<>();
        for (Order o : desk.cancelAll(clock.now())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            m.put("status", 200);
            m.put("body", AlpacaJson.order(o, desk.broker(), false));
            out.add(m);
        }
        Json.send(res, Status.MULTI_STATUS_207, out);
    }
}
