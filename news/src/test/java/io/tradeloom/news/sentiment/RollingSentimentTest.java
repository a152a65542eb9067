package io.tradeloom.news.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Time-decayed mean sentiment, checked against hand calculations. */
class RollingSentimentTest {

    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private final RollingSentiment rolling = new RollingSentiment(Duration.ofHours(1));

    @Test
    void noItemsIsNeutralWithCountZero() {
        RollingSentiment.Result r = rolling.of(List.of(), NOW);
        assertThat(r.score()).isZero();
        assertThat(r.label()).isEqualTo(Label.NEUTRAL);
        assertThat(r.count()).isZero();
        assertThat(r.weight()).isZero();
        assertThat(r.latest()).isEmpty();
    }

    @Test
    void anItemOneHalfLifeOldWeighsHalfAsMuchAsAFreshOne() {
        // weights 1 (now) and 0.5 (an hour ago): (1 * -0.6 + 0.5 * 0.9) / 1.5 = -0.1
        RollingSentiment.Result r = rolling.of(List.of(
                new RollingSentiment.Scored(NOW.minus(Duration.ofHours(1)), 0.9),
                new RollingSentiment.Scored(NOW, -0.6)), NOW);
        assertThat(r.score()).isCloseTo(-0.1, within(1e-12));
        assertThat(r.label()).isEqualTo(Label.NEGATIVE);
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.weight()).isCloseTo(1.5, within(1e-12));
        assertThat(r.latest()).contains(NOW);
    }

    @Test
    void twoHalfLivesQuarterTheWeight() {
        // weights 0.25 and 1: (0.25 * 0.8 + 1 * 0.2) / 1.25 = 0.32
        RollingSentiment.Result r = rolling.of(List.of(
                new RollingSentiment.Scored(NOW.minus(Duration.ofHours(2)), 0.8),
                new RollingSentiment.Scored(NOW, 0.2)), NOW);
        assertThat(r.score()).isCloseTo(0.32, within(1e-12));
        assertThat(r.weight()).isCloseTo(1.25, within(1e-12));
    }

    @Test
    void anItemFromTheFutureCountsAsFresh() {
        RollingSentiment.Result r = rolling.of(List.of(new RollingSentiment.Scored(NOW.plusSeconds(30), 0.5)), NOW);
        assertThat(r.weight()).isEqualTo(1.0);
        assertThat(r.score()).isEqualTo(0.5);
    }
}
