package io.tradeloom.market.scan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scan asks for. Every field is optional: {@code null} means "not given", so that a {@link Preset}'s
 * criteria can be {@linkplain #overriddenBy overridden} field by field. Bounds are inclusive; percentages are
 * in percent ({@code 3} = 3 %) and the gap and change bounds are signed.
 *
 * <ul>
 * <li>{@code minPrice}, {@code maxPrice}: the last price</li>
 * <li>{@code minAvgVolume}: the average daily volume of the previous sessions</li>
 * <li>{@code minRelativeVolume}: today's volume over the volume expected by now</li>
 * <li>{@code minGapPercent}, {@code maxGapPercent}: the signed opening gap; {@code minAbsGapPercent}: its size
 * either way (gappers)</li>
 * <li>{@code minChangePercent}, {@code maxChangePercent}: the change since the previous close</li>
 * <li>{@code minChangeFromOpenPercent}: the change since today's open ({@code 0} = at or above the open)</li>
 * <li>{@code minAtrPercent}, {@code maxAtrPercent}: ATR(14) as a percentage of the last price</li>
 * <li>{@code topN}: how many candidates to return, default {@value #DEFAULT_TOP_N}, at most the engine's
 * maximum (default {@value #DEFAULT_MAX_TOP_N})</li>
 * <li>{@code sortBy}, {@code sortDescending}: the ranking, default {@code change_percent} descending</li>
 * </ul>
 * Names in the API and in {@link Problem#field()} are the snake_case forms ({@code min_price}, {@code top_n}).
 */
public record ScanCriteria(BigDecimal minPrice, BigDecimal maxPrice, BigDecimal minAvgVolume,
                           BigDecimal minRelativeVolume, BigDecimal minGapPercent, BigDecimal maxGapPercent,
                           BigDecimal minAbsGapPercent, BigDecimal minChangePercent, BigDecimal maxChangePercent,
                           BigDecimal minChangeFromOpenPercent, BigDecimal minAtrPercent, BigDecimal maxAtrPercent,
                           Integer topN, SortKey sortBy, Boolean sortDescending) {

    public static final int DEFAULT_TOP_N = 20;
    public static final int DEFAULT_MAX_TOP_N = 500;
    public static final SortKey DEFAULT_SORT = SortKey.CHANGE_PERCENT;

    /** One invalid field: its API name and what is wrong. */
    public record Problem(String field, String message) {
    }

    /** No criteria at all: every symbol matches, ranked by the default sort. */
    public static ScanCriteria none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int topNOrDefault() {
        return topN == null ? DEFAULT_TOP_N : topN;
    }

    public SortKey sortByOrDefault() {
        return sortBy == null ? DEFAULT_SORT : sortBy;
    }

    public boolean sortDescendingOrDefault() {
        return sortDescending == null || sortDescending;
    }

    /** These criteria with every field that {@code overrides} gives replacing this one's. */
    public ScanCriteria overriddenBy(ScanCriteria overrides) {
        return new ScanCriteria(or(overrides.minPrice, minPrice), or(overrides.maxPrice, maxPrice),
                or(overrides.minAvgVolume, minAvgVolume), or(overrides.minRelativeVolume, minRelativeVolume),
                or(overrides.minGapPercent, minGapPercent), or(overrides.maxGapPercent, maxGapPercent),
                or(overrides.minAbsGapPercent, minAbsGapPercent), or(overrides.minChangePercent, minChangePercent),
                or(overrides.maxChangePercent, maxChangePercent),
                or(overrides.minChangeFromOpenPercent, minChangeFromOpenPercent),
                or(overrides.minAtrPercent, minAtrPercent), or(overrides.maxAtrPercent, maxAtrPercent),
                or(overrides.topN, topN), or(overrides.sortBy, sortBy), or(overrides.sortDescending, sortDescending));
    }

    /** The problems with these criteria under the default maximum {@code top_n}; empty if they are valid. */
    public List<Problem> validate() {
        return validate(DEFAULT_MAX_TOP_N);
    }

    /**
     * The problems with these criteria, in field order; empty if they are valid. Rejected: a negative price,
     * volume, relative volume, absolute gap or ATR percentage (the signed gap and change may be negative); a
     * minimum above its maximum; a {@code top_n} below 1 or above {@code maxTopN}.
     */
    public List<Problem> validate(int maxTopN) {
        List<Problem> problems = new ArrayList<>();
        nonNegative(problems, "min_price", minPrice);
        nonNegative(problems, "max_price", maxPrice);
        ordered(problems, "min_price", minPrice, "max_price", maxPrice);
        nonNegative(problems, "min_avg_volume", minAvgVolume);
        nonNegative(problems, "min_relative_volume", minRelativeVolume);
        ordered(problems, "min_gap_percent", minGapPercent, "max_gap_percent", maxGapPercent);
        nonNegative(problems, "min_abs_gap_percent", minAbsGapPercent);
        ordered(problems, "min_change_percent", minChangePercent, "max_change_percent", maxChangePercent);
        nonNegative(problems, "min_atr_percent", minAtrPercent);
        nonNegative(problems, "max_atr_percent", maxAtrPercent);
        ordered(problems, "min_atr_percent", minAtrPercent, "max_atr_percent", maxAtrPercent);
        if (topN != null && (topN < 1 || topN > maxTopN)) {
            problems.add(new Problem("top_n", "top_n " + topN + " must be between 1 and " + maxTopN));
        }
        return problems;
    }

    private static void nonNegative(List<Problem> problems, String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            problems.add(new Problem(field, field + " " + value.toPlainString() + " must not be negative"));
        }
    }

    /** A minimum above its maximum is reported on the minimum's field. */
    private static void ordered(List<Problem> problems, String minField, BigDecimal min, String maxField,
                                BigDecimal max) {
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add(new Problem(minField, minField + " " + min.toPlainString() + " is above " + maxField + " "
                    + max.toPlainString()));
        }
    }

    private static <T> T or(T given, T otherwise) {
        return given != null ? given : otherwise;
    }

    /** Builds criteria field by field; unset fields stay "not given". */
    public static final class Builder {
        private BigDecimal minPrice;
        private BigDecimal maxPrice;
        private BigDecimal minAvgVolume;
        private BigDecimal minRelativeVolume;
        private BigDecimal minGapPercent;
        private BigDecimal maxGapPercent;
        private BigDecimal minAbsGapPercent;
        private BigDecimal minChangePercent;
        private BigDecimal maxChangePercent;
        private BigDecimal minChangeFromOpenPercent;
        private BigDecimal minAtrPercent;
        private BigDecimal maxAtrPercent;
        private Integer topN;
        private SortKey sortBy;
        private Boolean sortDescending;

        private Builder() {
        }

        public Builder minPrice(BigDecimal value) {
            minPrice = value;
            return this;
        }

        public Builder maxPrice(BigDecimal value) {
            maxPrice = value;
            return this;
        }

        public Builder minAvgVolume(BigDecimal value) {
            minAvgVolume = value;
            return this;
        }

        public Builder minRelativeVolume(BigDecimal value) {
            minRelativeVolume = value;
            return this;
        }

        public Builder minGapPercent(BigDecimal value) {
            minGapPercent = value;
            return this;
        }

        public Builder maxGapPercent(BigDecimal value) {
            maxGapPercent = value;
            return this;
        }

        public Builder minAbsGapPercent(BigDecimal value) {
            minAbsGapPercent = value;
            return this;
        }

        public Builder minChangePercent(BigDecimal value) {
            minChangePercent = value;
            return this;
        }

        public Builder maxChangePercent(BigDecimal value) {
            maxChangePercent = value;
            return this;
        }

        public Builder minChangeFromOpenPercent(BigDecimal value) {
            minChangeFromOpenPercent = value;
            return this;
        }

        public Builder minAtrPercent(BigDecimal value) {
            minAtrPercent = value;
            return this;
        }

        public Builder maxAtrPercent(BigDecimal value) {
            maxAtrPercent = value;
            return this;
        }

        public Builder topN(Integer value) {
            topN = value;
            return this;
        }

        public Builder sortBy(SortKey value) {
            sortBy = value;
            return this;
        }

        public Builder sortDescending(Boolean value) {
            sortDescending = value;
            return this;
        }

        public ScanCriteria build() {
            return new ScanCriteria(minPrice, maxPrice, minAvgVolume, minRelativeVolume, minGapPercent,
                    maxGapPercent, minAbsGapPercent, minChangePercent, maxChangePercent, minChangeFromOpenPercent,
                    minAtrPercent, maxAtrPercent, topN, sortBy, sortDescending);
        }
    }
}
