package io.tradeloom.market.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScanEngineTest {

    private static final Instant AS_OF = Instant.parse("2026-03-09T15:00:00Z");
    private final ScanEngine engine = new ScanEngine();

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** A snapshot whose relative volume is simply volume / average (the whole day's volume expected by now). */
    static Snapshot snap(String symbol, String prevClose, String open, String last, long volume, Long avgVolume,
                         String atr) {
        BigDecimal o = d(open);
        BigDecimal l = d(last);
        return Snapshot.of(symbol, AS_OF, l, o, o.max(l), o.min(l), prevClose == null ? null : d(prevClose), volume,
                avgVolume == null ? null : BigDecimal.valueOf(avgVolume), atr == null ? null : d(atr), 1.0);
    }

    private static List<String> symbols(ScanResult result) {
        return result.candidates().stream().map(Candidate::symbol).toList();
    }

    // each criterion

    /** change 6, gap 4, from open 1.9231, relative volume 2, ATR 4 % of 53, average volume 1 M. */
    private static final Snapshot REF = snap("REF", "50", "52", "53", 2_000_000, 1_000_000L, "2.12");
    /** No previous session: every metric that needs one is missing. */
    private static final Snapshot NULLS = snap("NULLS", null, "52", "53", 2_000_000, null, null);

    record Case(String field, BiFunction<ScanCriteria.Builder, BigDecimal, ScanCriteria.Builder> set,
                String valueAtRef, boolean atLeast, boolean canBeMissing, String qualified) {
        @Override
        public String toString() {
            return field;
        }
    }

    static Stream<Case> criteria() {
        return Stream.of(
                new Case("min_price", ScanCriteria.Builder::minPrice, "53", true, false, "price 53 >= 53"),
                new Case("max_price", ScanCriteria.Builder::maxPrice, "53", false, false, "price 53 <= 53"),
                new Case("min_avg_volume", ScanCriteria.Builder::minAvgVolume, "1000000", true, true,
                        "avg_volume 1000000 >= 1000000"),
                new Case("min_relative_volume", ScanCriteria.Builder::minRelativeVolume, "2", true, true,
                        "relative_volume 2 >= 2"),
                new Case("min_gap_percent", ScanCriteria.Builder::minGapPercent, "4", true, true,
                        "gap_percent 4 >= 4"),
                new Case("max_gap_percent", ScanCriteria.Builder::maxGapPercent, "4", false, true,
                        "gap_percent 4 <= 4"),
                new Case("min_abs_gap_percent", ScanCriteria.Builder::minAbsGapPercent, "4", true, true,
                        "abs_gap_percent 4 >= 4"),
                new Case("min_change_percent", ScanCriteria.Builder::minChangePercent, "6", true, true,
                        "change_percent 6 >= 6"),
                new Case("max_change_percent", ScanCriteria.Builder::maxChangePercent, "6", false, true,
                        "change_percent 6 <= 6"),
                new Case("min_change_from_open_percent", ScanCriteria.Builder::minChangeFromOpenPercent, "1.9231",
                        true, false, "change_from_open_percent 1.9231 >= 1.9231"),
                new Case("min_atr_percent", ScanCriteria.Builder::minAtrPercent, "4", true, true,
                        "atr_percent 4 >= 4"),
                new Case("max_atr_percent", ScanCriteria.Builder::maxAtrPercent, "4", false, true,
                        "atr_percent 4 <= 4"));
    }

    private ScanResult scanWith(Case c, BigDecimal bound, Snapshot... universe) {
        return engine.scan(List.of(universe), c.set().apply(ScanCriteria.builder(), bound).build());
    }

    @ParameterizedTest
    @MethodSource("criteria")
    void eachCriterionIncludesItsBoundAndExcludesBeyondIt(Case c) {
        BigDecimal atRef = d(c.valueAtRef());
        ScanResult onBound = scanWith(c, atRef, REF);
        assertThat(symbols(onBound)).containsExactly("REF");
        assertThat(onBound.candidates().getFirst().qualifiedBy()).containsExactly(c.qualified());

        BigDecimal beyond = c.atLeast() ? atRef.add(d("0.0001")) : atRef.subtract(d("0.0001"));
        assertThat(scanWith(c, beyond, REF).matched()).isZero();
    }

    @ParameterizedTest
    @MethodSource("criteria")
    void aCriterionOnAMissingMetricNeverMatches(Case c) {
        BigDecimal permissive = c.atLeast() ? BigDecimal.ZERO : d("1000000000");
        assertThat(symbols(scanWith(c, permissive, REF, NULLS)))
                .containsExactlyInAnyOrder(c.canBeMissing() ? new String[] {"REF"} : new String[] {"NULLS", "REF"});
    }

    @Test
    void theAbsoluteGapCatchesGapsEitherWay() {
        List<Snapshot> universe = List.of(
                snap("DOWN", "50", "48", "48", 1, 1L, null), // -4 %
                snap("UP", "50", "52", "52", 1, 1L, null), // +4 %
                snap("FLAT", "50", "51", "52", 1, 1L, null)); // +2 %
        ScanResult result = engine.scan(universe, ScanCriteria.builder().minAbsGapPercent(d("4")).build());
        assertThat(symbols(result)).containsExactlyInAnyOrder("DOWN", "UP");
        assertThat(result.candidates()).filteredOn(c -> c.symbol().equals("DOWN")).singleElement()
                .satisfies(c -> assertThat(c.qualifiedBy()).containsExactly("abs_gap_percent 4 >= 4"));
    }

    // ranking

    @Test
    void theTopNAreCutFromTheMatchesWithTiesInSymbolOrderWhateverTheInputOrder() {
        List<Snapshot> universe = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            universe.add(snap("S%02d".formatted(i), "10", "10", "11", 1000, 1000L, null)); // all +10 %
        }
        universe.add(snap("TOP", "10", "10", "12", 1000, 1000L, null));
        universe.add(snap("OUT", "10", "10", "9", 1000, 1000L, null));
        Collections.shuffle(universe, new Random(3));
        ScanResult result = engine.scan(universe, ScanCriteria.builder().minChangePercent(d("10")).topN(5).build());
        assertThat(result.universeSize()).isEqualTo(32);
        assertThat(result.matched()).isEqualTo(31);
        assertThat(symbols(result)).containsExactly("TOP", "S00", "S01", "S02", "S03");
        assertThat(result.candidates()).extracting(Candidate::rank).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void snapshotsMissingTheSortKeyRankLastEitherWay() {
        List<Snapshot> universe = List.of(
                snap("NONE", "10", "10", "10", 1, 1L, null),
                snap("LOW", "10", "10", "10", 1, 1L, "0.10"),
                snap("HIGH", "10", "10", "10", 1, 1L, "0.50"));
        ScanCriteria byAtr = ScanCriteria.builder().sortBy(SortKey.ATR_PERCENT).build();
        assertThat(symbols(engine.scan(universe, byAtr))).containsExactly("HIGH", "LOW", "NONE");
        assertThat(symbols(engine.scan(universe, byAtr.overriddenBy(ScanCriteria.builder().sortDescending(false)
                .build())))).containsExactly("LOW", "HIGH", "NONE");
    }

    @Test
    void withoutCriteriaEverySymbolMatchesRankedByChangeQualifiedByNothing() {
        List<Snapshot> universe = List.of(snap("A", "10", "10", "10.5", 1, 1L, null),
                snap("B", "10", "10", "11", 1, 1L, null));
        ScanResult result = engine.scan(universe, ScanCriteria.none());
        assertThat(symbols(result)).containsExactly("B", "A");
        assertThat(result.candidates()).allSatisfy(c -> assertThat(c.qualifiedBy()).isEmpty());
        assertThat(result.candidates().getFirst().metrics()).isSameAs(universe.get(1));
    }

    @Test
    void eachSortKeyRanksByItsMetric() {
        // A leads on change, gap, relative volume and ATR; B on volume, dollar volume and price
        Snapshot a = snap("A", "10", "11", "12", 1000, 100L, "1");
        Snapshot b = snap("B", "100", "99", "101", 5000, 10_000L, "1");
        List<Snapshot> universe = List.of(a, b);
        for (SortKey key : SortKey.values()) {
            List<String> expected = switch (key) {
                case CHANGE_PERCENT, GAP_PERCENT, ABS_GAP_PERCENT, RELATIVE_VOLUME, ATR_PERCENT -> List.of("A", "B");
                case VOLUME, DOLLAR_VOLUME, PRICE -> List.of("B", "A");
            };
            assertThat(symbols(engine.scan(universe, ScanCriteria.builder().sortBy(key).build()))).as(key.label())
                    .isEqualTo(expected);
        }
    }

    @Test
    void invalidCriteriaAreRefusedAgainstTheEnginesMaximum() {
        assertThatThrownBy(() -> engine.scan(List.of(REF), ScanCriteria.builder().minPrice(d("5"))
                .maxPrice(d("1")).build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid scan criteria: min_price 5 is above max_price 1");
        assertThatThrownBy(() -> new ScanEngine(50).scan(List.of(REF), ScanCriteria.builder().topN(51).build()))
                .hasMessageContaining("top_n 51 must be between 1 and 50");
    }

    // presets on a crafted universe (prices, volumes; relative volume = volume / average)

    private static final List<Snapshot> MARKET = List.of(
            snap("AAA", "10.00", "10.50", "10.80", 3_000_000, 1_000_000L, null), // gap +5, chg +8, rv 3
            snap("BBB", "20.00", "18.80", "18.00", 1_600_000, 800_000L, null), // gap -6, chg -10, rv 2
            snap("CCC", "50.00", "51.00", "51.50", 900_000, 600_000L, null), // gap +2, chg +3, rv 1.5
            snap("DDD", "30.00", "31.50", "31.00", 2_000_000, 1_000_000L, null), // gap +5, chg +3.33, rv 2, < open
            snap("EEE", "1.00", "1.10", "1.20", 5_000_000, 2_000_000L, null), // penny: gap +10, chg +20, rv 2.5
            snap("FFF", "40.00", "40.00", "40.00", 500_000, 1_000_000L, null), // unchanged, rv 0.5
            snap("GGG", "100.00", "104.00", "105.00", 300_000, 200_000L, null), // thin: gap +4, chg +5, rv 1.5
            snap("HHH", "600.00", "624.00", "630.00", 1_000_000, 1_000_000L, null), // pricey: gap +4, chg +5, rv 1
            snap("III", "25.00", "24.50", "24.00", 400_000, 1_000_000L, null), // gap -2, chg -4, rv 0.4
            snap("NEW", null, "5.00", "6.00", 1_000_000, null, null)); // no history

    private List<String> scan(Preset preset) {
        return symbols(engine.scan(MARKET, preset.criteria()));
    }

    @Test
    void gappersAreLiquidMidPricedNamesGappingThreePercentEitherWayBiggestGapFirst() {
        assertThat(scan(Preset.GAPPERS)).containsExactly("BBB", "AAA", "DDD");
        assertThat(engine.scan(MARKET, Preset.GAPPERS.criteria()).candidates().get(1).qualifiedBy()).containsExactly(
                "price 10.8 >= 2", "price 10.8 <= 500", "avg_volume 1000000 >= 500000", "abs_gap_percent 5 >= 3");
    }

    @Test
    void topGainersAreTheUnchangedOrBetterBiggestGainFirst() {
        assertThat(scan(Preset.TOP_GAINERS)).containsExactly("EEE", "AAA", "GGG", "HHH", "DDD", "CCC", "FFF");
    }

    @Test
    void topLosersAreTheUnchangedOrWorseBiggestLossFirst() {
        assertThat(scan(Preset.TOP_LOSERS)).containsExactly("BBB", "III", "FFF");
    }

    @Test
    void unusualVolumeIsAtLeastTwiceTheUsualVolumeByNowHighestFirst() {
        assertThat(scan(Preset.UNUSUAL_VOLUME)).containsExactly("AAA", "EEE", "BBB", "DDD");
    }

    @Test
    void momentumIsUpTwoPercentOnHeavyVolumeHoldingTheOpenBiggestGainFirst() {
        assertThat(scan(Preset.MOMENTUM)).containsExactly("EEE", "AAA", "GGG", "CCC");
    }

    @Test
    void aPresetNarrowedByAnOverrideKeepsItsOtherRules() {
        ScanCriteria gappersUp = Preset.GAPPERS.criteria().overriddenBy(ScanCriteria.builder()
                .minGapPercent(BigDecimal.ZERO).build());
        assertThat(symbols(engine.scan(MARKET, gappersUp))).containsExactly("AAA", "DDD");
    }
}
