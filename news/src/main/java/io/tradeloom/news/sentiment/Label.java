package io.tradeloom.news.sentiment;

import com.fasterxml.jackson.annotation.JsonValue;

/** A score's reading, with VADER's published thresholds: at least +0.05 positive, at most -0.05 negative. */
public enum Label {
    POSITIVE, NEUTRAL, NEGATIVE;

    public static final double THRESHOLD = 0.05;

    public static Label of(double score) {
        if (score >= THRESHOLD) {
            return POSITIVE;
        }
        return score <= -THRESHOLD ? NEGATIVE : NEUTRAL;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Label parse(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
