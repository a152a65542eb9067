package io.tradeloom.launcher.supervise;

import java.time.Duration;

/**
 * How a service that died is restarted: after a delay that doubles with each restart in the window
 * (so a service crashing in a loop does not spin), and not at all once it has used up its restarts
 * in the window (so a service that cannot run is left down and reported, not restarted forever).
 *
 * @param firstDelay  delay before the first restart in the window
 * @param maxDelay    cap on the delay
 * @param maxRestarts restarts allowed within {@code window}
 * @param window      how far back restarts count; a service stable this long starts afresh
 */
public record RestartPolicy(Duration firstDelay, Duration maxDelay, int maxRestarts, Duration window) {

    public static final RestartPolicy DEFAULT =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(10));

    public RestartPolicy {
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay");
        }
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("maxRestarts must not be negative");
        }
    }

    /** The delay before restart number {@code n} (1 for the first) in the window. */
    public Duration delay(int n) {
        Duration d = firstDelay;
        for (int i = 1; i < n && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
