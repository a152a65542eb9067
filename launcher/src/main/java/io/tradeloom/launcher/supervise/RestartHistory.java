package io.tradeloom.launcher.supervise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** One service's recent restarts, deciding under a {@link RestartPolicy} whether to restart it again. */
final class RestartHistory {

    private final RestartPolicy policy;
    private final Deque<Instant> restarts = new ArrayDeque<>();

    RestartHistory(RestartPolicy policy) {
        this.policy = policy;
    }

    /**
     * Records that the service died at {@code now}: the delay before restarting it, or empty when it
     * has had its {@code maxRestarts} within the window and must stay down.
     */
    Optional<Duration> next(Instant now) {
        Instant horizon = now.minus(policy.window());
        while (!restarts.isEmpty() && !restarts.peekFirst().isAfter(horizon)) {
            restarts.removeFirst();
        }
        if (restarts.size() >= policy.maxRestarts()) {
            return Optional.empty();
        }
        restarts.addLast(now);
        return Optional.of(policy.delay(restarts.size()));
    }

    /** Restarts counted in the window as of the last {@link #next}. */
    int count() {
        return restarts.size();
    }
}
