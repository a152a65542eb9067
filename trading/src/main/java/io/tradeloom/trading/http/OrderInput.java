package io.tradeloom.trading.http;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradeloom.broker.BrokerException;
import io.tradeloom.broker.OrderClass;
import io.tradeloom.broker.OrderRequest;
import io.tradeloom.broker.OrderType;
import io.tradeloom.broker.ReplaceRequest;
import io.tradeloom.broker.Side;
import io.tradeloom.broker.TimeInForce;
import io.tradeloom.platform.http.ApiException;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads Alpaca order bodies. Alpaca takes decimals as strings or numbers ({@code "qty": "10"} or {@code 10}); anything
 * else where a number belongs, a fraction of a share, or an unknown enum value is a 422 naming the field; an unknown
 * field is a 400 (platform rule: a typo must not silently change an order).
 */
final class OrderInput {

    static final Set<String> ORDER_FIELDS = Set.of("symbol", "qty", "notional", "side", "type", "time_in_force",
            "limit_price", "stop_price", "trail_price", "trail_percent", "extended_hours", "client_order_id",
            "order_class", "take_profit", "stop_loss");
    static final Set<String> REPLACE_FIELDS = Set.of("qty", "time_in_force", "limit_price", "stop_price", "trail",
            "client_order_id");

    private OrderInput() {
    }

    static OrderRequest order(JsonNode body) {
        JsonNode tp = object(body, "take_profit", Set.of("limit_price"));
        JsonNode sl = object(body, "stop_loss", Set.of("stop_price", "limit_price"));
        String cls = text(body, "order_class");
        return new OrderRequest(text(body, "symbol"), shares(body, "qty"), decimal(body, "notional"),
                enumOf(body, "side", Side::parse), enumOf(body, "type", OrderType::parse),
                enumOf(body, "time_in_force", TimeInForce::parse), decimal(body, "limit_price"),
                decimal(body, "stop_price"), decimal(body, "trail_price"), decimal(body, "trail_percent"),
                bool(body, "extended_hours"), text(body, "client_order_id"),
                cls == null || cls.isEmpty() ? OrderClass.SIMPLE : OrderClass.parse(cls),
                tp == null ? null : required(decimal(tp, "limit_price"), "take_profit.limit_price"),
                sl == null ? null : required(decimal(sl, "stop_price"), "stop_loss.stop_price"),
                sl == null ? null : decimal(sl, "limit_price"));
    }

    static ReplaceRequest replace(JsonNode body) {
        return new ReplaceRequest(shares(body, "qty"), enumOf(body, "time_in_force", TimeInForce::parse),
                decimal(body, "limit_price"), decimal(body, "stop_price"), decimal(body, "trail"),
                text(body, "client_order_id"));
    }

    private static BigDecimal required(BigDecimal v, String field) {
        if (v == null) {
            throw BrokerException.invalid(field + " is required");
        }
        return v;
    }

    private static JsonNode object(JsonNode body, String field, Set<String> known) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw BrokerException.invalid(field + " must be an object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw ApiException.invalid(field + "." + name, "unknown field '" + field + "." + name + "'");
            }
        }
        return n;
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw BrokerException.invalid(field + " must be a string");
        }
        return n.asText();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isTextual() && (n.asText().equals("true") || n.asText().equals("false"))) {
            return Boolean.parseBoolean(n.asText());
        }
        throw BrokerException.invalid(field + " must be true or false");
    }

    private static <T> T enumOf(JsonNode body, String field, java.util.function.Function<String, T> parse) {
        String v = text(body, field);
        return v == null ? null : parse.apply(v);
    }

    /** A number or a numeric string, at most 30 characters (1e308 parses, and the validator refuses its size). */
    static BigDecimal decimal(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        String raw;
        if (n.isNumber() && !n.isDouble() && !n.isFloat()) {
            return n.decimalValue();
        } else if (n.isTextual()) {
            raw = n.asText().trim();
        } else {
            throw BrokerException.invalid("invalid " + field + ": must be a number or a numeric string");
        }
        if (raw.length() > 30) {
            throw BrokerException.invalid("invalid " + field + ": too long");
        }
        try {
            BigDecimal v = new BigDecimal(raw);
            if (v.scale() < -400 || v.precision() > 400) {
                throw BrokerException.invalid("invalid " + field + ": out of range");
            }
            return v;
        } catch (NumberFormatException e) {
            throw BrokerException.invalid("invalid " + field + ": '" + raw + "' is not a number");
        }
    }

    /** Whole shares: "10", 10, "10.0"; a fraction is refused (fractional trading is not supported). */
    private static Long shares(JsonNode body, String field) {
        BigDecimal v = decimal(body, field);
        if (v == null) {
            return null;
        }
        if (v.signum() <= 0) {
            throw BrokerException.invalid(field + " must be a whole number from 1 to 10000000");
        }
        if (v.stripTrailingZeros().scale() > 0) {
            throw BrokerException.invalid("fractional " + field + " is not supported: whole shares only");
        }
        if (v.compareTo(BigDecimal.valueOf(io.tradeloom.broker.OrderValidator.MAX_QTY)) > 0) {
            throw BrokerException.invalid(field + " must be a whole number from 1 to 10000000");
        }
        return v.longValueExact();
    }
}
