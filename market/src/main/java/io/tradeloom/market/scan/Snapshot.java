package io.tradeloom.market.scan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * One symbol's state at {@code asOf} together with the metrics scans filter and rank on.
 *
 * <p>"Today" is the symbol's most recent session with data (in progress, or over until the next one starts), so
 * scans after the close still see the day's moves. {@code prevClose}, {@code avgDailyVolume} and {@code atr14}
 * describe the completed sessions before it.
 *
 * <p>Derived metrics, all {@code null} when an input is missing (no previous session yet, fewer than 15 daily
 * bars for the ATR, a zero average volume); a criterion on a {@code null} metric never matches:
 * <ul>
 * <li>{@code changePercent = (last - prevClose) / prevClose * 100}</li>
 * <li>{@code gapPercent = (open - prevClose) / prevClose * 100}</li>
 * <li>{@code changeFromOpenPercent = (last - open) / open * 100} (never null)</li>
 * <li>{@code relativeVolume = volumeToday / (avgDailyVolume * expectedVolumeShare)}, the share of an average
 * day's volume normally traded by {@code asOf} (see {@link SymbolState})</li>
 * <li>{@code atrPercent = atr14 / last * 100}</li>
 * <li>{@code dollarVolume = last * volumeToday} (exact), the usual scanner approximation of the traded value</li>
 * </ul>
 * Percentages and the relative volume have scale 4, rounded half up; they are computed exactly in
 * {@link BigDecimal} (only the relative volume goes through a {@code double}, its profile being an estimate
 * anyway), so a value exactly on a criterion's bound matches it on every JDK. {@code avgDailyVolume} has
 * scale 0, {@code atr14} scale 4.
 *
 * <p>Build one with {@link #of}, which derives the metrics; the canonical constructor takes them as given
 * (e.g. read back from a stored scan) and only checks the inputs that are never missing.
 */
public record Snapshot(String symbol, Instant asOf, BigDecimal last, BigDecimal open, BigDecimal high,
                       BigDecimal low, BigDecimal prevClose, long volumeToday, BigDecimal avgDailyVolume,
                       BigDecimal atr14, BigDecimal changePercent, BigDecimal gapPercent,
                       BigDecimal changeFromOpenPercent, BigDecimal relativeVolume, BigDecimal atrPercent,
                       BigDecimal dollarVolume) {

    static final int SCALE = 4;

    public Snapshot {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(changeFromOpenPercent, "changeFromOpenPercent");
        Objects.requireNonNull(dollarVolume, "dollarVolume");
        if (volumeToday < 0) {
            throw new IllegalArgumentException("volumeToday " + volumeToday + " is negative");
        }
    }

    /**
     * A snapshot with its metrics derived from the inputs.
     *
     * @param prevClose           the previous session's close, or {@code null} if there is none
     * @param avgDailyVolume      the average volume of the previous sessions, or {@code null}
     * @param atr14               ATR(14) of the previous sessions' daily bars, or {@code null}
     * @param expectedVolumeShare the share (0, 1.x] of an average day's volume normally traded by {@code asOf}
     */
    public static Snapshot of(String symbol, Instant asOf, BigDecimal last, BigDecimal open, BigDecimal high,
                              BigDecimal low, BigDecimal prevClose, long volumeToday, BigDecimal avgDailyVolume,
                              BigDecimal atr14, double expectedVolumeShare) {
        BigDecimal relativeVolume = null;
        if (avgDailyVolume != null && avgDailyVolume.signum() > 0 && expectedVolumeShare > 0) {
            relativeVolume = BigDecimal.valueOf(volumeToday / (avgDailyVolume.doubleValue() * expectedVolumeShare))
                    .setScale(SCALE, RoundingMode.HALF_UP);
        }
        return new Snapshot(symbol, asOf, last, open, high, low, prevClose, volumeToday, avgDailyVolume, atr14,
                prevClose == null ? null : percentChange(last, prevClose),
                prevClose == null ? null : percentChange(open, prevClose),
                percentChange(last, open), relativeVolume,
                atr14 == null ? null : atr14.movePointRight(2).divide(last, SCALE, RoundingMode.HALF_UP),
                last.multiply(BigDecimal.valueOf(volumeToday)));
    }

    /** {@code (to - from) / from * 100}, exact before the final rounding. */
    private static BigDecimal percentChange(BigDecimal to, BigDecimal from) {
        return to.subtract(from).movePointRight(2).divide(from, SCALE, RoundingMode.HALF_UP);
    }
}
