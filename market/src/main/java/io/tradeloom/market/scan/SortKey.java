package io.tradeloom.market.scan;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a scan ranks by; the label ({@code abs_gap_percent}) is the API's name. */
public enum SortKey {
    CHANGE_PERCENT(Snapshot::changePercent),
    GAP_PERCENT(Snapshot::gapPercent),
    ABS_GAP_PERCENT(s -> s.gapPercent() == null ? null : s.gapPercent().abs()),
    RELATIVE_VOLUME(Snapshot::relativeVolume),
    VOLUME(s -> BigDecimal.valueOf(s.volumeToday())),
    DOLLAR_VOLUME(Snapshot::dollarVolume),
    ATR_PERCENT(Snapshot::atrPercent),
    PRICE(Snapshot::last);

    private final Function<Snapshot, BigDecimal> metric;

    SortKey(Function<Snapshot, BigDecimal> metric) {
        this.metric = metric;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The key labelled {@code label} (exact match, e.g. {@code relative_volume}). */
    public static SortKey parse(String label) {
        for (SortKey key : values()) {
            if (key.label().equals(label)) {
                return key;
            }
        }
        throw new IllegalArgumentException("unknown sort key '" + label + "': expected one of "
                + Arrays.stream(values()).map(SortKey::label).collect(Collectors.joining(", ")));
    }

    /** The snapshot's value of this key, or {@code null} if the metric is missing. */
    BigDecimal valueOf(Snapshot snapshot) {
        return metric.apply(snapshot);
    }
}
