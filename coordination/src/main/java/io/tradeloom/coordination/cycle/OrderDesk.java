package io.tradeloom.coordination.cycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradeloom.coordination.trading.TradingApi;
import io.tradeloom.platform.client.ServiceCallException;
import io.tradeloom.platform.client.ServiceRejectedException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.strategy.Bracket;

/**
 * Sends the cycle's orders, each with its deterministic client_order_id, and never twice: a submit is not
 * retried; when its answer is lost (timeout, 5xx, garbage) the broker is asked for the order by its
 * client_order_id instead, and a repeated submit is refused by the broker (Alpaca: 422, the id must be unique),
 * which is recorded as ALREADY_SUBMITTED with the order the broker has.
 */
final class OrderDesk {

    private final TradingApi trading;

    OrderDesk(TradingApi trading) {
        this.trading = trading;
    }

    /** What became of one order. */
    record Outcome(String status, JsonNode result) {
        boolean accepted() {
            return status.equals("SUBMITTED");
        }
    }

    Outcome enter(String symbol, Bracket bracket, String clientOrderId) {
        return send(clientOrderId, () -> trading.submitBracket(symbol, bracket, clientOrderId));
    }

    /** Cancels the symbol's open orders (a bracket's legs hold the shares), then closes the position at market. */
    Outcome exit(String symbol, long quantity, String clientOrderId) {
        try {
            for (String id : trading.openOrderIds(symbol)) {
                trading.cancel(id);
            }
        } catch (ServiceCallException e) {
            return new Outcome("FAILED", message("the open orders could not be cancelled, so the position was not closed: "
                    + e.getMessage()));
        }
        return send(clientOrderId, () -> trading.submitClose(symbol, quantity, clientOrderId));
    }

    private Outcome send(String clientOrderId, Supplier<JsonNode> submit) {
        try {
            return new Outcome("SUBMITTED", submit.get());
        } catch (ServiceRejectedException e) {
            if (e.status() == 422 && e.body().contains("client_order_id")) {
                Optional<JsonNode> existing = lookup(clientOrderId);
                if (existing.isPresent()) {
                    return new Outcome("ALREADY_SUBMITTED", existing.get());
                }
            }
            return new Outcome("REJECTED", rejection(e));
        } catch (ServiceCallException e) {
            // The order may or may not have reached the broker: ask by its id rather than submit again.
            try {
                return trading.orderByClientId(clientOrderId)
                        .map(order -> new Outcome("SUBMITTED", order))
                        .orElseGet(() -> new Outcome("FAILED", message("not placed: " + e.getMessage())));
            } catch (ServiceCallException lookupFailed) {
                return new Outcome("FAILED", message("unknown whether placed (" + e.getMessage() + "; the lookup by "
                        + "client_order_id failed too: " + lookupFailed.getMessage() + "); a repeated submit with the "
                        + "same client_order_id cannot trade twice"));
            }
        }
    }

    private Optional<JsonNode> lookup(String clientOrderId) {
        try {
            return trading.orderByClientId(clientOrderId);
        } catch (ServiceCallException e) {
            return Optional.empty();
        }
    }

    /** The broker's error body as it sent it: JSON ({"code", "message"}) when it is, else its text. */
    private static JsonNode rejection(ServiceRejectedException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", e.status());
        try {
            m.put("error", Json.tree(e.body().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException notJson) {
            m.put("error", e.body());
        }
        return Json.MAPPER.valueToTree(m);
    }

    private static JsonNode message(String text) {
        return Json.MAPPER.valueToTree(Map.of("message", text));
    }
}
