package io.tradeloom.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Shapes close to a pattern that break one of its rules: the pattern must not be reported. */
class NearMissTest {

    private static final ChartEngine ENGINE = new ChartEngine();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aHeadLowerThanItsShouldersIsNoHeadAndShoulders(long seed) {
        assertThat(types(Generated.lowHead(seed))).doesNotContain(ChartPatternType.HEAD_AND_SHOULDERS);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aTriangleWhoseLinesDivergeIsNoTriangleOrWedge(long seed) {
        assertThat(types(Generated.broadening(seed))).doesNotContainAnyElementsOf(EnumSet.of(
                ChartPatternType.SYMMETRICAL_TRIANGLE, ChartPatternType.ASCENDING_TRIANGLE,
                ChartPatternType.DESCENDING_TRIANGLE, ChartPatternType.RISING_WEDGE, ChartPatternType.FALLING_WEDGE));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void peaksFortyPercentOfTheHeightApartAreNoDoubleTop(long seed) {
        assertThat(types(Generated.unequalPeaks(seed))).doesNotContain(ChartPatternType.DOUBLE_TOP);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aConsolidationGivingBackMostOfThePoleIsNoFlag(long seed) {
        assertThat(types(Generated.deepFlag(seed))).doesNotContain(ChartPatternType.BULL_FLAG, ChartPatternType.BULL_PENNANT);
    }

    private static Set<ChartPatternType> types(Generated.Labelled example) {
        List<ChartPattern> found = ENGINE.analyse(example.series()).patterns();
        Set<ChartPatternType> types = EnumSet.noneOf(ChartPatternType.class);
        found.forEach(p -> types.add(p.type()));
        return types;
    }
}
