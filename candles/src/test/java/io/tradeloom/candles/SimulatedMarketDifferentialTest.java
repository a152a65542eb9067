package io.tradeloom.candles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;

/**
 * The engine against TA-Lib on the simulated market: every symbol's 1-minute bars over five sessions (gapless
 * within a session, as real minutes mostly are) and its daily bars over sixty sessions (gapping at every open).
 */
class SimulatedMarketDifferentialTest {

    private static final int MINUTE_SESSIONS = 5;
    private static final int DAILY_SESSIONS = 60;

    /** Per series ("AAPL 1Min"), the engine's detections with all 61 patterns at once, as the service runs it. */
    private static final Map<String, BarSeries> series = new LinkedHashMap<>();
    private static final Map<String, List<Detection>> detected = new LinkedHashMap<>();

    @BeforeAll
    static void detect() {
        Series.simulated(MINUTE_SESSIONS, Timeframe.MIN_1).forEach((symbol, s) -> series.put(symbol + " 1Min", s));
        Series.simulated(DAILY_SESSIONS, Timeframe.DAY_1).forEach((symbol, s) -> series.put(symbol + " 1Day", s));
        CandleEngine engine = new CandleEngine();
        series.forEach((name, s) -> detected.put(name, engine.detect(s, CandlePatterns.all())));
    }

    static Stream<String> ids() {
        return CandlePatterns.all().stream().map(CandlePattern::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void detectionsMatchTaLibOnEverySimulatedSeries(String id) {
        series.forEach((name, s) -> assertThat(of(detected.get(name), id)).as(name)
                .isEqualTo(TaLib.detections(id, s)));
    }

    @Test
    void detectionsAreOrderedByBarThenPatternId() {
        detected.forEach((name, found) -> assertThat(found).as(name).isSortedAccordingTo(
                Comparator.comparingInt(Detection::index).thenComparing(d -> d.pattern().id())));
    }

    @Test
    void mostPatternsShowUpInSimulatedBars() {
        Map<String, Long> fired = new TreeMap<>(detected.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(d -> d.pattern().id(), Collectors.counting())));
        List<String> never = ids().filter(id -> !fired.containsKey(id)).toList();
        System.out.println("Detections per pattern on simulated bars: " + fired);
        System.out.println("Patterns that never fired on simulated bars (" + never.size() + "): " + never);

        // 53 of 61 with seed 42; the rest need gaps or runs the simulation rarely draws (see Textbook for those).
        assertThat(fired).hasSizeGreaterThanOrEqualTo(50);
    }

    private static List<String> of(List<Detection> found, String id) {
        return found.stream().filter(d -> d.pattern().id().equals(id)).map(d -> d.index() + ":" + d.value()).toList();
    }
}
