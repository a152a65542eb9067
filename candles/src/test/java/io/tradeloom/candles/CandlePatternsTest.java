package io.tradeloom.candles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CandlePatternsTest {

    @Test
    void theRegistryHoldsExactlyTaLibsCandlestickFunctions() {
        assertThat(TaLib.CANDLESTICK_FUNCTIONS).hasSize(61);
        assertThat(CandlePatterns.all()).extracting(CandlePattern::id)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(TaLib.CANDLESTICK_FUNCTIONS.keySet());
    }

    @Test
    void patternsAreOrderedByIdAndEachHasItsOwnName() {
        assertThat(CandlePatterns.all()).isSortedAccordingTo(Comparator.comparing(CandlePattern::id));
        assertThat(CandlePatterns.all()).extracting(CandlePattern::name)
                .allSatisfy(name -> assertThat(name).isNotBlank())
                .doesNotHaveDuplicates();
        assertThat(CandlePatterns.find("CDLENGULFING")).map(CandlePattern::name).hasValue("Engulfing Pattern");
    }

    @Test
    void thePenetrationsBoundInAreTaLibsDefaults() {
        Map<String, Double> defaults = TaLib.CANDLESTICK_FUNCTIONS.values().stream()
                .filter(f -> f.optionalDefaults().length > 0)
                .collect(Collectors.toMap(TaLib.Function::name, f -> f.optionalDefaults()[0]));

        assertThat(defaults).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CDLABANDONEDBABY", CandlePatterns.STAR_PENETRATION,
                "CDLEVENINGDOJISTAR", CandlePatterns.STAR_PENETRATION,
                "CDLEVENINGSTAR", CandlePatterns.STAR_PENETRATION,
                "CDLMORNINGDOJISTAR", CandlePatterns.STAR_PENETRATION,
                "CDLMORNINGSTAR", CandlePatterns.STAR_PENETRATION,
                "CDLDARKCLOUDCOVER", CandlePatterns.HALF_PENETRATION,
                "CDLMATHOLD", CandlePatterns.HALF_PENETRATION));
    }

    @Test
    void idsAreFoundIgnoringCaseAndSurroundingSpace() {
        assertThat(CandlePatterns.find(" cdlDoji ")).map(CandlePattern::id).hasValue("CDLDOJI");
        assertThat(CandlePatterns.find("CDLDOJIS")).isEmpty();
        assertThat(CandlePatterns.find("DOJI")).isEmpty();
    }
}
