package io.tradeloom.launcher.supervise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestartPolicyTest {

    private static final Instant T0 = Instant.parse("2025-01-06T14:30:00Z");

    @Test
    void delayDoublesFromOneSecondUpToThirtySeconds() {
        RestartPolicy policy = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 10, Duration.ofMinutes(10));

        List<Long> seconds = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            seconds.add(policy.delay(n).toSeconds());
        }

        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void defaultAllowsFiveRestartsInTenMinutesThenGivesUp() {
        RestartHistory history = new RestartHistory(RestartPolicy.DEFAULT);

        List<Optional<Duration>> decisions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            decisions.add(history.next(T0.plusSeconds(30L * i)));
        }

        assertThat(decisions).containsExactly(
                Optional.of(Duration.ofSeconds(1)), Optional.of(Duration.ofSeconds(2)), Optional.of(Duration.ofSeconds(4)),
                Optional.of(Duration.ofSeconds(8)), Optional.of(Duration.ofSeconds(16)), Optional.empty());
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCount() {
        RestartHistory history = new RestartHistory(RestartPolicy.DEFAULT);
        for (int i = 0; i < 5; i++) {
            history.next(T0.plusSeconds(i));
        }
        assertThat(history.next(T0.plus(Duration.ofMinutes(9)))).isEmpty();

        // Ten minutes after the first restart it drops out, so one more is allowed, at the delay for the fifth.
        assertThat(history.next(T0.plus(Duration.ofMinutes(10)))).contains(Duration.ofSeconds(16));
        assertThat(history.count()).isEqualTo(5);
    }

    @Test
    void serviceStableForTheWholeWindowStartsAgainFromTheFirstDelay() {
        RestartHistory history = new RestartHistory(RestartPolicy.DEFAULT);
        for (int i = 0; i < 5; i++) {
            history.next(T0.plusSeconds(i));
        }

        assertThat(history.next(T0.plus(Duration.ofMinutes(30)))).contains(Duration.ofSeconds(1));
        assertThat(history.count()).isEqualTo(1);
    }
}
