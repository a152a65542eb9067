package io.tradeloom.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.BarSeries;

class IndicatorEngineTest {

    private final IndicatorEngine engine = new IndicatorEngine();
    private final BarSeries sim = BarSeries.of(TestBars.simulatedMinutes("MSFT", 1));

    @Test
    void fewerBarsThanTheLookbackGiveOnlyUndefinedValuesAndOneMoreGivesTheFirstValue() {
        for (Indicator indicator : Indicator.values()) {
            if (indicator == Indicator.VWAP) {
                continue;
            }
            IndicatorSpec spec = IndicatorSpec.of(indicator);
            int lookback = firstDefined(engine.compute(sim, spec).outputs().values().iterator().next());

            IndicatorResult tooFew = engine.compute(TestBars.head(sim, lookback), spec);
            IndicatorResult enough = engine.compute(TestBars.head(sim, lookback + 1), spec);

            assertThat(tooFew.outputs().values()).as(spec.text() + " on " + lookback + " bars")
                    .allSatisfy(values -> assertThat(Arrays.stream(values)).hasSize(lookback).allMatch(v -> v.isNaN()));
            assertThat(enough.outputs().values()).as(spec.text() + " on " + (lookback + 1) + " bars")
                    .allSatisfy(values -> assertThat(values[lookback]).isNotNaN());
        }
    }

    @Test
    void everyOutputIsAsLongAsTheBarsEvenWithoutBars() {
        BarSeries none = TestBars.head(sim, 0);
        for (Indicator indicator : Indicator.values()) {
            IndicatorSpec spec = IndicatorSpec.of(indicator);
            assertThat(engine.compute(sim, spec).outputs()).as(spec.text())
                    .containsOnlyKeys(indicator.outputs())
                    .allSatisfy((name, values) -> assertThat(values).hasSize(sim.size()));
            assertThat(engine.compute(none, spec).outputs()).allSatisfy((name, values) -> assertThat(values).isEmpty());
        }
    }

    @Test
    void resultsAreKeyedByTheSpecTextInTheOrderAsked() {
        Map<String, IndicatorResult> results = engine.compute(sim, List.of(IndicatorSpec.parse("rsi"),
                IndicatorSpec.parse("MACD(12,26,9)"), IndicatorSpec.parse("RSI(14)")));

        assertThat(results).containsOnlyKeys("rsi", "MACD(12,26,9)", "RSI(14)");
        assertThat(List.copyOf(results.keySet())).containsExactly("rsi", "MACD(12,26,9)", "RSI(14)");
        assertThat(results.get("rsi").value()).isEqualTo(results.get("RSI(14)").value());
    }

    @Test
    void buffersGiveTheSameValuesAndAreReusedWhileTheLengthStaysTheSame() {
        List<IndicatorSpec> specs = List.of(IndicatorSpec.parse("MACD"), IndicatorSpec.parse("VWAP"), IndicatorSpec.parse("RSI"));
        IndicatorBuffers buffers = new IndicatorBuffers();
        Map<String, IndicatorResult> fresh = engine.compute(sim, specs);

        Map<String, IndicatorResult> first = engine.compute(sim, specs, buffers);
        Map<String, IndicatorResult> again = engine.compute(sim, specs, buffers);
        Map<String, IndicatorResult> shorter = engine.compute(TestBars.head(sim, 100), specs, buffers);

        assertThat(first.keySet()).containsExactlyElementsOf(fresh.keySet());
        fresh.forEach((text, result) -> result.outputs().forEach((name, values) -> {
            assertThat(first.get(text).output(name)).as(text + " " + name).isEqualTo(values);
            assertThat(again.get(text).output(name)).as(text + " " + name).isSameAs(first.get(text).output(name));
            assertThat(shorter.get(text).output(name)).as(text + " " + name).hasSize(100)
                    .isNotSameAs(first.get(text).output(name));
        }));
    }

    private static int firstDefined(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                return i;
            }
        }
        throw new AssertionError("never defined");
    }
}
