package io.tradeloom.reporting.performance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import io.tradeloom.market.clock.NyseCalendar;

/** The reports over an {@link AccountHistory} and a period: performance, equity, journal, days. */
public final class Reports {

    private final PerformanceCalculator calculator;

    public Reports(PerformanceCalculator calculator) {
        this.calculator = calculator;
    }

    /** Performance overall, per symbol and per strategy (groups in name order). */
    public record PerformanceReport(Performance overall, Map<String, Performance> bySymbol,
                                    Map<String, Performance> byStrategy, List<RoundTrips.OpenLot> openPositions) {
    }

    /** One New York trading date. */
    public record Day(LocalDate date, BigDecimal startingEquity, BigDecimal endingEquity, BigDecimal pnl,
                      BigDecimal returnPct, int trades, int winners, int losers, BigDecimal realizedPnl,
                      BigDecimal commissions) {
    }

    public PerformanceReport performance(AccountHistory history, Period period) {
        RoundTrips.Result matched = RoundTrips.match(history.fills());
        List<RoundTrip> trips = closedIn(matched, period);
        List<EquityPoint> curve = curve(history, period);
        Performance overall = calculator.compute(curve, trips, intervals(matched));
        return new PerformanceReport(overall,
                groups(curve, trips, matched, RoundTrip::symbol, RoundTrips.OpenLot::symbol),
                groups(curve, trips, matched, RoundTrip::strategy, RoundTrips.OpenLot::strategy),
                matched.open());
    }

    public List<Drawdowns.Point> equity(AccountHistory history, Period period) {
        return Drawdowns.series(curve(history, period));
    }

    public List<JournalEntry> journal(AccountHistory history, Period period) {
        return closedIn(RoundTrips.match(history.fills()), period).stream().map(JournalEntry::of).toList();
    }

    public List<Day> daily(AccountHistory history, Period period) {
        List<EquityPoint> curve = curve(history, period);
        List<RoundTrip> trips = closedIn(RoundTrips.match(history.fills()), period);
        Map<LocalDate, BigDecimal> closes = PerformanceCalculator.dailyCloses(curve);
        TreeSet<LocalDate> dates = new TreeSet<>(closes.keySet());
        Map<LocalDate, List<RoundTrip>> byDate = new TreeMap<>();
        for (RoundTrip t : trips) {
            LocalDate d = NyseCalendar.dateOf(t.exitTime());
            dates.add(d);
            byDate.computeIfAbsent(d, k -> new ArrayList<>()).add(t);
        }
        List<Day> days = new ArrayList<>();
        BigDecimal previous = curve.isEmpty() ? null : curve.getFirst().equity();
        for (LocalDate d : dates) {
            BigDecimal close = closes.get(d);
            BigDecimal pnl = null;
            Double pct = null;
            BigDecimal start = previous;
            if (close != null && previous != null) {
                pnl = close.subtract(previous);
                pct = previous.signum() > 0 ? pnl.divide(previous, MathContext.DECIMAL64).doubleValue() * 100 : null;
                previous = close;
            }
            int winners = 0;
            int losers = 0;
            BigDecimal realized = BigDecimal.ZERO;
            BigDecimal commissions = BigDecimal.ZERO;
            List<RoundTrip> closed = byDate.getOrDefault(d, List.of());
            for (RoundTrip t : closed) {
                realized = realized.add(t.netPnl());
                commissions = commissions.add(t.commission());
                winners += t.netPnl().signum() > 0 ? 1 : 0;
                losers += t.netPnl().signum() < 0 ? 1 : 0;
            }
            days.add(new Day(d, close == null ? null : Numbers.money(start), Numbers.money(close), Numbers.money(pnl),
                    Numbers.stat(pct), closed.size(), winners, losers, Numbers.money(realized), Numbers.money(commissions)));
        }
        return days;
    }

    private Map<String, Performance> groups(List<EquityPoint> curve, List<RoundTrip> trips, RoundTrips.Result matched,
                                            Function<RoundTrip, String> key, Function<RoundTrips.OpenLot, String> openKey) {
        Map<String, List<RoundTrip>> grouped = new TreeMap<>();
        for (RoundTrip t : trips) {
            grouped.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
        }
        Map<String, Performance> out = new TreeMap<>();
        grouped.forEach((name, own) -> {
            List<PerformanceCalculator.Interval> exposure = new ArrayList<>();
            for (RoundTrip t : matched.closed()) {
                if (key.apply(t).equals(name)) {
                    exposure.add(new PerformanceCalculator.Interval(t.entryTime(), t.exitTime()));
                }
            }
            for (RoundTrips.OpenLot lot : matched.open()) {
                if (openKey.apply(lot).equals(name)) {
                    exposure.add(new PerformanceCalculator.Interval(lot.time(), null));
                }
            }
            out.put(name, calculator.compute(PerformanceCalculator.realizedCurve(curve, own), own, exposure));
        });
        return out;
    }

    private static List<PerformanceCalculator.Interval> intervals(RoundTrips.Result matched) {
        List<PerformanceCalculator.Interval> intervals = new ArrayList<>();
        for (RoundTrip t : matched.closed()) {
            intervals.add(new PerformanceCalculator.Interval(t.entryTime(), t.exitTime()));
        }
        for (RoundTrips.OpenLot lot : matched.open()) {
            intervals.add(new PerformanceCalculator.Interval(lot.time(), null));
        }
        return intervals;
    }

    private static List<RoundTrip> closedIn(RoundTrips.Result matched, Period period) {
        return matched.closed().stream().filter(t -> period.contains(t.exitTime())).toList();
    }

    private static List<EquityPoint> curve(AccountHistory history, Period period) {
        return history.equity().stream().filter(p -> period.contains(p.time())).toList();
    }
}
