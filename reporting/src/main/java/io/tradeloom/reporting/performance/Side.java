package io.tradeloom.reporting.performance;

import java.util.Locale;

/** The side of a fill, as Alpaca spells it ({@code buy}, {@code sell}). */
public enum Side {
    BUY, SELL;

    public static Side parse(String raw) {
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "buy" -> BUY;
            case "sell", "sell_short" -> SELL;
            default -> throw new IllegalArgumentException("side must be buy or sell, was '" + raw + "'");
        };
    }

    /** +1 for a buy, -1 for a sell: the sign a fill gives the position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
