package io.tradeloom.strategy;

import java.util.regex.Pattern;

/**
 * Deterministic client order ids, {@code <strategy>:<cycle>:<symbol>:<leg>} (e.g. {@code default:c42:AAPL:entry}):
 * the same cycle, symbol and leg always give the same id, so the broker refuses a repeated submit instead of
 * trading twice.
 */
public final class ClientOrderIds {

    /** Alpaca's limit on client_order_id. */
    public static final int MAX_LENGTH = 128;

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9._/-]+");

    private ClientOrderIds() {
    }

    /**
     * The id of one order.
     *
     * @param leg {@code entry} for a bracket's entry (which carries the id of the whole bracket), {@code exit} for a close
     */
    public static String of(String strategy, String cycle, String symbol, String leg) {
        String[] parts = {strategy, cycle, symbol, leg};
        for (String part : parts) {
            if (part == null || !PART.matcher(part).matches()) {
                throw new IllegalArgumentException("client order id part '" + part + "' must be letters, digits, '.', '_', '/' or '-'");
            }
        }
        String id = String.join(":", parts);
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("client order id " + id + " is longer than " + MAX_LENGTH + " characters");
        }
        return id;
    }
}
