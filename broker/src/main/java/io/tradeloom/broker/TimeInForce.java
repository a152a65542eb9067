package io.tradeloom.broker;

/**
 * How long an order works: day (until the close), gtc, ioc, fok, opg (the opening auction), cls
 * (the closing auction). Wire names are Alpaca's: the constant's name in lower case.
 */
public enum TimeInForce {
    DAY, GTC, IOC, FOK, OPG, CLS;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant for Alpaca's wire name; unknown names are a client mistake (422). */
    public static TimeInForce parse(String wire) {
        for (TimeInForce v : values()) {
            if (v.wire().equals(wire)) {
                return v;
            }
        }
        throw BrokerException.invalid("invalid time_in_force '" + wire + "'");
    }
}
