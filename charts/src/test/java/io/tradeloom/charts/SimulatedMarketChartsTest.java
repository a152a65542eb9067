package io.tradeloom.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.sim.SimSession;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.market.sim.SimulatedMarket;

/** The simulated market's bars: every symbol, several sessions; no crash, well-formed output, plausible counts. */
class SimulatedMarketChartsTest {

    private static final SimulatedMarket MARKET =
            new SimulatedMarket(42, SimUniverse.defaults(), new NyseCalendar(), LocalDate.parse("2026-01-05"));

    @Test
    void everySymbolOfThreeSessionsGivesWellFormedPatternsInPlausibleNumbers() throws java.io.IOException {
        ChartEngine engine = new ChartEngine();
        Map<ChartPatternType, Integer> counts = new EnumMap<>(ChartPatternType.class);
        int series = 0;
        int pivots = 0;
        int formations = 0;
        LocalDate day = MARKET.firstSession();
        List<SimSession> sessions = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            sessions.add(MARKET.session(day));
            day = new NyseCalendar().nextTradingDay(day);
        }
        for (String symbol : MARKET.symbols()) {
            List<Bar> bars = new ArrayList<>();
            sessions.forEach(s -> bars.addAll(s.bars(symbol)));
            BarSeries s = BarSeries.of(bars);
            ChartAnalysis a = engine.analyse(s);
            series++;
            pivots += a.pivots().size();
            assertThat(a.bias()).isBetween(-1.0, 1.0);
            for (ChartPattern p : a.patterns()) {
                wellFormed(p, s);
                counts.merge(p.type(), 1, Integer::sum);
                if (!p.type().isContext()) {
                    formations++;
                }
            }
        }
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "chart-patterns-simulated.txt"),
                series + " series of " + 3 * 390 + " bars, " + pivots + " pivots, " + formations + " formations: " + counts + "\n");
        double barsPerSeries = 3 * 390.0;
        // A swing every 5 to 60 bars; some formations in every few symbols, but not one on every other swing.
        assertThat(pivots / (double) series).isBetween(barsPerSeries / 60, barsPerSeries / 5);
        assertThat(formations).as("%s", counts).isPositive();
        assertThat(formations / (double) series).as("%s", counts).isLessThan(pivots / (double) series / 3);
        assertThat(counts.getOrDefault(ChartPatternType.SUPPORT, 0) + counts.getOrDefault(ChartPatternType.RESISTANCE, 0))
                .isPositive().isLessThanOrEqualTo(series * engine.settings().maxLevels());
    }

    private static void wellFormed(ChartPattern p, BarSeries s) {
        assertThat(p.startIndex()).isBetween(0, p.endIndex());
        assertThat(p.endIndex()).isLessThan(s.size());
        assertThat(p.startTime()).isEqualTo(s.time()[p.startIndex()]);
        assertThat(p.endTime()).isEqualTo(s.time()[p.endIndex()]);
        assertThat(p.confidence()).isBetween(0.0, 1.0);
        assertThat(p.level()).isFinite().isPositive();
        if (p.target() != null) {
            assertThat(p.target()).isFinite();
        }
        assertThat(p.pivots()).isNotEmpty();
        for (int i = 1; i < p.pivots().size(); i++) {
            assertThat(p.pivots().get(i).index()).isGreaterThan(p.pivots().get(i - 1).index());
        }
        assertThat(p.status()).isEqualTo(p.breakout() == null ? ChartPattern.FORMING : ChartPattern.CONFIRMED);
        if (p.breakout() != null) {
            assertThat(p.breakout().index()).isEqualTo(p.endIndex());
            assertThat(p.direction()).isEqualTo(p.breakout().direction());
        }
    }
}
