package io.tradeloom.market.bar;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The bar lengths the system uses, labelled as Alpaca labels them ({@code 1Min} ... {@code 1Day}).
 * Buckets are aligned to the session open; see {@link #length()}.
 */
public enum Timeframe {
    MIN_1("1Min", Duration.ofMinutes(1)),
    MIN_5("5Min", Duration.ofMinutes(5)),
    MIN_15("15Min", Duration.ofMinutes(15)),
    HOUR_1("1Hour", Duration.ofHours(1)),
    DAY_1("1Day", Duration.ofDays(1));

    private final String label;
    private final Duration length;

    Timeframe(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    /** The label used in file names and APIs, e.g. {@code 5Min}. */
    public String label() {
        return label;
    }

    /**
     * The nominal bucket length. A bucket starts at the session open plus a whole number of lengths and is cut
     * at the session close, so the last 1Hour bucket of a regular session is 15:30-16:00, and a 1Day bucket
     * (nominally 24 h) is exactly one session, however short.
     */
    public Duration length() {
        return length;
    }

    /** The timeframe labelled {@code label} (exact match, e.g. {@code 15Min}). */
    public static Timeframe parse(String label) {
        for (Timeframe timeframe : values()) {
            if (timeframe.label.equals(label)) {
                return timeframe;
            }
        }
        throw new IllegalArgumentException("unknown timeframe '" + label + "': expected one of "
                + Arrays.stream(values()).map(Timeframe::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
