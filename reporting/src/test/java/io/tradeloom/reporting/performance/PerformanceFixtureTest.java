package io.tradeloom.reporting.performance;

import static io.tradeloom.reporting.performance.HandFixture.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every metric of {@link HandFixture} against a hand calculation (docs/reporting.md has the formulas).
 *
 * <h2>Round trips</h2>
 * RT1 +198, RT2 -201, RT3 +98, RT4 -102, RT5 +100, RT6 +228, RT7 +49: net 370, commissions 2+1+2+2+0+2+1 = 10.
 * Winners 5 (gross profit 198+98+100+228+49 = 673), losers 2 (gross loss -201-102 = -303).
 * Win rate 5/7 = 71.428571 %; profit factor 673/303 = 2.221122; expectancy 370/7 = 52.857143 -> 52.8571;
 * average win 673/5 = 134.6; average loss -303/2 = -151.5.
 * Holding: RT1 600 s, RT2 1800, RT3 1800, RT4 5400, RT5 3600, RT6 1800 (from 14:30, the order's first fill),
 * RT7 3600: 18600/7 = 2657.142857 s.
 *
 * <h2>Equity, overall</h2>
 * Start 10000, end 10370: net 370, return 3.7 %. Span d1 14:30 -> d3 20:59 = 2 d 6 h 29 min = 196140 s;
 * years = 196140 / (365.25 x 86400) = 0.006215348; CAGR = 1.037^(1/0.006215348) - 1 = 344.696698 = 34469.669782 %.
 * Daily closes 9997, 10093, 10370 from 10000: r = -0.0003, 96/9997 = 0.009602881, 277/10093 = 0.027444764;
 * mean 0.012249215; sample sd (n-1) 0.014060416; Sharpe = mean/sd x sqrt(252) = 13.829624.
 * Downside deviation sqrt((-0.0003)^2 / 3) = 0.000173205; Sortino = 0.012249215 / 0.000173205 x sqrt(252) = 1122.659085.
 * Drawdown: peak 10150 (d1 14:40), trough 9800 (d2 16:30): 350 = 350/10150 = 3.448276 %; back above the
 * peak at d3 14:45 (10200): 2 d 5 min = 173100 s. Calmar = 344.696698 / 0.034482759 = 9996.204237.
 * Exposure: a position is open at d1 14:40 (RT1), d1 15:20 (RT2), d2 15:30 (RT4), d3 14:45 (RT6), d3 15:30 (RT7);
 * none at the other 5 points: 5/10 = 50 %.
 *
 * <h2>Per symbol (each also one strategy: AAPL = momo, MSFT = rev, TSLA = manual)</h2>
 * A group's curve is 10000 plus its realized net P&L, sampled at the account's points.
 * AAPL: 10000, 10000, 10198, 10198 | 10296, 10194, 10194 | 10194 x3. Net 194 (1.94 %). Daily r = 0.0198,
 * -4/10198, 0: Sharpe 8.894200, Sortino 453.492607. Drawdown 102 / 10296 = 0.990676 %, never recovered:
 * d2 15:30 -> d3 20:59 = 106140 s. CAGR 1.0194^(1/0.006215348) - 1 = 2100.870215 %, Calmar 2120.643111.
 * Exposure: d1 14:40 (RT1), d2 15:30 (RT4): 20 %.
 * MSFT: 10000 x3, 9799 | 9799 x3 | 9799, 10027, 10076. Net 76. Daily r = -0.0201, 0, 277/9799: Sharpe 1.778773,
 * Sortino 3.724513. Drawdown 201 = 2.01 %, from the last point at the peak (d1 15:20) to d3 15:30 (10027):
 * 2 d 10 min = 173400 s. CAGR 238.097941 %, Calmar 118.456687. Exposure d1 15:20, d3 14:45, d3 15:30: 30 %.
 * TSLA: 10000 x6, 10100 x4. Net 100. Daily r = 0, 0.01, 0: mean 1/300, sd sqrt(3/90000): Sharpe
 * (1/300)/0.0057735 x sqrt(252) = 9.165151; no losing day, so Sortino is undefined; no drawdown, so Calmar is
 * undefined. Exposure 0 % (held 17:00-18:00 between points).
 */
class PerformanceFixtureTest {

    private static final BigDecimal EPS = new BigDecimal("0.000001");
    private final Reports reports = new Reports(new PerformanceCalculator(0));

    @Test
    void roundTripsAreMatchedFirstInFirstOutWithPartialFillsPartialClosesReversalsAndCommissions() {
        RoundTrips.Result r = RoundTrips.match(HandFixture.fills());

        assertThat(r.open()).isEmpty();
        assertThat(r.closed()).extracting(rt -> rt.netPnl().stripTrailingZeros().toPlainString())
                .containsExactly("198", "-201", "98", "-102", "100", "228", "49");
        assertThat(r.closed()).extracting(RoundTrip::strategy)
                .containsExactly("momo", "rev", "momo", "momo", "manual", "rev", "rev");
        assertThat(r.closed()).extracting(RoundTrip::direction).containsExactly(Direction.LONG, Direction.SHORT,
                Direction.LONG, Direction.LONG, Direction.LONG, Direction.LONG, Direction.SHORT);
        RoundTrip rt6 = r.closed().get(5);
        assertThat(rt6.qty()).isEqualByComparingTo("100");
        assertThat(rt6.entryPrice()).isEqualByComparingTo("100.70");
        assertThat(rt6.commission()).isEqualByComparingTo("2.00");
        assertThat(rt6.entryTime()).isEqualTo(t("d3 14:30"));
        RoundTrip rt7 = r.closed().get(6);
        assertThat(rt7.entryOrder()).isEqualTo("rev:2:MSFT:exit");
        assertThat(rt7.commission()).isEqualByComparingTo("1.00");
        assertThat(r.closed()).extracting(rt -> rt.holding().toSeconds())
                .containsExactly(600L, 1800L, 1800L, 5400L, 3600L, 1800L, 3600L);
    }

    @Test
    void overallMetricsMatchTheHandCalculation() {
        Performance p = reports.performance(HandFixture.history(), Period.ALL).overall();

        assertThat(p.startingEquity()).isEqualByComparingTo("10000");
        assertThat(p.endingEquity()).isEqualByComparingTo("10370");
        assertThat(p.netPnl()).isEqualByComparingTo("370");
        assertThat(p.returnPct()).isCloseTo(new BigDecimal("3.7"), within(EPS));
        assertThat(p.cagrPct()).isCloseTo(new BigDecimal("34469.669782"), within(EPS));
        assertThat(p.sharpe()).isCloseTo(new BigDecimal("13.829624"), within(EPS));
        assertThat(p.sortino()).isCloseTo(new BigDecimal("1122.659085"), within(EPS));
        assertThat(p.calmar()).isCloseTo(new BigDecimal("9996.204237"), within(EPS));
        assertThat(p.maxDrawdown()).isEqualByComparingTo("350");
        assertThat(p.maxDrawdownPct()).isCloseTo(new BigDecimal("3.448276"), within(EPS));
        assertThat(p.maxDrawdownDurationSeconds()).isEqualTo(173_100L);
        assertThat(p.trades()).isEqualTo(7);
        assertThat(p.winners()).isEqualTo(5);
        assertThat(p.losers()).isEqualTo(2);
        assertThat(p.winRatePct()).isCloseTo(new BigDecimal("71.428571"), within(EPS));
        assertThat(p.grossProfit()).isEqualByComparingTo("673");
        assertThat(p.grossLoss()).isEqualByComparingTo("-303");
        assertThat(p.profitFactor()).isCloseTo(new BigDecimal("2.221122"), within(EPS));
        assertThat(p.expectancy()).isEqualByComparingTo("52.8571");
        assertThat(p.averageWin()).isEqualByComparingTo("134.6");
        assertThat(p.averageLoss()).isEqualByComparingTo("-151.5");
        assertThat(p.averageHoldingSeconds()).isCloseTo(new BigDecimal("2657.142857"), within(EPS));
        assertThat(p.exposurePct()).isEqualByComparingTo("50");
        assertThat(p.commissions()).isEqualByComparingTo("10");
    }

    @Test
    void perSymbolMetricsMatchTheHandCalculation() {
        var bySymbol = reports.performance(HandFixture.history(), Period.ALL).bySymbol();
        assertThat(bySymbol).containsOnlyKeys("AAPL", "MSFT", "TSLA");

        Performance aapl = bySymbol.get("AAPL");
        assertThat(aapl.netPnl()).isEqualByComparingTo("194");
        assertThat(aapl.returnPct()).isCloseTo(new BigDecimal("1.94"), within(EPS));
        assertThat(aapl.trades()).isEqualTo(3);
        assertThat(aapl.winRatePct()).isCloseTo(new BigDecimal("66.666667"), within(EPS));
        assertThat(aapl.profitFactor()).isCloseTo(new BigDecimal("2.901961"), within(EPS)); // 296/102
        assertThat(aapl.sharpe()).isCloseTo(new BigDecimal("8.894200"), within(EPS));
        assertThat(aapl.sortino()).isCloseTo(new BigDecimal("453.492607"), within(EPS));
        assertThat(aapl.cagrPct()).isCloseTo(new BigDecimal("2100.870215"), within(EPS));
        assertThat(aapl.calmar()).isCloseTo(new BigDecimal("2120.643111"), within(EPS));
        assertThat(aapl.maxDrawdown()).isEqualByComparingTo("102");
        assertThat(aapl.maxDrawdownPct()).isCloseTo(new BigDecimal("0.990676"), within(EPS));
        assertThat(aapl.maxDrawdownDurationSeconds()).isEqualTo(106_140L);
        assertThat(aapl.averageHoldingSeconds()).isCloseTo(new BigDecimal("2600"), within(EPS)); // (600+1800+5400)/3
        assertThat(aapl.exposurePct()).isEqualByComparingTo("20");

        Performance msft = bySymbol.get("MSFT");
        assertThat(msft.netPnl()).isEqualByComparingTo("76");
        assertThat(msft.sharpe()).isCloseTo(new BigDecimal("1.778773"), within(EPS));
        assertThat(msft.sortino()).isCloseTo(new BigDecimal("3.724513"), within(EPS));
        assertThat(msft.cagrPct()).isCloseTo(new BigDecimal("238.097941"), within(EPS));
        assertThat(msft.calmar()).isCloseTo(new BigDecimal("118.456687"), within(EPS));
        assertThat(msft.maxDrawdownPct()).isCloseTo(new BigDecimal("2.01"), within(EPS));
        assertThat(msft.maxDrawdownDurationSeconds()).isEqualTo(173_400L);
        assertThat(msft.exposurePct()).isEqualByComparingTo("30");
        assertThat(msft.commissions()).isEqualByComparingTo("4"); // 1 + 2 + 1

        Performance tsla = bySymbol.get("TSLA");
        assertThat(tsla.netPnl()).isEqualByComparingTo("100");
        assertThat(tsla.sharpe()).isCloseTo(new BigDecimal("9.165151"), within(EPS));
        assertThat(tsla.sortino()).isNull();
        assertThat(tsla.calmar()).isNull();
        assertThat(tsla.profitFactor()).isNull();
        assertThat(tsla.averageLoss()).isNull();
        assertThat(tsla.maxDrawdownPct()).isEqualByComparingTo("0");
        assertThat(tsla.exposurePct()).isEqualByComparingTo("0");
    }

    @Test
    void perStrategyGroupsByTheEntryOrdersClientIdAndCallsOtherIdsManual() {
        var byStrategy = reports.performance(HandFixture.history(), Period.ALL).byStrategy();

        assertThat(byStrategy).containsOnlyKeys("manual", "momo", "rev");
        assertThat(byStrategy.get("momo").netPnl()).isEqualByComparingTo("194");
        assertThat(byStrategy.get("momo").sharpe()).isCloseTo(new BigDecimal("8.894200"), within(EPS));
        assertThat(byStrategy.get("rev").netPnl()).isEqualByComparingTo("76");
        assertThat(byStrategy.get("rev").trades()).isEqualTo(3);
        assertThat(byStrategy.get("manual").netPnl()).isEqualByComparingTo("100");
    }

    @Test
    void aPeriodCountsTheTradesClosedInItAndTheEquityInsideIt() {
        Period day2 = new Period(t("d2 00:00"), t("d2 23:59"));
        Performance p = reports.performance(HandFixture.history(), day2).overall();

        // Curve 10100, 9800, 10093; trips RT3, RT4, RT5 (+98 -102 +100).
        assertThat(p.startingEquity()).isEqualByComparingTo("10100");
        assertThat(p.netPnl()).isEqualByComparingTo("-7");
        assertThat(p.trades()).isEqualTo(3);
        assertThat(p.maxDrawdown()).isEqualByComparingTo("300");
        assertThat(p.sharpe()).isNull(); // one day: no standard deviation
    }

    @Test
    void dailyReportHasEachDaysEquityChangeAndTheTradesClosedThatDay() {
        List<Reports.Day> days = reports.daily(HandFixture.history(), Period.ALL);

        assertThat(days).extracting(Reports.Day::date).containsExactly(
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-04"));
        assertThat(days).extracting(d -> d.pnl().stripTrailingZeros().toPlainString()).containsExactly("-3", "96", "277");
        assertThat(days).extracting(Reports.Day::trades).containsExactly(2, 3, 2);
        assertThat(days).extracting(d -> d.realizedPnl().stripTrailingZeros().toPlainString()).containsExactly("-3", "96", "277");
        assertThat(days).extracting(Reports.Day::winners).containsExactly(1, 2, 2);
        assertThat(days.get(1).returnPct()).isCloseTo(new BigDecimal("0.960288"), within(EPS)); // 96/9997
        assertThat(days).extracting(d -> d.commissions().stripTrailingZeros().toPlainString()).containsExactly("3", "4", "3");
    }

    @Test
    void equitySeriesCarriesTheDrawdownFromTheRunningPeak() {
        List<Drawdowns.Point> series = reports.equity(HandFixture.history(), Period.ALL);

        assertThat(series).hasSize(10);
        Drawdowns.Point trough = series.get(5); // d2 16:30, 9800 under the 10150 peak
        assertThat(trough.peak()).isEqualByComparingTo("10150");
        assertThat(trough.drawdown()).isEqualByComparingTo("350");
        assertThat(trough.drawdownPct()).isCloseTo(new BigDecimal("3.448276"), within(EPS));
        assertThat(series.getLast().drawdown()).isEqualByComparingTo("0");
    }

    @Test
    void journalCsvHasAHeaderAndOneLinePerRoundTripWithFormulaLikeIdsDefused() {
        String csv = JournalEntry.csv(reports.journal(HandFixture.history(), Period.ALL));
        String[] lines = csv.split("\r\n");

        assertThat(lines).hasSize(8);
        assertThat(lines[0]).isEqualTo(JournalEntry.CSV_HEADER);
        assertThat(lines[6]).isEqualTo("MSFT,rev,long,100,2026-11-04T14:30:00Z,2026-11-04T15:00:00Z,100.70,103.00,"
                + "230.00,2.00,228.00,2.264151,1800,rev:2:MSFT:entry,rev:2:MSFT:exit");
        Fill evil = HandFixture.fill("d1 14:31", "X", Side.BUY, 1, "1", "0", "a", "=cmd|x");
        Fill out = HandFixture.fill("d1 14:32", "X", Side.SELL, 1, "1", "0", "b", "b,c");
        String tricky = JournalEntry.csv(reports.journal(new AccountHistory(List.of(evil, out), List.of()), Period.ALL));
        assertThat(tricky).contains(",\"'=cmd|x\",\"b,c\"\r\n");
    }

    @Test
    void commissionSharesAddUpExactlyWhenTheyDoNotDivideEvenly() {
        Fill buy = HandFixture.fill("d1 14:31", "X", Side.BUY, 3, "10", "1.00", "a", "s:1:X:entry");
        List<Fill> fills = List.of(buy,
                HandFixture.fill("d1 14:32", "X", Side.SELL, 1, "11", "0", "b", "s:1:X:exit1"),
                HandFixture.fill("d1 14:33", "X", Side.SELL, 1, "11", "0", "c", "s:1:X:exit2"),
                HandFixture.fill("d1 14:34", "X", Side.SELL, 1, "11", "0", "d", "s:1:X:exit3"));

        List<RoundTrip> trips = RoundTrips.match(fills).closed();

        // 1.00 x 1/3 = 0.3333, then 0.6667 x 1/2 = 0.33335 -> 0.3334, then the rest 0.3333.
        assertThat(trips).extracting(rt -> rt.commission().toPlainString()).containsExactly("0.3333", "0.3334", "0.3333");
    }

    @Test
    void riskFreeRateIsSubtractedFromDailyReturns() {
        Reports withRate = new Reports(new PerformanceCalculator(0.0252)); // 0.0001 a day
        Performance p = withRate.performance(HandFixture.history(), Period.ALL).overall();
        // mean 0.012249215 - 0.0001 = 0.012149215; sd unchanged 0.014060416 -> 0.864077 x sqrt(252)
        assertThat(p.sharpe()).isCloseTo(new BigDecimal("13.716721"), within(new BigDecimal("0.00001")));
    }
}
