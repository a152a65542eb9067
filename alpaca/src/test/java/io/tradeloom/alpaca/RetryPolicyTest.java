package io.tradeloom.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofMinutes(1));

    @Test
    void backoffDoublesUpToTheCapWithJitterBetweenHalfAndAll() {
        assertThat(policy.backoff(1, 0.999_999)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(1, 0)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.backoff(2, 0.999_999)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.backoff(4, 0.999_999)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(60, 0.999_999)).isEqualTo(Duration.ofSeconds(4));
    }
}
