package io.tradeloom.trading.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tradeloom.broker.Order;
import io.tradeloom.broker.OrderClass;
import io.tradeloom.broker.OrderRequest;
import io.tradeloom.broker.OrderStatus;
import io.tradeloom.broker.OrderType;
import io.tradeloom.broker.Side;
import io.tradeloom.broker.TimeInForce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Alpaca order JSON to and from the broker's model. */
final class AlpacaOrders {

    private AlpacaOrders() {
    }

    static ObjectNode body(OrderRequest r, String clientOrderId) {
        ObjectNode b = AlpacaTradingClient.json().createObjectNode();
        b.put("symbol", r.symbol());
        if (r.qty() != null) {
            b.put("qty", Long.toString(r.qty()));
        }
        if (r.notional() != null) {
            b.put("notional", r.notional().toPlainString());
        }
        b.put("side", r.side().wire());
        b.put("type", r.type().wire());
        b.put("time_in_force", r.timeInForce().wire());
        put(b, "limit_price", r.limitPrice());
        put(b, "stop_price", r.stopPrice());
        put(b, "trail_price", r.trailPrice());
        put(b, "trail_percent", r.trailPercent());
        if (r.extendedHours()) {
            b.put("extended_hours", true);
        }
        b.put("client_order_id", clientOrderId);
        if (r.orderClass() != null && r.orderClass() != OrderClass.SIMPLE) {
            b.put("order_class", r.orderClass().wire());
            if (r.takeProfitLimitPrice() != null) {
                b.putObject("take_profit").put("limit_price", r.takeProfitLimitPrice().toPlainString());
            }
            if (r.stopLossStopPrice() != null) {
                ObjectNode sl = b.putObject("stop_loss");
                sl.put("stop_price", r.stopLossStopPrice().toPlainString());
                put(sl, "limit_price", r.stopLossLimitPrice());
            }
        }
        return b;
    }

    private static void put(ObjectNode b, String field, BigDecimal v) {
        if (v != null) {
            b.put(field, v.toPlainString());
        }
    }

    /**
     * The order as Alpaca reports it; {@code filledQty} and {@code filledNotional} carry Alpaca's totals (the mirror
     * turns their growth into fills). Alpaca's transitional statuses map onto the broker's open ones.
     */
    static Order order(JsonNode j, String parentId) {
        long filled = whole(j, "filled_qty");
        BigDecimal avg = decimal(j, "filled_avg_price");
        String cls = j.path("order_class").asText("");
        OrderClass orderClass = cls.isEmpty() ? OrderClass.SIMPLE : OrderClass.parse(cls);
        OrderType type = OrderType.parse(j.path("type").asText(j.path("order_type").asText()));
        Side side = Side.parse(j.path("side").asText());
        Order.Leg leg = parentId == null ? Order.Leg.ENTRY
                : type == OrderType.LIMIT ? Order.Leg.TAKE_PROFIT : Order.Leg.STOP_LOSS;
        return Order.builder().id(j.path("id").asText()).clientOrderId(j.path("client_order_id").asText())
                .createdAt(time(j, "created_at")).updatedAt(time(j, "updated_at")).submittedAt(time(j, "submitted_at"))
                .filledAt(time(j, "filled_at")).expiredAt(time(j, "expired_at")).canceledAt(time(j, "canceled_at"))
                .replacedAt(time(j, "replaced_at")).replacedBy(text(j, "replaced_by")).replaces(text(j, "replaces"))
                .symbol(j.path("symbol").asText()).notional(decimal(j, "notional"))
                .qty(j.hasNonNull("qty") ? whole(j, "qty") : Math.max(filled, 1)).filledQty(filled)
                .filledNotional(avg == null ? BigDecimal.ZERO : avg.multiply(BigDecimal.valueOf(filled)))
                .orderClass(orderClass).type(type).side(side)
                .timeInForce(TimeInForce.parse(j.path("time_in_force").asText()))
                .limitPrice(decimal(j, "limit_price")).stopPrice(decimal(j, "stop_price"))
                .trailPrice(decimal(j, "trail_price")).trailPercent(decimal(j, "trail_percent"))
                .hwm(decimal(j, "hwm")).status(status(j.path("status").asText(), filled))
                .extendedHours(j.path("extended_hours").asBoolean(false)).parentId(parentId).leg(leg).build();
    }

    static OrderStatus status(String alpaca, long filled) {
        return switch (alpaca) {
            case "filled" -> OrderStatus.FILLED;
            case "canceled" -> OrderStatus.CANCELED;
            case "expired", "done_for_day" -> OrderStatus.EXPIRED;
            case "replaced" -> OrderStatus.REPLACED;
            case "rejected" -> OrderStatus.REJECTED;
            case "held" -> OrderStatus.HELD;
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            // new, accepted, pending_new, pending_cancel, pending_replace, accepted_for_bidding, stopped, ...
            default -> filled > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
        };
    }

    /** The price of the shares filled between two reports: the growth of the filled notional over the shares. */
    static BigDecimal fillPrice(BigDecimal notionalBefore, BigDecimal notionalAfter, long qty) {
        return notionalAfter.subtract(notionalBefore).divide(BigDecimal.valueOf(qty), 4, RoundingMode.HALF_EVEN);
    }

    private static String text(JsonNode j, String f) {
        return j.hasNonNull(f) ? j.get(f).asText() : null;
    }

    private static Instant time(JsonNode j, String f) {
        return j.hasNonNull(f) ? OffsetDateTime.parse(j.get(f).asText()).toInstant() : null;
    }

    private static BigDecimal decimal(JsonNode j, String f) {
        if (!j.hasNonNull(f)) {
            return null;
        }
        JsonNode n = j.get(f);
        return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText());
    }

    private static long whole(JsonNode j, String f) {
        BigDecimal v = decimal(j, f);
        return v == null ? 0 : v.setScale(0, RoundingMode.DOWN).longValueExact();
    }
}
