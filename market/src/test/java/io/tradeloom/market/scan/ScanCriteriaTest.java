package io.tradeloom.market.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScanCriteriaTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void negativeBoundsThatCannotBeNegativeAreRejectedByTheirApiNames() {
        ScanCriteria criteria = ScanCriteria.builder().minPrice(d("-1")).maxPrice(d("-2")).minAvgVolume(d("-3"))
                .minRelativeVolume(d("-0.5")).minAbsGapPercent(d("-1")).minAtrPercent(d("-1"))
                .maxAtrPercent(d("-0.1")).build();
        assertThat(criteria.validate()).extracting(ScanCriteria.Problem::field).containsExactly(
                "min_price", "max_price", "min_price", "min_avg_volume", "min_relative_volume", "min_abs_gap_percent",
                "min_atr_percent", "max_atr_percent");
        assertThat(criteria.validate().getFirst().message()).isEqualTo("min_price -1 must not be negative");
    }

    @Test
    void signedGapAndChangeBoundsMayBeNegative() {
        assertThat(ScanCriteria.builder().minGapPercent(d("-10")).maxGapPercent(d("-2")).minChangePercent(d("-5"))
                .maxChangePercent(d("-1")).minChangeFromOpenPercent(d("-3")).build().validate()).isEmpty();
    }

    @Test
    void aMinimumAboveItsMaximumIsReportedOnTheMinimum() {
        ScanCriteria criteria = ScanCriteria.builder().minPrice(d("10")).maxPrice(d("5"))
                .minGapPercent(d("3")).maxGapPercent(d("-3")).minChangePercent(d("1")).maxChangePercent(d("0.5"))
                .minAtrPercent(d("4")).maxAtrPercent(d("2")).build();
        assertThat(criteria.validate()).extracting(ScanCriteria.Problem::field, ScanCriteria.Problem::message)
                .containsExactly(
                        tuple("min_price", "min_price 10 is above max_price 5"),
                        tuple("min_gap_percent", "min_gap_percent 3 is above max_gap_percent -3"),
                        tuple("min_change_percent", "min_change_percent 1 is above max_change_percent 0.5"),
                        tuple("min_atr_percent", "min_atr_percent 4 is above max_atr_percent 2"));
    }

    @Test
    void equalMinimumAndMaximumAreValid() {
        assertThat(ScanCriteria.builder().minPrice(d("10")).maxPrice(d("10.00")).build().validate()).isEmpty();
    }

    @Test
    void topNMustBeFromOneToTheMaximum() {
        assertThat(ScanCriteria.builder().topN(0).build().validate())
                .containsExactly(new ScanCriteria.Problem("top_n", "top_n 0 must be between 1 and 500"));
        assertThat(ScanCriteria.builder().topN(501).build().validate()).extracting(ScanCriteria.Problem::field)
                .containsExactly("top_n");
        assertThat(ScanCriteria.builder().topN(500).build().validate()).isEmpty();
        assertThat(ScanCriteria.builder().topN(1).build().validate()).isEmpty();
        assertThat(ScanCriteria.builder().topN(100).build().validate(50)).extracting(ScanCriteria.Problem::field)
                .containsExactly("top_n");
    }

    @Test
    void unsetFieldsTakeTheDefaults() {
        ScanCriteria none = ScanCriteria.none();
        assertThat(none.validate()).isEmpty();
        assertThat(none.topNOrDefault()).isEqualTo(20);
        assertThat(none.sortByOrDefault()).isEqualTo(SortKey.CHANGE_PERCENT);
        assertThat(none.sortDescendingOrDefault()).isTrue();
    }

    @Test
    void explicitFieldsOverrideAPresetAndTheRestOfThePresetStays() {
        ScanCriteria criteria = Preset.GAPPERS.criteria().overriddenBy(ScanCriteria.builder()
                .minAbsGapPercent(d("5")).maxPrice(d("100")).topN(10).sortBy(SortKey.RELATIVE_VOLUME).build());
        assertThat(criteria).isEqualTo(ScanCriteria.builder().minAbsGapPercent(d("5")).minPrice(d("2"))
                .maxPrice(d("100")).minAvgVolume(d("500000")).topN(10).sortBy(SortKey.RELATIVE_VOLUME)
                .sortDescending(true).build());
        assertThat(Preset.TOP_LOSERS.criteria().overriddenBy(ScanCriteria.none()))
                .isEqualTo(Preset.TOP_LOSERS.criteria());
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPresetIsValidAndParsesFromItsLabel(Preset preset) {
        assertThat(preset.criteria().validate()).isEmpty();
        assertThat(Preset.parse(preset.label())).isEqualTo(preset);
    }

    @Test
    void presetAndSortKeyLabelsAreSnakeCaseAndUnknownOnesAreNamed() {
        assertThat(Preset.UNUSUAL_VOLUME.label()).isEqualTo("unusual_volume");
        assertThat(SortKey.parse("abs_gap_percent")).isEqualTo(SortKey.ABS_GAP_PERCENT);
        assertThatThrownBy(() -> Preset.parse("rockets")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown preset 'rockets': expected one of gappers, top_gainers");
        assertThatThrownBy(() -> SortKey.parse("CHANGE_PERCENT")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("change_percent");
    }
}
