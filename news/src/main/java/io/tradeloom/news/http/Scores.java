package io.tradeloom.news.http;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Scores as the API shows them: 4 decimals, as VADER reports its compound score. */
final class Scores {

    private Scores() {
    }

    static BigDecimal round(double score) {
        return BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP);
    }
}
