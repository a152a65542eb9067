package io.tradeloom.market.scan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Filters snapshots by {@link ScanCriteria} and ranks the matches.
 *
 * <p>A snapshot matches when it meets every given criterion; a criterion on a missing ({@code null}) metric does
 * not match. Matches are ranked by the sort key, those missing it last, ties by symbol, so equal inputs always
 * give the same order; the first {@code topN} become candidates, each with the criteria it passed.
 *
 * <p>Cost: a few comparisons and one small object per match, then a sort of the matches; the
 * {@code qualifiedBy} strings are built for the returned candidates only. Stateless and thread-safe.
 */
public final class ScanEngine {

    private static final Function<Snapshot, BigDecimal> ABS_GAP =
            s -> s.gapPercent() == null ? null : s.gapPercent().abs();

    private final int maxTopN;

    /** An engine allowing {@code top_n} up to {@value ScanCriteria#DEFAULT_MAX_TOP_N}. */
    public ScanEngine() {
        this(ScanCriteria.DEFAULT_MAX_TOP_N);
    }

    public ScanEngine(int maxTopN) {
        if (maxTopN < 1) {
            throw new IllegalArgumentException("maxTopN " + maxTopN + " must be at least 1");
        }
        this.maxTopN = maxTopN;
    }

    public int maxTopN() {
        return maxTopN;
    }

    /**
     * Scans {@code universe}.
     *
     * @throws IllegalArgumentException listing the problems if {@code criteria} are invalid (check
     *                                  {@link ScanCriteria#validate(int)} first to answer them field by field)
     */
    public ScanResult scan(Collection<Snapshot> universe, ScanCriteria criteria) {
        List<ScanCriteria.Problem> problems = criteria.validate(maxTopN);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid scan criteria: " + problems.stream()
                    .map(ScanCriteria.Problem::message).collect(Collectors.joining("; ")));
        }
        List<Criterion> tests = criteriaOf(criteria);
        SortKey key = criteria.sortByOrDefault();
        List<Ranked> matched = new ArrayList<>();
        for (Snapshot snapshot : universe) {
            if (passesAll(tests, snapshot)) {
                matched.add(new Ranked(key.valueOf(snapshot), snapshot));
            }
        }
        Comparator<BigDecimal> direction = criteria.sortDescendingOrDefault() ? Comparator.reverseOrder()
                : Comparator.naturalOrder();
        matched.sort(Comparator.comparing(Ranked::key, Comparator.nullsLast(direction))
                .thenComparing(r -> r.snapshot().symbol()));
        int count = Math.min(criteria.topNOrDefault(), matched.size());
        List<Candidate> candidates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Snapshot snapshot = matched.get(i).snapshot();
            candidates.add(new Candidate(i + 1, snapshot.symbol(), snapshot,
                    tests.stream().map(c -> c.describe(snapshot)).toList()));
        }
        return new ScanResult(candidates, universe.size(), matched.size());
    }

    private static boolean passesAll(List<Criterion> tests, Snapshot snapshot) {
        for (Criterion test : tests) {
            if (!test.passes(snapshot)) {
                return false;
            }
        }
        return true;
    }

    /** The given criteria as tests, in the record's field order (the order of {@code qualifiedBy}). */
    private static List<Criterion> criteriaOf(ScanCriteria c) {
        List<Criterion> tests = new ArrayList<>();
        add(tests, "price", Snapshot::last, true, c.minPrice());
        add(tests, "price", Snapshot::last, false, c.maxPrice());
        add(tests, "avg_volume", Snapshot::avgDailyVolume, true, c.minAvgVolume());
        add(tests, "relative_volume", Snapshot::relativeVolume, true, c.minRelativeVolume());
        add(tests, "gap_percent", Snapshot::gapPercent, true, c.minGapPercent());
        add(tests, "gap_percent", Snapshot::gapPercent, false, c.maxGapPercent());
        add(tests, "abs_gap_percent", ABS_GAP, true, c.minAbsGapPercent());
        add(tests, "change_percent", Snapshot::changePercent, true, c.minChangePercent());
        add(tests, "change_percent", Snapshot::changePercent, false, c.maxChangePercent());
        add(tests, "change_from_open_percent", Snapshot::changeFromOpenPercent, true, c.minChangeFromOpenPercent());
        add(tests, "atr_percent", Snapshot::atrPercent, true, c.minAtrPercent());
        add(tests, "atr_percent", Snapshot::atrPercent, false, c.maxAtrPercent());
        return tests;
    }

    private static void add(List<Criterion> tests, String metric, Function<Snapshot, BigDecimal> value,
                            boolean atLeast, BigDecimal bound) {
        if (bound != null) {
            tests.add(new Criterion(metric, value, atLeast, bound));
        }
    }

    /** {@code metric >= bound} or {@code metric <= bound}. */
    private record Criterion(String metric, Function<Snapshot, BigDecimal> value, boolean atLeast,
                             BigDecimal bound) {

        boolean passes(Snapshot snapshot) {
            BigDecimal v = value.apply(snapshot);
            if (v == null) {
                return false;
            }
            int comparison = v.compareTo(bound);
            return atLeast ? comparison >= 0 : comparison <= 0;
        }

        /** E.g. {@code gap_percent 4.12 >= 3}: trailing zeros dropped, since metrics carry scale 4. */
        String describe(Snapshot snapshot) {
            return metric + " " + plain(value.apply(snapshot)) + (atLeast ? " >= " : " <= ") + plain(bound);
        }

        private static String plain(BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
    }

    private record Ranked(BigDecimal key, Snapshot snapshot) {
    }
}
