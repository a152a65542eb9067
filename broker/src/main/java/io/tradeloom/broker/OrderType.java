package io.tradeloom.broker;

/**
 * Alpaca's order types. Wire names are Alpaca's: the constant's name in lower case.
 */
public enum OrderType {
    MARKET, LIMIT, STOP, STOP_LIMIT, TRAILING_STOP;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant for Alpaca's wire name; unknown names are a client mistake (422). */
    public static OrderType parse(String wire) {
        for (OrderType v : values()) {
            if (v.wire().equals(wire)) {
                return v;
            }
        }
        throw BrokerException.invalid("invalid type '" + wire + "'");
    }
}
