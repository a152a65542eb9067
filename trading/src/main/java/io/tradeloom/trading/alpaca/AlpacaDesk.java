package io.tradeloom.trading.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tradeloom.broker.Broker;
import io.tradeloom.broker.BrokerException;
import io.tradeloom.broker.Order;
import io.tradeloom.broker.OrderRequest;
import io.tradeloom.broker.Position;
import io.tradeloom.broker.ReplaceRequest;
import io.tradeloom.trading.engine.OrderDesk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * {@code BROKER=alpaca}: orders pass this service's validation and risk manager, then go to Alpaca's paper API; the
 * engine mirrors every order Alpaca reports and turns the growth of each order's filled quantity into ledger fills,
 * so the account, positions, activities and risk here follow Alpaca's. {@link #reconcile} (at start) and
 * {@link #sync} (every poll) catch up with what happened at Alpaca meanwhile.
 */
public final class AlpacaDesk implements OrderDesk {

    private static final Logger LOG = Logger.getLogger(AlpacaDesk.class.getName());

    private final Broker broker;
    private final AlpacaTradingClient alpaca;

    public AlpacaDesk(Broker broker, AlpacaTradingClient alpaca) {
        this.broker = broker;
        this.alpaca = alpaca;
        broker.mirrorOnly(true);
    }

    @Override
    public Broker broker() {
        return broker;
    }

    @Override
    public Order submit(OrderRequest request, Instant now) {
        broker.check(request, now);
        String clientId = request.clientOrderId() != null ? request.clientOrderId() : UUID.randomUUID().toString();
        JsonNode placed;
        try {
            placed = alpaca.post("/v2/orders", AlpacaOrders.body(request, clientId));
        } catch (AlpacaTradingClient.AlpacaUnavailable e) {
            // The order may or may not have reached Alpaca: look for it by its client id before giving up.
            placed = byClientId(clientId);
            if (placed == null) {
                throw e;
            }
        }
        return apply(placed, now).getFirst();
    }

    @Override
    public Order cancel(String id, Instant now) {
        if (broker.order(id).isEmpty()) {
            throw BrokerException.notFound("order not found");
        }
        alpaca.delete("/v2/orders/" + id, Map.of());
        return apply(alpaca.get("/v2/orders/" + id, Map.of("nested", "true")), now).getFirst();
    }

    @Override
    public List<Order> cancelAll(Instant now) {
        JsonNode results = alpaca.delete("/v2/orders", Map.of());
        List<Order> out = new ArrayList<>();
        for (JsonNode r : results) {
            String id = r.path("id").asText();
            out.addAll(apply(alpaca.get("/v2/orders/" + id, Map.of("nested", "true")), now));
        }
        return out;
    }

    @Override
    public Order replace(String id, ReplaceRequest r, Instant now) {
        Order o = broker.order(id).orElseThrow(() -> BrokerException.notFound("order not found"));
        ObjectNode body = AlpacaTradingClient.json().createObjectNode();
        if (r.qty() != null) {
            body.put("qty", Long.toString(r.qty()));
        }
        if (r.timeInForce() != null) {
            body.put("time_in_force", r.timeInForce().wire());
        }
        if (r.limitPrice() != null) {
            body.put("limit_price", r.limitPrice().toPlainString());
        }
        if (r.stopPrice() != null) {
            body.put("stop_price", r.stopPrice().toPlainString());
        }
        if (r.trail() != null) {
            body.put("trail", r.trail().toPlainString());
        }
        if (r.clientOrderId() != null) {
            body.put("client_order_id", r.clientOrderId());
        }
        broker.check(new OrderRequest(o.symbol(), r.qty() != null ? r.qty() : o.qty(), null, o.side(), o.type(),
                r.timeInForce() != null ? r.timeInForce() : o.timeInForce(),
                r.limitPrice() != null ? r.limitPrice() : o.limitPrice(),
                r.stopPrice() != null ? r.stopPrice() : o.stopPrice(), o.trailPrice(), o.trailPercent(),
                o.extendedHours(), r.clientOrderId(), null, null, null, null), now);
        Order replacement = apply(alpaca.patch("/v2/orders/" + id, body), now).getFirst();
        apply(alpaca.get("/v2/orders/" + id, Map.of("nested", "true")), now);
        return replacement;
    }

    @Override
    public Order closePosition(String symbol, Long qty, BigDecimal percentage, Instant now) {
        Position p = broker.position(symbol).orElseThrow(() -> BrokerException.notFound("position does not exist"));
        long shares = qty != null ? qty : Math.abs(p.qty());
        if (percentage != null) {
            shares = percentage.multiply(BigDecimal.valueOf(Math.abs(p.qty())))
                    .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.FLOOR).longValueExact();
        }
        return submit(OrderRequest.market(symbol, shares,
                p.qty() > 0 ? io.tradeloom.broker.Side.SELL : io.tradeloom.broker.Side.BUY, null), now);
    }

    @Override
    public List<Broker.CloseResult> closeAll(boolean cancelOrders, Instant now) {
        if (cancelOrders) {
            cancelAll(now);
        }
        List<Broker.CloseResult> out = new ArrayList<>();
        for (Position p : broker.positions()) {
            try {
                out.add(new Broker.CloseResult(p.symbol(), closePosition(p.symbol(), null, null, now), null));
            } catch (BrokerException e) {
                out.add(new Broker.CloseResult(p.symbol(), null, e));
            }
        }
        return out;
    }

    /**
     * At start: every order still open here is looked up at Alpaca by its client order id, Alpaca's open orders are
     * adopted, and Alpaca's positions compared with the mirrored ones. Returns the symbols whose positions differ.
     */
    public List<String> reconcile(Instant now) {
        for (Order o : broker.openOrders()) {
            if (o.parentId() == null) {
                JsonNode remote = byClientId(o.clientOrderId());
                if (remote != null) {
                    apply(remote, now);
                }
            }
        }
        for (JsonNode remote : alpaca.get("/v2/orders", Map.of("status", "open", "nested", "true", "limit", "500"))) {
            apply(remote, now);
        }
        Map<String, Long> theirs = new HashMap<>();
        for (JsonNode p : alpaca.get("/v2/positions", Map.of())) {
            theirs.put(p.path("symbol").asText(), new BigDecimal(p.path("qty").asText()).longValue());
        }
        List<String> differ = new ArrayList<>();
        Map<String, Long> ours = new LinkedHashMap<>();
        for (Position p : broker.positions()) {
            ours.put(p.symbol(), p.qty());
        }
        for (String s : union(ours, theirs)) {
            if (!ours.getOrDefault(s, 0L).equals(theirs.getOrDefault(s, 0L))) {
                differ.add(s);
                LOG.warning("position " + s + " differs: " + ours.getOrDefault(s, 0L) + " here, "
                        + theirs.getOrDefault(s, 0L) + " at Alpaca (fills made before this mirror started)");
            }
        }
        return differ;
    }

    /** Every poll: refreshes the orders open here from Alpaca (fills, cancels, expiries). */
    public void sync(Instant now) {
        List<Order> open = broker.openOrders();
        if (open.isEmpty()) {
            return;
        }
        Instant since = open.stream().map(Order::submittedAt).min(Comparator.naturalOrder()).orElseThrow();
        JsonNode recent = alpaca.get("/v2/orders", Map.of("status", "all", "nested", "true", "limit", "500",
                "direction", "asc", "after", since.minusSeconds(1).toString()));
        for (JsonNode remote : recent) {
            apply(remote, now);
        }
    }

    private JsonNode byClientId(String clientId) {
        try {
            return alpaca.get("/v2/orders:by_client_order_id", Map.of("client_order_id", clientId, "nested", "true"));
        } catch (BrokerException notThere) {
            return null;
        }
    }

    /** Mirrors an Alpaca order and its legs; returns the mirrored order (first) and its legs. */
    private List<Order> apply(JsonNode json, Instant now) {
        List<Order> out = new ArrayList<>();
        out.add(applyOne(json, null, now));
        for (JsonNode leg : json.path("legs")) {
            out.add(applyOne(leg, json.path("id").asText(), now));
        }
        return out;
    }

    private Order applyOne(JsonNode json, String parentId, Instant now) {
        Order remote = AlpacaOrders.order(json, parentId);
        Order.Builder b = remote.toBuilder();
        if (remote.createdAt() == null) {
            b.createdAt(now);
        }
        if (remote.updatedAt() == null) {
            b.updatedAt(now);
        }
        if (remote.submittedAt() == null) {
            b.submittedAt(remote.createdAt() != null ? remote.createdAt() : now);
        }
        remote = b.build();
        Order local = broker.order(remote.id()).orElse(null);
        if (local == null) {
            broker.mirror(remote.toBuilder().status(remote.filledQty() > 0 ? io.tradeloom.broker.OrderStatus.NEW
                    : remote.status()).build());
            local = broker.order(remote.id()).orElseThrow();
        }
        long delta = remote.filledQty() - local.filledQty();
        if (delta > 0) {
            BigDecimal price = AlpacaOrders.fillPrice(local.filledNotional(), remote.filledNotional(), delta);
            Instant at = remote.filledAt() != null ? remote.filledAt() : remote.updatedAt();
            return broker.recordFill(remote, delta, price, at);
        }
        return broker.mirror(remote);
    }

    private static java.util.Set<String> union(Map<String, Long> a, Map<String, Long> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }
}
