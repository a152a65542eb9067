package io.tradeloom.coordination.trading;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.client.ServiceCallException;
import io.tradeloom.platform.client.ServiceClient;
import io.tradeloom.platform.client.ServiceRejectedException;
import io.tradeloom.strategy.Bracket;

/**
 * The trading service's Alpaca Trading API v2, as coordination uses it, through the platform's fault-tolerant
 * client (reads retried, writes never) with the APCA key headers on every call.
 */
public final class TradingApi {

    private final ServiceClient client;
    private final Map<String, String> auth;

    public TradingApi(ServiceClient client, String keyId, String secret) {
        if (client.target() != ServiceId.TRADING) {
            throw new IllegalArgumentException("a trading client is needed, got " + client.target());
        }
        this.client = client;
        this.auth = Map.of("APCA-API-KEY-ID", keyId, "APCA-API-SECRET-KEY", secret);
    }

    /** The account's equity and buying power, and whether trading is blocked. */
    public record AccountState(BigDecimal equity, BigDecimal buyingPower, boolean tradingBlocked) {
    }

    /** An open position: quantity negative when short. */
    public record OpenPosition(String symbol, long quantity, BigDecimal averageEntry) {
    }

    /** GET /v2/account. */
    public AccountState account() {
        JsonNode a = client.getJson("/v2/account", auth);
        return new AccountState(decimal(a, "equity"), decimal(a, "buying_power"),
                a.path("trading_blocked").asBoolean(false) || a.path("account_blocked").asBoolean(false));
    }

    /** GET /v2/positions. */
    public List<OpenPosition> positions() {
        JsonNode list = client.getJson("/v2/positions", auth);
        if (!list.isArray()) {
            throw garbage("/v2/positions answered something other than an array");
        }
        List<OpenPosition> positions = new ArrayList<>();
        for (JsonNode p : list) {
            String symbol = p.path("symbol").asText("");
            BigDecimal qty = decimal(p, "qty");
            if (symbol.isEmpty() || qty.stripTrailingZeros().scale() > 0) {
                throw garbage("/v2/positions answered a position without a symbol or with fractional shares: " + p);
            }
            long shares = qty.abs().longValueExact();
            if (shares == 0) {
                continue;
            }
            // Alpaca reports a short's qty negative and its side "short"; either marks it.
            boolean isShort = qty.signum() < 0 || "short".equals(p.path("side").asText());
            positions.add(new OpenPosition(symbol, isShort ? -shares : shares, decimal(p, "avg_entry_price")));
        }
        return positions;
    }

    /** POST /v2/orders: a bracket whose market entry carries {@code clientOrderId}. Never retried. */
    public JsonNode submitBracket(String symbol, Bracket b, String clientOrderId) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("symbol", symbol);
        order.put("qty", Long.toString(b.quantity()));
        order.put("side", b.side().name().toLowerCase(java.util.Locale.ROOT));
        order.put("type", "market");
        order.put("time_in_force", "day");
        order.put("order_class", "bracket");
        order.put("client_order_id", clientOrderId);
        order.put("take_profit", Map.of("limit_price", b.target().toPlainString()));
        order.put("stop_loss", Map.of("stop_price", b.stop().toPlainString()));
        return client.postJson("/v2/orders", order, auth);
    }

    /** POST /v2/orders: a market order closing {@code quantity} shares (negative: a short is bought back). */
    public JsonNode submitClose(String symbol, long positionQuantity, String clientOrderId) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("symbol", symbol);
        order.put("qty", Long.toString(Math.abs(positionQuantity)));
        order.put("side", positionQuantity > 0 ? "sell" : "buy");
        order.put("type", "market");
        order.put("time_in_force", "day");
        order.put("client_order_id", clientOrderId);
        return client.postJson("/v2/orders", order, auth);
    }

    /** The symbols with open orders: an entry accepted but not filled yet has no position, only an open order. */
    public java.util.Set<String> symbolsWithOpenOrders() {
        JsonNode list = client.getJson("/v2/orders?status=open&limit=500", auth);
        if (!list.isArray()) {
            throw garbage("/v2/orders answered something other than an array");
        }
        java.util.Set<String> symbols = new java.util.HashSet<>();
        list.forEach(o -> symbols.add(o.path("symbol").asText()));
        return symbols;
    }

    /** The open orders in {@code symbol} (a bracket's legs hold the position's shares until cancelled). */
    public List<String> openOrderIds(String symbol) {
        JsonNode list = client.getJson("/v2/orders?status=open&limit=500&symbols=" + encode(symbol), auth);
        if (!list.isArray()) {
            throw garbage("/v2/orders answered something other than an array");
        }
        List<String> ids = new ArrayList<>();
        list.forEach(o -> ids.add(o.path("id").asText()));
        return ids;
    }

    /** DELETE /v2/orders/{id}; an order already gone (404) or no longer cancelable (422) is fine. */
    public void cancel(String orderId) {
        try {
            client.deleteJson("/v2/orders/" + encode(orderId), auth);
        } catch (ServiceRejectedException e) {
            if (e.status() != 404 && e.status() != 422) {
                throw e;
            }
        }
    }

    /** GET /v2/orders:by_client_order_id; empty when the broker has no such order (404). */
    public Optional<JsonNode> orderByClientId(String clientOrderId) {
        try {
            return Optional.of(client.getJson("/v2/orders:by_client_order_id?client_order_id=" + encode(clientOrderId), auth));
        } catch (ServiceRejectedException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText());
            } catch (NumberFormatException e) {
                throw garbage("answered " + field + " '" + v.asText() + "', not a number");
            }
        }
        throw garbage("answered without " + field);
    }

    private static ServiceCallException garbage(String message) {
        return new ServiceCallException(ServiceId.TRADING, 200, message, null);
    }
}
