package io.tradeloom.strategy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The market time a decision is made at.
 *
 * @param now          the market clock's time
 * @param sessionClose when the current session closes; {@code null} when the market is closed or it is unknown
 */
public record SessionTime(Instant now, Instant sessionClose) {

    public SessionTime {
        Objects.requireNonNull(now, "now");
    }

    /** Whole minutes until the close (negative once past it); {@code Long.MAX_VALUE} when the close is unknown. */
    public long minutesToClose() {
        return sessionClose == null ? Long.MAX_VALUE : Duration.between(now, sessionClose).toMinutes();
    }
}
