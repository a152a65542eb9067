package io.tradeloom.news.sentiment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A symbol's sentiment over its recent news: the mean of the items' scores, each weighted by
 * {@code 0.5^(age / halfLife)}, so that a story loses half its say every half-life. Items from after {@code now}
 * (a feed's clock ahead of ours) count as new. The weights' sum ({@code weight}) says how much fresh news stands
 * behind the score: 1 for one item published now, less for older ones.
 */
public final class RollingSentiment {

    private final Duration halfLife;

    public RollingSentiment(Duration halfLife) {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("halfLife must be positive, was " + halfLife);
        }
        this.halfLife = halfLife;
    }

    /** One scored item. */
    public record Scored(Instant time, double score) {
    }

    /**
     * @param score  the weighted mean in [-1, 1]; 0 without items
     * @param count  how many items went in
     * @param weight the sum of their decay weights
     * @param latest the newest item's time
     */
    public record Result(double score, Label label, int count, double weight, Optional<Instant> latest) {
    }

    public Duration halfLife() {
        return halfLife;
    }

    public Result of(List<Scored> items, Instant now) {
        Objects.requireNonNull(now, "now");
        double weighted = 0;
        double weights = 0;
        Instant latest = null;
        for (Scored item : items) {
            double age = Math.max(0, Duration.between(item.time(), now).toMillis());
            double w = Math.pow(0.5, age / halfLife.toMillis());
            weighted += w * item.score();
            weights += w;
            if (latest == null || item.time().isAfter(latest)) {
                latest = item.time();
            }
        }
        // Underflow leaves weights 0 for items many half-lives old: they then say nothing.
        double score = weights > 0 ? Math.max(-1, Math.min(1, weighted / weights)) : 0;
        return new Result(score, Label.of(score), items.size(), weights, Optional.ofNullable(latest));
    }
}
