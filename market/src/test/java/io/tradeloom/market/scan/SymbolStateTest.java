package io.tradeloom.market.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.clock.NyseCalendar;

class SymbolStateTest {

    private final NyseCalendar calendar = new NyseCalendar();
    private final SymbolState state = new SymbolState("ACME", calendar);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Bar bar(String time, String open, String high, String low, String close, long volume) {
        return new Bar("ACME", Instant.parse(time), d(open), d(high), d(low), d(close), volume);
    }

    /** A daily bar stamped as Alpaca stamps them: midnight New York. */
    private static Bar daily(LocalDate date, String open, String high, String low, String close, long volume) {
        return new Bar("ACME", date.atStartOfDay(NyseCalendar.ZONE).toInstant(), d(open), d(high), d(low), d(close),
                volume);
    }

    /** The {@code count} trading days before {@code date}, oldest first. */
    private List<LocalDate> tradingDaysBefore(LocalDate date, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = calendar.previousTradingDay(date); days.size() < count;
                day = calendar.previousTradingDay(day)) {
            days.addFirst(day);
        }
        return days;
    }

    private Snapshot snapshot() {
        return state.snapshot().orElseThrow();
    }

    // ATR

    @Test
    void atrIsMissingUntilFourteenTrueRangesAreCompletedThenTheirMean() {
        List<LocalDate> days = tradingDaysBefore(LocalDate.parse("2026-02-02"), 16);
        // true range 2 every day: high 101, low 99, closes unchanged at 100
        for (int i = 0; i < 15; i++) {
            state.onDailyBar(daily(days.get(i), "100", "101", "99", "100", 1000));
        }
        // 15 days given, the 15th is today: 14 completed days hold only 13 true ranges
        assertThat(snapshot().atr14()).isNull();
        assertThat(snapshot().atrPercent()).isNull();
        state.onDailyBar(daily(days.get(15), "100", "101", "99", "100", 1000));
        assertThat(snapshot().atr14()).isEqualByComparingTo("2");
        assertThat(snapshot().atrPercent()).isEqualByComparingTo("2");
    }

    @Test
    void atrThenSmoothsEachTrueRangeInWithWildersWeights() {
        List<LocalDate> days = tradingDaysBefore(LocalDate.parse("2026-02-09"), 19);
        for (int i = 0; i < 15; i++) {
            state.onDailyBar(daily(days.get(i), "100", "101", "99", "100", 1000));
        }
        // gap up over the previous close 100: TR = 118 - 100 = 18, ATR = (2 * 13 + 18) / 14 = 44/14
        state.onDailyBar(daily(days.get(15), "117", "118", "116", "117", 1000));
        // TR = 117.5 - 112 = 5.5, ATR = (44/14 * 13 + 5.5) / 14 = 649/196 = 3.31122...
        state.onDailyBar(daily(days.get(16), "117", "117.5", "112", "113", 1000));
        // gap down under the previous close 113: TR = 113 - 105 = 8, ATR = (649/196 * 13 + 8) / 14 = 10005/2744
        state.onDailyBar(daily(days.get(17), "106", "107", "105", "106", 1000));
        state.onDailyBar(daily(days.get(18), "106", "107", "105", "106", 1000)); // today: pushes the 18th in
        assertThat(snapshot().atr14()).isEqualByComparingTo(
                BigDecimal.valueOf(10005).divide(BigDecimal.valueOf(2744), 4, RoundingMode.HALF_UP)); // 3.6461
    }

    @Test
    void atrOfAHandMadeSeriesMatchesTheFormulaWorkedOutHere() {
        double[][] hlc = {
                {48.70, 47.79, 48.16}, {48.72, 48.14, 48.61}, {48.90, 48.39, 48.75}, {48.87, 48.37, 48.63},
                {48.82, 48.24, 48.74}, {49.05, 48.64, 49.03}, {49.20, 48.94, 49.07}, {49.35, 48.86, 49.32},
                {49.92, 49.50, 49.91}, {50.19, 49.87, 50.13}, {50.12, 49.20, 49.53}, {49.66, 48.90, 49.50},
                {49.88, 49.43, 49.75}, {50.19, 49.73, 50.03}, {50.36, 49.26, 50.31}, {50.57, 50.09, 50.52},
                {50.65, 50.30, 50.41}, {50.43, 49.21, 49.34}, {49.63, 48.98, 49.37}, {50.33, 49.61, 50.23},
                {50.29, 49.20, 49.24}, {50.17, 49.43, 49.93}};
        List<LocalDate> days = tradingDaysBefore(LocalDate.parse("2026-03-02"), hlc.length + 1);
        MathContext exact = MathContext.DECIMAL128;
        BigDecimal atr = null;
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < hlc.length; i++) {
            state.onDailyBar(dailyOf(days.get(i), hlc[i]));
            if (i >= 1) {
                BigDecimal high = BigDecimal.valueOf(hlc[i][0]);
                BigDecimal low = BigDecimal.valueOf(hlc[i][1]);
                BigDecimal prevClose = BigDecimal.valueOf(hlc[i - 1][2]);
                BigDecimal trueRange = high.subtract(low).max(high.subtract(prevClose).abs())
                        .max(low.subtract(prevClose).abs());
                if (i < 14) {
                    sum = sum.add(trueRange);
                } else if (i == 14) {
                    atr = sum.add(trueRange).divide(BigDecimal.valueOf(14), exact);
                } else {
                    atr = atr.multiply(BigDecimal.valueOf(13)).add(trueRange).divide(BigDecimal.valueOf(14), exact);
                }
            }
        }
        state.onDailyBar(dailyOf(days.get(hlc.length), new double[] {50, 49, 49.5})); // completes the last one
        assertThat(snapshot().atr14()).isEqualTo(atr.setScale(4, RoundingMode.HALF_UP));
    }

    @Test
    void atrMatchesTaLibDayByDayOverARandomWalk() {
        int n = 80;
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        Random random = new Random(7);
        double price = 40;
        for (int i = 0; i < n; i++) {
            double open = cents(price * Math.exp(0.02 * random.nextGaussian()));
            close[i] = cents(open * Math.exp(0.02 * random.nextGaussian()));
            high[i] = cents(Math.max(open, close[i]) * (1 + 0.01 * random.nextDouble()));
            low[i] = cents(Math.min(open, close[i]) * (1 - 0.01 * random.nextDouble()));
            price = close[i];
        }
        double[] taLib = new double[n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        assertThat(new Core().atr(0, n - 1, high, low, close, 14, begin, count, taLib)).isEqualTo(RetCode.Success);
        assertThat(begin.value).isEqualTo(14);

        List<LocalDate> days = tradingDaysBefore(LocalDate.parse("2026-06-01"), n + 1);
        for (int i = 0; i < n; i++) {
            state.onDailyBar(dailyOf(days.get(i), new double[] {high[i], low[i], close[i]}));
            // the bar just given is today; the ATR covers the days before it, i.e. TA-Lib's value at i - 1
            if (i - 1 < 14) {
                assertThat(snapshot().atr14()).as("day %d", i).isNull();
            } else {
                assertThat(snapshot().atr14().doubleValue()).as("day %d", i)
                        .isCloseTo(taLib[i - 1 - begin.value], within(0.00005 + 1e-12));
            }
        }
    }

    private static double cents(double price) {
        return Math.round(price * 100) / 100.0;
    }

    private static Bar dailyOf(LocalDate date, double[] hlc) {
        BigDecimal high = BigDecimal.valueOf(hlc[0]);
        BigDecimal low = BigDecimal.valueOf(hlc[1]);
        BigDecimal close = BigDecimal.valueOf(hlc[2]);
        return new Bar("ACME", date.atStartOfDay(NyseCalendar.ZONE).toInstant(), close, high, low, close, 1000);
    }

    // gap, change, relative volume

    @Test
    void metricsOfAMorningAfterTwentyBackfilledDaysWorkedOutByHand() {
        // Monday 2026-03-09 (EDT: 09:30 = 13:30Z), after 20 sessions closing at 50.00, true range 1, volumes
        // alternating 0.9 M and 1.1 M (average 1,000,000)
        List<LocalDate> days = tradingDaysBefore(LocalDate.parse("2026-03-09"), 20);
        for (int i = 0; i < days.size(); i++) {
            state.onDailyBar(daily(days.get(i), "50.00", "50.50", "49.50", "50.00", i % 2 == 0 ? 900_000 : 1_100_000));
        }
        state.onMinuteBar(bar("2026-03-09T13:30:00Z", "52.00", "52.50", "51.80", "52.40", 30_000));
        state.onMinuteBar(bar("2026-03-09T13:31:00Z", "52.40", "53.00", "52.30", "52.90", 20_000));

        Snapshot s = snapshot();
        assertThat(s.asOf()).isEqualTo(Instant.parse("2026-03-09T13:32:00Z"));
        assertThat(s.open()).isEqualByComparingTo("52.00");
        assertThat(s.high()).isEqualByComparingTo("53.00");
        assertThat(s.low()).isEqualByComparingTo("51.80");
        assertThat(s.last()).isEqualByComparingTo("52.90");
        assertThat(s.prevClose()).isEqualByComparingTo("50.00");
        assertThat(s.volumeToday()).isEqualTo(50_000);
        assertThat(s.avgDailyVolume()).isEqualByComparingTo("1000000");
        assertThat(s.gapPercent()).isEqualTo(d("4.0000")); // (52.00 - 50) / 50
        assertThat(s.changePercent()).isEqualTo(d("5.8000")); // (52.90 - 50) / 50
        assertThat(s.changeFromOpenPercent()).isEqualTo(d("1.7308")); // 0.90 / 52 = 1.730769 %
        assertThat(s.atr14()).isEqualTo(d("1.0000"));
        assertThat(s.atrPercent()).isEqualTo(d("1.8904")); // 1 / 52.90 = 1.890359 %
        assertThat(s.dollarVolume()).isEqualByComparingTo("2645000"); // 52.90 * 50,000

        // two minutes into the session: weights u(0) + u(1) of a regular day's total
        double day = 0;
        for (int k = 0; k < 390; k++) {
            day += 1 + 3 * Math.exp(-k / 15.0) + 2 * Math.exp(-(389 - k) / 10.0);
        }
        double firstTwo = (1 + 3 + 2 * Math.exp(-38.9)) + (1 + 3 * Math.exp(-1 / 15.0) + 2 * Math.exp(-38.8));
        double expected = 50_000 / (1_000_000 * firstTwo / day); // about 2.93
        assertThat(s.relativeVolume().doubleValue()).isCloseTo(expected, within(0.00005 + 1e-9));
    }

    @Test
    void aDayGivenAsADailyBarCountsAsCompleteForTheRelativeVolume() {
        List<LocalDate> days = tradingDaysBefore(LocalDate.parse("2026-03-09"), 3);
        state.onDailyBar(daily(days.get(0), "10", "11", "9", "10", 1_000_000));
        state.onDailyBar(daily(days.get(1), "10", "11", "9", "10", 3_000_000));
        state.onDailyBar(daily(days.get(2), "10", "11", "9", "10", 1_500_000));
        assertThat(snapshot().relativeVolume()).isEqualTo(d("0.7500")); // 1.5 M / (2 M * 1)
        assertThat(snapshot().asOf()).isEqualTo(calendar.session(days.get(2)).orElseThrow().close());
    }

    @Test
    void withoutAPreviousSessionTheMetricsThatNeedOneAreMissing() {
        state.onMinuteBar(bar("2026-03-09T13:30:00Z", "52.00", "52.50", "51.80", "52.40", 30_000));
        Snapshot s = snapshot();
        assertThat(s.prevClose()).isNull();
        assertThat(s.changePercent()).isNull();
        assertThat(s.gapPercent()).isNull();
        assertThat(s.avgDailyVolume()).isNull();
        assertThat(s.relativeVolume()).isNull();
        assertThat(s.atr14()).isNull();
        assertThat(s.atrPercent()).isNull();
        assertThat(s.changeFromOpenPercent()).isEqualTo(d("0.7692"));
        assertThat(s.dollarVolume()).isEqualByComparingTo("1572000");
    }

    @Test
    void thereIsNoSnapshotBeforeTheFirstBar() {
        assertThat(state.snapshot()).isEmpty();
    }

    // sessions

    @Test
    void aNewSessionCompletesYesterdayIntoADailyBarAndStartsTodayAfresh() {
        state.onMinuteBar(bar("2026-03-09T13:30:00Z", "10.00", "10.20", "9.90", "10.10", 100));
        state.onMinuteBar(bar("2026-03-09T15:00:00Z", "10.10", "10.60", "10.05", "10.50", 200));
        state.onMinuteBar(bar("2026-03-09T19:59:00Z", "10.50", "10.55", "10.30", "10.40", 300)); // 15:59
        assertThat(state.dailyBars()).isEmpty();
        assertThat(snapshot().volumeToday()).isEqualTo(600);
        state.onMinuteBar(bar("2026-03-10T13:30:00Z", "10.92", "11.00", "10.90", "10.95", 50));

        assertThat(state.dailyBars()).containsExactly(
                bar("2026-03-09T13:30:00Z", "10.00", "10.60", "9.90", "10.40", 600));
        Snapshot s = snapshot();
        assertThat(s.prevClose()).isEqualByComparingTo("10.40");
        assertThat(s.volumeToday()).isEqualTo(50);
        assertThat(s.open()).isEqualByComparingTo("10.92");
        assertThat(s.high()).isEqualByComparingTo("11.00");
        assertThat(s.low()).isEqualByComparingTo("10.90");
        assertThat(s.avgDailyVolume()).isEqualByComparingTo("600");
        assertThat(s.gapPercent()).isEqualTo(d("5.0000")); // 10.92 / 10.40 - 1
        assertThat(s.changePercent()).isEqualTo(d("5.2885")); // 10.95 / 10.40 - 1 = 5.288461 %
    }

    @Test
    void todayStaysTodayAfterTheCloseUntilTheNextSessionStarts() {
        state.onMinuteBar(bar("2026-03-09T19:59:00Z", "10.50", "10.55", "10.30", "10.40", 300));
        state.onMinuteBar(bar("2026-03-09T20:30:00Z", "10.40", "10.40", "10.40", "10.40", 999)); // 16:30: skipped
        state.onMinuteBar(bar("2026-03-10T12:00:00Z", "10.40", "10.40", "10.40", "10.40", 999)); // 08:00: skipped
        assertThat(state.dailyBars()).isEmpty();
        assertThat(snapshot().volumeToday()).isEqualTo(300);
        assertThat(snapshot().asOf()).isEqualTo(Instant.parse("2026-03-09T20:00:00Z"));
    }

    @Test
    void barsOutsideTheRegularSessionAreSkipped() {
        state.onMinuteBar(bar("2026-03-07T15:00:00Z", "10", "10", "10", "10", 100)); // Saturday
        state.onMinuteBar(bar("2026-03-09T13:29:00Z", "10", "10", "10", "10", 100)); // Monday 09:29
        assertThat(state.snapshot()).isEmpty();
    }

    @Test
    void theHistoryKeepsTheLastDaysAndAveragesTheirVolume() {
        SymbolState short3 = new SymbolState("ACME", calendar, 3);
        List<LocalDate> days = tradingDaysBefore(LocalDate.parse("2026-03-09"), 6);
        for (int i = 0; i < 6; i++) {
            short3.onDailyBar(daily(days.get(i), "10", "11", "9", "10", 1000L * (i + 1)));
        }
        // days 1-5 completed, the last three (3000, 4000, 5000) held; day 6 is today
        assertThat(short3.dailyBars()).extracting(Bar::volume).containsExactly(3000L, 4000L, 5000L);
        assertThat(short3.snapshot().orElseThrow().avgDailyVolume()).isEqualByComparingTo("4000");
    }

    @Test
    void anEarlyCloseRunsItsVolumeProfileOverItsOwnMinutes() {
        // Friday 2026-11-27 closes at 13:00 (18:00Z); the day before closes 100 on 1 M shares
        state.onDailyBar(daily(LocalDate.parse("2026-11-25"), "100", "101", "99", "100", 1_000_000));
        state.onMinuteBar(bar("2026-11-27T17:59:00Z", "100", "100", "100", "100", 600_000)); // 12:59, the last
        double weights = 0;
        for (int k = 0; k < 210; k++) {
            weights += 1 + 3 * Math.exp(-k / 15.0) + 2 * Math.exp(-(209 - k) / 10.0);
        }
        double day = 0;
        for (int k = 0; k < 390; k++) {
            day += 1 + 3 * Math.exp(-k / 15.0) + 2 * Math.exp(-(389 - k) / 10.0);
        }
        assertThat(snapshot().relativeVolume().doubleValue())
                .isCloseTo(600_000 / (1_000_000 * weights / day), within(0.00005 + 1e-9)); // 0.6 / 0.6066
    }

    @Test
    void barsOutOfOrderOfAnotherSymbolOrOfADayAlreadyGivenAreRejected() {
        state.onMinuteBar(bar("2026-03-09T14:00:00Z", "10", "10", "10", "10", 100));
        assertThatThrownBy(() -> state.onMinuteBar(bar("2026-03-09T14:00:00Z", "10", "10", "10", "10", 100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after");
        assertThatThrownBy(() -> state.onMinuteBar(new Bar("OTHER", Instant.parse("2026-03-09T14:01:00Z"),
                d("10"), d("10"), d("10"), d("10"), 1))).hasMessageContaining("OTHER");
        assertThatThrownBy(() -> state.onDailyBar(daily(LocalDate.parse("2026-03-09"), "10", "10", "10", "10", 1)))
                .hasMessageContaining("not after 2026-03-09");

        SymbolState backfilled = new SymbolState("ACME", calendar);
        backfilled.onDailyBar(daily(LocalDate.parse("2026-03-09"), "10", "10", "10", "10", 1));
        assertThatThrownBy(() -> backfilled.onMinuteBar(bar("2026-03-09T14:00:00Z", "10", "10", "10", "10", 1)))
                .hasMessageContaining("daily bar of 2026-03-09");
    }
}
