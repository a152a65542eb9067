package io.tradeloom.market.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** One regular trading session: {@code [open, close)} on {@code date} (New York). */
public record Session(LocalDate date, Instant open, Instant close) {

    public Session {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        if (!close.isAfter(open)) {
            throw new IllegalArgumentException("close " + close + " must be after open " + open);
        }
    }

    /** Whether {@code time} is in {@code [open, close)}. */
    public boolean contains(Instant time) {
        return !time.isBefore(open) && time.isBefore(close);
    }

    /** The session's length in whole minutes: 390 for a regular day, 210 for an early close. */
    public int minutes() {
        return (int) Duration.between(open, close).toMinutes();
    }
}
