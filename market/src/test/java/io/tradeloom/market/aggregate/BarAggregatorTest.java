package io.tradeloom.market.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;

class BarAggregatorTest {

    private final NyseCalendar calendar = new NyseCalendar();

    private static Bar bar(String symbol, String time, String open, String high, String low, String close,
                           long volume) {
        return new Bar(symbol, Instant.parse(time), new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), volume);
    }

    private static Bar bar(String time, String open, String high, String low, String close, long volume) {
        return bar("AAPL", time, open, high, low, close, volume);
    }

    // Monday 2026-03-09, New York on EDT: 09:30 = 13:30Z
    private final List<Bar> firstSevenMinutes = List.of(
            bar("2026-03-09T13:30:00Z", "10.00", "10.20", "9.90", "10.10", 100),
            bar("2026-03-09T13:31:00Z", "10.10", "10.40", "10.05", "10.30", 200),
            bar("2026-03-09T13:32:00Z", "10.30", "10.35", "10.00", "10.05", 150),
            bar("2026-03-09T13:33:00Z", "10.05", "10.10", "9.80", "9.85", 300),
            bar("2026-03-09T13:34:00Z", "9.85", "10.00", "9.75", "9.95", 250),
            bar("2026-03-09T13:35:00Z", "9.95", "10.05", "9.90", "10.00", 120),
            bar("2026-03-09T13:36:00Z", "10.00", "10.50", "9.95", "10.45", 80));

    @Test
    void fiveMinuteBarsTakeFirstOpenHighestHighLowestLowLastCloseAndSummedVolume() {
        assertThat(BarAggregator.aggregate(firstSevenMinutes, Timeframe.MIN_5, calendar)).containsExactly(
                bar("2026-03-09T13:30:00Z", "10.00", "10.40", "9.75", "9.95", 1000),
                bar("2026-03-09T13:35:00Z", "9.95", "10.50", "9.90", "10.45", 200));
    }

    @Test
    void streamingEmitsABucketWithItsLastMinuteAndFlushEmitsOneWhoseEndHasPassed() {
        BarAggregator aggregator = new BarAggregator(Timeframe.MIN_5, calendar);
        List<List<Bar>> emitted = new ArrayList<>();
        firstSevenMinutes.forEach(b -> emitted.add(aggregator.add(b)));
        assertThat(emitted.subList(0, 4)).allSatisfy(e -> assertThat(e).isEmpty());
        assertThat(emitted.get(4)).containsExactly(bar("2026-03-09T13:30:00Z", "10.00", "10.40", "9.75", "9.95", 1000));
        assertThat(emitted.subList(5, 7)).allSatisfy(e -> assertThat(e).isEmpty());
        assertThat(aggregator.flush(Instant.parse("2026-03-09T13:39:59Z"))).isEmpty();
        assertThat(aggregator.flush(Instant.parse("2026-03-09T13:40:00Z")))
                .containsExactly(bar("2026-03-09T13:35:00Z", "9.95", "10.50", "9.90", "10.45", 200));
        assertThat(aggregator.flush(Instant.parse("2026-03-10T00:00:00Z"))).isEmpty();
    }

    @Test
    void aBarOfALaterBucketCompletesTheBucketWhoseLastMinutesHadNoTrades() {
        BarAggregator aggregator = new BarAggregator(Timeframe.MIN_5, calendar);
        aggregator.add(firstSevenMinutes.get(0));
        aggregator.add(firstSevenMinutes.get(1));
        assertThat(aggregator.add(bar("2026-03-09T13:42:00Z", "10.00", "10.00", "10.00", "10.00", 5)))
                .containsExactly(bar("2026-03-09T13:30:00Z", "10.00", "10.40", "9.90", "10.30", 300));
    }

    @Test
    void fifteenMinuteBucketsStartAtTheOpenPlusQuarterHours() {
        List<Bar> bars = List.of(
                bar("2026-03-09T13:44:00Z", "10", "11", "9", "10", 1),
                bar("2026-03-09T13:45:00Z", "10", "12", "10", "11", 2),
                bar("2026-03-09T13:59:00Z", "11", "11", "8", "9", 3));
        assertThat(BarAggregator.aggregate(bars, Timeframe.MIN_15, calendar)).containsExactly(
                bar("2026-03-09T13:30:00Z", "10", "11", "9", "10", 1),
                bar("2026-03-09T13:45:00Z", "10", "12", "8", "9", 5));
    }

    @Test
    void hourBucketsEndWithAHalfHourAndNeverSpanTwoSessions() {
        List<Bar> bars = List.of(
                bar("2026-03-09T19:29:00Z", "20", "21", "19", "20", 10), // 15:29 New York
                bar("2026-03-09T19:45:00Z", "20", "22", "20", "21", 20),
                bar("2026-03-09T19:59:00Z", "21", "21", "18", "19", 30), // 15:59: the last minute
                bar("2026-03-10T13:30:00Z", "25", "26", "24", "25", 40), // next morning's gap up
                bar("2026-03-10T13:31:00Z", "25", "25", "23", "24", 50));
        assertThat(BarAggregator.aggregate(bars, Timeframe.HOUR_1, calendar)).containsExactly(
                bar("2026-03-09T18:30:00Z", "20", "21", "19", "20", 10),
                bar("2026-03-09T19:30:00Z", "20", "22", "18", "19", 50),
                bar("2026-03-10T13:30:00Z", "25", "26", "23", "24", 90));
        assertThat(BarAggregator.aggregate(bars, Timeframe.DAY_1, calendar)).containsExactly(
                bar("2026-03-09T13:30:00Z", "20", "22", "18", "19", 60),
                bar("2026-03-10T13:30:00Z", "25", "26", "23", "24", 90));
    }

    @Test
    void theHalfHourBucketIsEmittedByTheSessionsLastMinute() {
        BarAggregator aggregator = new BarAggregator(Timeframe.HOUR_1, calendar);
        assertThat(aggregator.add(bar("2026-03-09T19:45:00Z", "20", "22", "20", "21", 20))).isEmpty();
        assertThat(aggregator.add(bar("2026-03-09T19:59:00Z", "21", "21", "18", "19", 30)))
                .containsExactly(bar("2026-03-09T19:30:00Z", "20", "22", "18", "19", 50));
    }

    @Test
    void onAnEarlyCloseTheLastHourIs1230To1300AndTheDayEndsAt1300() {
        // Friday 2026-11-27, EST: open 14:30Z, close 13:00 New York = 18:00Z
        List<Bar> bars = List.of(
                bar("2026-11-27T14:30:00Z", "50", "51", "49", "50", 100),
                bar("2026-11-27T17:29:00Z", "50", "52", "50", "51", 200), // 12:29
                bar("2026-11-27T17:30:00Z", "51", "51", "47", "48", 300), // 12:30
                bar("2026-11-27T17:59:00Z", "48", "49", "48", "49", 400)); // 12:59
        assertThat(BarAggregator.aggregate(bars, Timeframe.HOUR_1, calendar)).containsExactly(
                bar("2026-11-27T14:30:00Z", "50", "51", "49", "50", 100),
                bar("2026-11-27T16:30:00Z", "50", "52", "50", "51", 200),
                bar("2026-11-27T17:30:00Z", "51", "51", "47", "49", 700));

        BarAggregator daily = new BarAggregator(Timeframe.DAY_1, calendar);
        List<Bar> emitted = new ArrayList<>();
        bars.forEach(b -> emitted.addAll(daily.add(b)));
        assertThat(emitted).containsExactly(bar("2026-11-27T14:30:00Z", "50", "52", "47", "49", 1000));
    }

    @Test
    void minuteBarsOutsideTheRegularSessionAreSkipped() {
        List<Bar> bars = List.of(
                bar("2026-03-09T13:00:00Z", "9", "9", "9", "9", 999), // 09:00 pre-market
                bar("2026-03-09T13:30:00Z", "10", "10", "10", "10", 1),
                bar("2026-03-09T20:00:00Z", "11", "11", "11", "11", 999)); // 16:00 after hours
        assertThat(BarAggregator.aggregate(bars, Timeframe.DAY_1, calendar))
                .containsExactly(bar("2026-03-09T13:30:00Z", "10", "10", "10", "10", 1));
    }

    @Test
    void symbolsAreRolledUpSeparatelyAndListedByTimeThenSymbol() {
        List<Bar> bars = List.of(
                bar("MSFT", "2026-03-09T13:30:00Z", "400", "401", "399", "400", 7),
                bar("AAPL", "2026-03-09T13:30:00Z", "10", "11", "9", "10", 1),
                bar("MSFT", "2026-03-09T13:36:00Z", "402", "403", "402", "403", 8),
                bar("AAPL", "2026-03-09T13:31:00Z", "10", "12", "10", "12", 2));
        assertThat(BarAggregator.aggregate(bars, Timeframe.MIN_5, calendar)).containsExactly(
                bar("AAPL", "2026-03-09T13:30:00Z", "10", "12", "9", "12", 3),
                bar("MSFT", "2026-03-09T13:30:00Z", "400", "401", "399", "400", 7),
                bar("MSFT", "2026-03-09T13:35:00Z", "402", "403", "402", "403", 8));
    }

    @Test
    void aBarNotAfterItsSymbolsPreviousIsRejected() {
        BarAggregator aggregator = new BarAggregator(Timeframe.MIN_5, calendar);
        aggregator.add(firstSevenMinutes.get(1));
        assertThatThrownBy(() -> aggregator.add(firstSevenMinutes.get(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AAPL bar at 2026-03-09T13:30:00Z is not after the previous one at 2026-03-09T13:31:00Z");
        assertThatThrownBy(() -> aggregator.add(firstSevenMinutes.get(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneMinuteRollUpIsTheIdentity() {
        assertThat(BarAggregator.aggregate(firstSevenMinutes, Timeframe.MIN_1, calendar))
                .isEqualTo(firstSevenMinutes);
    }
}
