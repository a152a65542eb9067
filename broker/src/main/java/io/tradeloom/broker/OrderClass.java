package io.tradeloom.broker;

/**
 * Alpaca's order classes: a bracket is an entry with take-profit and stop-loss legs that cancel each
 * other; oco is the two exit legs alone; oto is an entry with one leg. Wire names are Alpaca's: the constant's name in lower case.
 */
public enum OrderClass {
    SIMPLE, BRACKET, OCO, OTO;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant for Alpaca's wire name; unknown names are a client mistake (422). */
    public static OrderClass parse(String wire) {
        for (OrderClass v : values()) {
            if (v.wire().equals(wire)) {
                return v;
            }
        }
        throw BrokerException.invalid("invalid order_class '" + wire + "'");
    }
}
