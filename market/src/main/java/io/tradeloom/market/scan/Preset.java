package io.tradeloom.market.scan;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The named scans. Combine one with explicit fields, which win: {@code preset.criteria().overriddenBy(given)}.
 * An override can tighten, loosen or move a preset's bound, not remove it (to drop a bound, scan without the
 * preset).
 */
public enum Preset {

    /**
     * {@code |gap| >= 3 %}, price 2 to 500, average volume at least 500,000; by the gap's size, largest first.
     * A gap either way is the overnight news the open trades on; the price band drops sub-$2 names (wide spreads,
     * percentages that mean little) and the volume floor keeps names one can trade size in.
     */
    GAPPERS(ScanCriteria.builder().minAbsGapPercent(BigDecimal.valueOf(3)).minPrice(BigDecimal.valueOf(2))
            .maxPrice(BigDecimal.valueOf(500)).minAvgVolume(BigDecimal.valueOf(500_000))
            .sortBy(SortKey.ABS_GAP_PERCENT).sortDescending(true).build()),

    /** Change since the previous close at least 0; the biggest gain first. */
    TOP_GAINERS(ScanCriteria.builder().minChangePercent(BigDecimal.ZERO).sortBy(SortKey.CHANGE_PERCENT)
            .sortDescending(true).build()),

    /** Change since the previous close at most 0; the biggest loss first. */
    TOP_LOSERS(ScanCriteria.builder().maxChangePercent(BigDecimal.ZERO).sortBy(SortKey.CHANGE_PERCENT)
            .sortDescending(false).build()),

    /**
     * Relative volume at least 2 (twice the volume usual by this time of day); the highest first. Volume running
     * ahead of its intraday norm is the footprint of news or of a large buyer or seller.
     */
    UNUSUAL_VOLUME(ScanCriteria.builder().minRelativeVolume(BigDecimal.valueOf(2))
            .sortBy(SortKey.RELATIVE_VOLUME).sortDescending(true).build()),

    /**
     * Up at least 2 % on the day, relative volume at least 1.5 and at or above today's open; the biggest gain
     * first. A rise on heavier than usual volume that has held since the open is a move being bought, where a
     * gap fading below its open is not.
     */
    MOMENTUM(ScanCriteria.builder().minChangePercent(BigDecimal.valueOf(2))
            .minRelativeVolume(new BigDecimal("1.5")).minChangeFromOpenPercent(BigDecimal.ZERO)
            .sortBy(SortKey.CHANGE_PERCENT).sortDescending(true).build());

    private final ScanCriteria criteria;

    Preset(ScanCriteria criteria) {
        this.criteria = criteria;
    }

    public ScanCriteria criteria() {
        return criteria;
    }

    /** The API name, e.g. {@code top_gainers}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The preset labelled {@code label} (exact match, e.g. {@code unusual_volume}). */
    public static Preset parse(String label) {
        for (Preset preset : values()) {
            if (preset.label().equals(label)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + label + "': expected one of "
                + Arrays.stream(values()).map(Preset::label).collect(Collectors.joining(", ")));
    }
}
