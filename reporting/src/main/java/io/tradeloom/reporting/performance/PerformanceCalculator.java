package io.tradeloom.reporting.performance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradeloom.market.clock.NyseCalendar;

/**
 * Computes {@link Performance} from an equity curve and round trips; docs/reporting.md states every formula.
 * Conventions: daily returns are taken between the last equity points of consecutive New York dates; Sharpe and
 * Sortino annualise with 252 trading days; CAGR annualises with 365.25 calendar days; the risk-free rate is annual.
 */
public final class PerformanceCalculator {

    public static final int TRADING_DAYS = 252;
    static final double SECONDS_PER_YEAR = 365.25 * 86_400;

    private final double riskFreeRate;

    /** @param riskFreeRate annual risk-free rate as a fraction (0.04 for 4 %) */
    public PerformanceCalculator(double riskFreeRate) {
        this.riskFreeRate = riskFreeRate;
    }

    /** A position's time in the market: from its entry to its exit, {@code end} null while it is still open. */
    public record Interval(Instant start, Instant end) {
    }

    /**
     * @param curve    the equity curve over the period, in time order
     * @param trips    the round trips closed in the period
     * @param exposure every position's time in the market (also ones closed after the period or still open)
     */
    public Performance compute(List<EquityPoint> curve, List<RoundTrip> trips, List<Interval> exposure) {
        BigDecimal commissions = BigDecimal.ZERO;
        BigDecimal grossProfit = BigDecimal.ZERO;
        BigDecimal grossLoss = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        int winners = 0;
        int losers = 0;
        long holdingSeconds = 0;
        for (RoundTrip t : trips) {
            BigDecimal pnl = t.netPnl();
            net = net.add(pnl);
            commissions = commissions.add(t.commission());
            holdingSeconds += t.holding().toSeconds();
            if (pnl.signum() > 0) {
                winners++;
                grossProfit = grossProfit.add(pnl);
            } else if (pnl.signum() < 0) {
                losers++;
                grossLoss = grossLoss.add(pnl);
            }
        }
        int n = trips.size();
        Double winRate = n == 0 ? null : 100.0 * winners / n;
        Double profitFactor = grossLoss.signum() == 0 ? null
                : grossProfit.divide(grossLoss.negate(), MathContext.DECIMAL64).doubleValue();
        BigDecimal expectancy = n == 0 ? null : net.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64);
        BigDecimal avgWin = winners == 0 ? null : grossProfit.divide(BigDecimal.valueOf(winners), MathContext.DECIMAL64);
        BigDecimal avgLoss = losers == 0 ? null : grossLoss.divide(BigDecimal.valueOf(losers), MathContext.DECIMAL64);
        Double avgHolding = n == 0 ? null : (double) holdingSeconds / n;

        if (curve.isEmpty()) {
            return new Performance(null, null, Numbers.money(net), null, null, null, null, null, null, null, null,
                    n, winners, losers, Numbers.stat(winRate), Numbers.money(grossProfit), Numbers.money(grossLoss),
                    Numbers.stat(profitFactor), Numbers.money(expectancy), Numbers.money(avgWin), Numbers.money(avgLoss),
                    Numbers.stat(avgHolding), null, Numbers.money(commissions));
        }
        BigDecimal start = curve.getFirst().equity();
        BigDecimal end = curve.getLast().equity();
        double growth = start.signum() > 0 ? end.divide(start, MathContext.DECIMAL64).doubleValue() : Double.NaN;
        Double returnPct = start.signum() > 0 ? (growth - 1) * 100 : null;
        double seconds = Duration.between(curve.getFirst().time(), curve.getLast().time()).toMillis() / 1000.0;
        Double cagr = null;
        if (seconds > 0 && start.signum() > 0) {
            cagr = growth <= 0 ? -1.0 : Math.pow(growth, SECONDS_PER_YEAR / seconds) - 1;
        }
        double[] daily = dailyReturns(curve);
        double dailyRf = riskFreeRate / TRADING_DAYS;
        Double sharpe = null;
        Double sortino = null;
        if (daily.length >= 2) {
            double mean = 0;
            for (double r : daily) {
                mean += r - dailyRf;
            }
            mean /= daily.length;
            double squares = 0;
            double downside = 0;
            for (double r : daily) {
                double x = r - dailyRf;
                squares += (x - mean) * (x - mean);
                downside += Math.min(0, x) * Math.min(0, x);
            }
            double sd = Math.sqrt(squares / (daily.length - 1));
            double dd = Math.sqrt(downside / daily.length);
            sharpe = sd > 0 ? mean / sd * Math.sqrt(TRADING_DAYS) : null;
            sortino = dd > 0 ? mean / dd * Math.sqrt(TRADING_DAYS) : null;
        }
        Drawdowns.Summary dd = Drawdowns.summary(curve);
        Double calmar = cagr != null && dd.maxDrawdownFraction() > 0 ? cagr / dd.maxDrawdownFraction() : null;
        int inMarket = inMarket(curve, exposure);
        return new Performance(Numbers.money(start), Numbers.money(end), Numbers.money(end.subtract(start)),
                Numbers.stat(returnPct), Numbers.stat(cagr == null ? null : cagr * 100), Numbers.stat(sharpe),
                Numbers.stat(sortino), Numbers.stat(calmar), Numbers.money(dd.maxDrawdown()),
                Numbers.stat(dd.maxDrawdownFraction() * 100), dd.longest().toSeconds(),
                n, winners, losers, Numbers.stat(winRate), Numbers.money(grossProfit), Numbers.money(grossLoss),
                Numbers.stat(profitFactor), Numbers.money(expectancy), Numbers.money(avgWin), Numbers.money(avgLoss),
                Numbers.stat(avgHolding), Numbers.stat(100.0 * inMarket / curve.size()), Numbers.money(commissions));
    }

    /** How many curve points fall inside some interval [start, end): a sweep, intervals by start, open ends in a heap. */
    static int inMarket(List<EquityPoint> curve, List<Interval> exposure) {
        List<Interval> byStart = new ArrayList<>(exposure);
        byStart.sort(java.util.Comparator.comparing(Interval::start));
        java.util.PriorityQueue<Instant> ends = new java.util.PriorityQueue<>();
        int next = 0;
        int open = 0; // intervals without an end, started so far
        int count = 0;
        for (EquityPoint p : curve) {
            while (next < byStart.size() && !byStart.get(next).start().isAfter(p.time())) {
                Interval i = byStart.get(next++);
                if (i.end() == null) {
                    open++;
                } else {
                    ends.add(i.end());
                }
            }
            while (!ends.isEmpty() && !ends.peek().isAfter(p.time())) {
                ends.poll();
            }
            if (open > 0 || !ends.isEmpty()) {
                count++;
            }
        }
        return count;
    }

    /**
     * Returns between the last equity points of consecutive New York dates present in the curve; the first
     * date's return is measured from the curve's first point.
     */
    static double[] dailyReturns(List<EquityPoint> curve) {
        Map<LocalDate, BigDecimal> closes = dailyCloses(curve);
        double[] returns = new double[closes.size()];
        BigDecimal previous = curve.getFirst().equity();
        int i = 0;
        for (BigDecimal close : closes.values()) {
            returns[i++] = previous.signum() > 0 ? close.divide(previous, MathContext.DECIMAL64).doubleValue() - 1 : 0;
            previous = close;
        }
        return returns;
    }

    /** Each New York date's last equity, in date order. */
    static Map<LocalDate, BigDecimal> dailyCloses(List<EquityPoint> curve) {
        Map<LocalDate, BigDecimal> closes = new LinkedHashMap<>();
        for (EquityPoint p : curve) {
            closes.put(NyseCalendar.dateOf(p.time()), p.equity());
        }
        return closes;
    }

    /**
     * A symbol's or strategy's own equity curve: the starting equity plus the net P&L of its round trips
     * closed so far, sampled at the account curve's times (and at the last exit, if later).
     */
    public static List<EquityPoint> realizedCurve(List<EquityPoint> account, List<RoundTrip> trips) {
        if (account.isEmpty()) {
            return List.of();
        }
        BigDecimal start = account.getFirst().equity();
        List<EquityPoint> curve = new ArrayList<>(account.size() + 1);
        BigDecimal realized = BigDecimal.ZERO;
        int next = 0;
        for (EquityPoint p : account) {
            while (next < trips.size() && !trips.get(next).exitTime().isAfter(p.time())) {
                realized = realized.add(trips.get(next++).netPnl());
            }
            curve.add(new EquityPoint(p.time(), start.add(realized)));
        }
        if (next < trips.size()) {
            while (next < trips.size()) {
                realized = realized.add(trips.get(next++).netPnl());
            }
            curve.add(new EquityPoint(trips.getLast().exitTime(), start.add(realized)));
        }
        return curve;
    }
}
