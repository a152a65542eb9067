package io.tradeloom.alpaca;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long to retry a request that failed transiently (HTTP 429, 5xx, no response): at most
 * {@code maxAttempts} attempts in all, waiting exponentially longer between them, and never starting a wait that
 * would take the whole call past {@code maxTotal}.
 *
 * @param firstBackoff the nominal wait after the first failure; it doubles after each further one
 * @param maxBackoff   the cap on a nominal wait
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxTotal) {

    public RetryPolicy {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxTotal, "maxTotal");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts " + maxAttempts + " must be at least 1");
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || maxTotal.isNegative()) {
            throw new IllegalArgumentException("need 0 <= firstBackoff <= maxBackoff and maxTotal >= 0");
        }
    }

    /** 5 attempts, 0.5 s doubling up to 8 s, within a minute: rides out Alpaca's per-minute rate limit. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofMinutes(1));
    }

    /**
     * The wait after the {@code failures}-th failure: the nominal wait scaled by a factor in [0.5, 1) taken from
     * {@code random} in [0, 1), so that clients that failed together do not retry in lockstep.
     */
    public Duration backoff(int failures, double random) {
        long nominal = firstBackoff.toMillis() << Math.min(failures - 1, 20);
        long capped = Math.min(nominal, maxBackoff.toMillis());
        return Duration.ofMillis(Math.round(capped * (0.5 + random / 2)));
    }
}
