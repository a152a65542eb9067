package io.tradeloom.broker;

/**
 * The side of an order: buy or sell. Wire names are Alpaca's: the constant's name in lower case.
 */
public enum Side {
    BUY, SELL;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant for Alpaca's wire name; unknown names are a client mistake (422). */
    public static Side parse(String wire) {
        for (Side v : values()) {
            if (v.wire().equals(wire)) {
                return v;
            }
        }
        throw BrokerException.invalid("invalid side '" + wire + "'");
    }
}
