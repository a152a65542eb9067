package io.tradeloom.market.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.market.aggregate.BarAggregator;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.sim.SimSession;
import io.tradeloom.market.sim.SimSymbol;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.market.sim.SimulatedMarket;

/**
 * Symbol states fed the simulated market minute by minute for 18 sessions (16 to warm the ATR up), snapshot at
 * midday of each session.
 */
class SimulatedMarketScanTest {

    private static final int SESSIONS = 18;
    private static final int MIDDAY = 195;
    private static final NyseCalendar CALENDAR = new NyseCalendar();
    private static final List<SimSymbol> UNIVERSE = SimUniverse.defaults();
    private static final List<SimSession> sessions = new ArrayList<>();
    private static final Map<String, SymbolState> states = new LinkedHashMap<>();
    /** Per session: every symbol's snapshot after the midday minute. */
    private static final List<List<Snapshot>> middays = new ArrayList<>();
    /** Relative volumes after the first half hour, from the 6th session on (five or more days averaged). */
    private static final List<Double> firstHalfHour = new ArrayList<>();
    private static List<Snapshot> lastMidday;

    @BeforeAll
    static void feed() {
        SimulatedMarket market = new SimulatedMarket(42, UNIVERSE, CALENDAR, LocalDate.parse("2026-01-05"));
        market.symbols().forEach(s -> states.put(s, new SymbolState(s, CALENDAR)));
        LocalDate day = market.firstSession();
        for (int i = 0; i < SESSIONS; i++, day = CALENDAR.nextTradingDay(day)) {
            SimSession session = market.session(day);
            sessions.add(session);
            boolean last = i == SESSIONS - 1;
            for (int m = 0; m < (last ? MIDDAY : session.minutes()); m++) {
                session.barsAt(m).forEach(bar -> states.get(bar.symbol()).onMinuteBar(bar));
                if (m == MIDDAY - 1) {
                    middays.add(states.values().stream().map(s -> s.snapshot().orElseThrow()).toList());
                }
                if (m == 29 && i >= 5) {
                    states.values().forEach(s -> firstHalfHour.add(s.snapshot().orElseThrow().relativeVolume()
                            .doubleValue()));
                }
            }
        }
        lastMidday = middays.getLast();
    }

    @Test
    void afterWarmUpEverySnapshotHasEveryMetric() {
        assertThat(lastMidday).hasSize(UNIVERSE.size()).allSatisfy(s -> {
            assertThat(s.asOf()).isEqualTo(sessions.getLast().session().open().plusSeconds(60L * MIDDAY));
            assertThat(List.of(s.prevClose(), s.avgDailyVolume(), s.atr14(), s.changePercent(), s.gapPercent(),
                    s.relativeVolume(), s.atrPercent())).as(s.symbol()).doesNotContainNull();
            assertThat(s.low()).isLessThanOrEqualTo(s.last());
            assertThat(s.last()).isLessThanOrEqualTo(s.high());
        });
    }

    @Test
    void todayAndYesterdayAreTheSimulatorsBars() {
        SimSession yesterday = sessions.get(SESSIONS - 2);
        SimSession today = sessions.getLast();
        for (Snapshot s : lastMidday) {
            List<Bar> morning = today.bars(s.symbol()).subList(0, MIDDAY);
            assertThat(s.prevClose()).isEqualTo(yesterday.bars(s.symbol()).getLast().close());
            assertThat(s.open()).isEqualTo(morning.getFirst().open());
            assertThat(s.last()).isEqualTo(morning.getLast().close());
            assertThat(s.volumeToday()).isEqualTo(morning.stream().mapToLong(Bar::volume).sum());
        }
    }

    @Test
    void theCompletedDaysAreTheSessionRollUpOfTheMinuteBars() {
        for (String symbol : List.of("AAPL", "KO", "TSLA")) {
            List<Bar> minutes = new ArrayList<>();
            sessions.subList(0, SESSIONS - 1).forEach(s -> minutes.addAll(s.bars(symbol)));
            assertThat(states.get(symbol).dailyBars())
                    .isEqualTo(BarAggregator.aggregate(minutes, Timeframe.DAY_1, CALENDAR));
        }
    }

    @Test
    void relativeVolumeCentresOnOneAtMidday() {
        // from the 6th session on, with five or more days in the average
        double[] relvols = middays.subList(5, middays.size()).stream().flatMap(List::stream)
                .mapToDouble(s -> s.relativeVolume().doubleValue()).sorted().toArray();
        double mean = Arrays.stream(relvols).average().orElseThrow();
        double median = relvols[relvols.length / 2];
        System.out.printf("simulated midday relative volume over %d snapshots: mean %.3f, median %.3f%n",
                relvols.length, mean, median);
        assertThat(mean).isBetween(0.85, 1.15);
        assertThat(median).isBetween(0.8, 1.2);
    }

    @Test
    void relativeVolumeCentresOnOneAfterTheBusyFirstHalfHourToo() {
        // a linear share (30/390 of the day) would put this near 2
        double mean = firstHalfHour.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(mean).isBetween(0.85, 1.15);
    }

    @Test
    void atrPercentTracksEachStocksDailyVolatility() {
        for (Snapshot s : lastMidday) {
            double dailyVolPercent = UNIVERSE.stream().filter(u -> u.symbol().equals(s.symbol())).findFirst()
                    .orElseThrow().dailyVol() * 100;
            // a day's true range runs about 1-1.5 daily standard deviations (0.87-1.66 here)
            assertThat(s.atrPercent().doubleValue() / dailyVolPercent).as(s.symbol()).isBetween(0.7, 2.2);
        }
    }

    @Test
    void aScanOfTheSimulatedMarketRanksItsGainers() {
        ScanResult result = new ScanEngine().scan(lastMidday, Preset.TOP_GAINERS.criteria());
        assertThat(result.universeSize()).isEqualTo(UNIVERSE.size());
        assertThat(result.candidates()).hasSizeLessThanOrEqualTo(20).isNotEmpty();
        assertThat(result.candidates()).extracting(c -> c.metrics().changePercent())
                .isSortedAccordingTo((a, b) -> b.compareTo(a))
                .allSatisfy(change -> assertThat(change.signum()).isNotNegative());
    }
}
