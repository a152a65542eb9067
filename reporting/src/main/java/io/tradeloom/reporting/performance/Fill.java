package io.tradeloom.reporting.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution, from a backtest or the paper account.
 *
 * @param orderKey      what groups the fills of one order (the broker's order id; a backtest's client order id)
 * @param clientOrderId the order's client id, {@code strategy:cycle:symbol:leg} when a strategy placed it
 * @param commission    the fees charged for this fill (zero or more)
 */
public record Fill(Instant time, String symbol, Side side, BigDecimal qty, BigDecimal price, BigDecimal commission,
                   String orderKey, String clientOrderId) {

    public Fill {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(orderKey, "orderKey");
        if (qty.signum() <= 0) {
            throw new IllegalArgumentException("qty must be positive, was " + qty);
        }
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive, was " + price);
        }
        if (commission.signum() < 0) {
            throw new IllegalArgumentException("commission must not be negative, was " + commission);
        }
        clientOrderId = clientOrderId == null ? "" : clientOrderId;
    }

    /**
     * The strategy that placed an order with this client id: the first part of {@code strategy:cycle:symbol:leg},
     * or {@code manual} for any other id (an order placed by hand or by a tool).
     */
    public static String strategyOf(String clientOrderId) {
        if (clientOrderId == null) {
            return MANUAL;
        }
        String[] parts = clientOrderId.split(":", -1);
        return parts.length == 4 && !parts[0].isBlank() ? parts[0] : MANUAL;
    }

    public static final String MANUAL = "manual";
}
