package io.tradeloom.broker;

import java.util.Locale;

/**
 * The statuses this broker uses, a subset of Alpaca's: {@code held} is a bracket or oto leg waiting for its
 * parent to fill. Terminal statuses never change again.
 */
public enum OrderStatus {
    NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, REPLACED, REJECTED, HELD;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == EXPIRED || this == REPLACED || this == REJECTED;
    }

    /** Open in Alpaca's sense of {@code status=open}: not terminal (held legs included). */
    public boolean isOpen() {
        return !isTerminal();
    }

    public static OrderStatus parse(String wire) {
        for (OrderStatus v : values()) {
            if (v.wire().equals(wire)) {
                return v;
            }
        }
        throw BrokerException.invalid("invalid order status '" + wire + "'");
    }
}
