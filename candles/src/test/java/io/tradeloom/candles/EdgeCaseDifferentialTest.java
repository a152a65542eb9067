package io.tradeloom.candles;

import static io.tradeloom.candles.Series.candle;
import static io.tradeloom.candles.Series.downtrend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;

/**
 * The engine against TA-Lib on hand-made candles (textbook patterns, gaps, flat bars, zero volume, too few bars) and
 * on random candles on a coarse price grid, where equalities and gaps abound.
 */
class EdgeCaseDifferentialTest {

    private static final int GRID_SEEDS = 20;
    private static final int GRID_BARS = 2000;

    private final CandleEngine engine = new CandleEngine();

    static Stream<Arguments> cases() {
        Map<String, BarSeries> cases = new LinkedHashMap<>();
        cases.put("no bars", Series.of());
        cases.put("one bar", Series.of(candle(10, 11, 9, 10.5)));
        cases.put("two bars", Series.of(candle(10, 11, 9, 10.5), candle(10.5, 11, 9.5, 9.8)));
        Textbook.ALL.forEach(t -> cases.put("textbook " + t, t.bars()));
        cases.put("gaps at every bar", gaps());
        cases.put("flat bars only", Series.of(IntStream.range(0, 30).mapToObj(i -> candle(10, 10, 10, 10)).toArray(double[][]::new)));
        cases.put("flat bars among ordinary ones", flatAmongOrdinary());
        cases.put("zero volume", zeroVolume(Series.simulated(1, Timeframe.MIN_1).get("AAPL")));
        for (long seed = 1; seed <= GRID_SEEDS; seed++) {
            cases.put("coarse grid " + seed, Series.coarseGrid(seed, GRID_BARS));
        }
        return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyPatternMatchesTaLib(String name, BarSeries bars) {
        Map<String, List<String>> found = engine.detect(bars, CandlePatterns.all()).stream()
                .collect(Collectors.groupingBy(d -> d.pattern().id(),
                        Collectors.mapping(d -> d.index() + ":" + d.value(), Collectors.toList())));
        for (CandlePattern p : CandlePatterns.all()) {
            assertThat(found.getOrDefault(p.id(), List.of())).as(p.id()).isEqualTo(TaLib.detections(p.id(), bars));
        }
    }

    @Test
    void tooFewBarsYieldNoDetections() {
        assertThat(engine.detect(Series.of(), CandlePatterns.all())).isEmpty();
        assertThat(engine.detect(Series.of(candle(10, 11, 9, 10.5)), CandlePatterns.all())).isEmpty();
        assertThat(engine.detect(Series.of(candle(10, 11, 9, 10.5), candle(10.5, 11, 9.5, 9.8)), CandlePatterns.all())).isEmpty();
    }

    static Stream<Textbook> textbook() {
        return Textbook.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textbook")
    void textbookCandlesAreRecognisedAtTheirLastBar(Textbook t) {
        List<Detection> found = engine.detect(t.bars(), List.of(CandlePatterns.find(t.id()).orElseThrow()));

        assertThat(found).extracting(Detection::index, Detection::value).contains(tuple(t.last(), t.value()));
        Detection last = found.getLast();
        assertThat(last.time()).isEqualTo(t.bars().time()[t.last()]);
        assertThat(last.direction()).isEqualTo(t.value() > 0 ? Direction.BULLISH : Direction.BEARISH);
    }

    @Test
    void volumeDoesNotChangeAnyDetection() {
        BarSeries minutes = Series.simulated(1, Timeframe.MIN_1).get("MSFT");

        assertThat(engine.detect(zeroVolume(minutes), CandlePatterns.all()))
                .isEqualTo(engine.detect(minutes, CandlePatterns.all()));
    }

    @Test
    void everyPatternFiresOnTheHandMadeOrCoarseGridCandles() {
        Set<String> fired = new TreeSet<>();
        Textbook.ALL.forEach(t -> engine.detect(t.bars(), CandlePatterns.all()).forEach(d -> fired.add(d.pattern().id())));
        for (long seed = 1; seed <= GRID_SEEDS; seed++) {
            engine.detect(Series.coarseGrid(seed, GRID_BARS), CandlePatterns.all()).forEach(d -> fired.add(d.pattern().id()));
        }

        assertThat(fired).containsExactlyInAnyOrderElementsOf(CandlePatterns.all().stream().map(CandlePattern::id).toList());
    }

    @Test
    void onlyTheRequestedPatternsAreRun() {
        BarSeries morningStar = Textbook.ALL.stream().filter(t -> t.id().equals("CDLMORNINGSTAR")).findFirst().orElseThrow().bars();
        List<Detection> found = engine.detect(morningStar,
                List.of(CandlePatterns.find("CDLMORNINGSTAR").orElseThrow(), CandlePatterns.find("CDLDOJI").orElseThrow()));

        assertThat(found).extracting(d -> d.pattern().id()).containsOnly("CDLMORNINGSTAR", "CDLDOJI").contains("CDLMORNINGSTAR");
    }

    /** Ordinary candles, each opening 2 above or below the previous close, in runs of three. */
    private static BarSeries gaps() {
        double[][] candles = new double[40][];
        double close = 50;
        for (int i = 0; i < candles.length; i++) {
            double open = close + ((i / 3) % 2 == 0 ? 2 : -2);
            close = open + (i % 2 == 0 ? 1 : -1);
            candles[i] = candle(open, Math.max(open, close) + 0.25, Math.min(open, close) - 0.25, close);
        }
        return Series.of(candles);
    }

    private static BarSeries flatAmongOrdinary() {
        double[][] candles = downtrend(40, 40);
        for (int i = 3; i < candles.length; i += 4) {
            double price = candles[i - 1][3];
            candles[i] = candle(price, price, price, price);
        }
        return Series.of(candles);
    }

    private static BarSeries zeroVolume(BarSeries bars) {
        return new BarSeries(bars.time(), bars.open(), bars.high(), bars.low(), bars.close(), new double[bars.size()]);
    }
}
