package io.tradeloom.reporting.performance;

import java.time.Instant;

/** A closed time range {@code [from, to]}; either end {@code null} when open. */
public record Period(Instant from, Instant to) {

    public static final Period ALL = new Period(null, null);

    public Period {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
    }

    public boolean contains(Instant t) {
        return (from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to));
    }
}
