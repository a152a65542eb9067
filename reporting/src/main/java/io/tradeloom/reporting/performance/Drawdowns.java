package io.tradeloom.reporting.performance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawdown along an equity curve: at each point, how far equity is below the highest equity so far
 * ({@code peak - equity}, and as a percentage of the peak). The longest drawdown is the longest time from a peak
 * to the first later point back at or above it (or to the last point, if equity never got back).
 */
public final class Drawdowns {

    private Drawdowns() {
    }

    /** One point of the equity and drawdown series. */
    public record Point(Instant time, BigDecimal equity, BigDecimal peak, BigDecimal drawdown, BigDecimal drawdownPct) {
    }

    /** The worst drawdown (dollars at the deepest point in percent), and the longest time under water. */
    public record Summary(BigDecimal maxDrawdown, double maxDrawdownFraction, Duration longest) {
    }

    public static List<Point> series(List<EquityPoint> curve) {
        List<Point> points = new ArrayList<>(curve.size());
        BigDecimal peak = null;
        for (EquityPoint p : curve) {
            peak = peak == null ? p.equity() : peak.max(p.equity());
            BigDecimal dd = peak.subtract(p.equity());
            double pct = peak.signum() > 0 ? dd.divide(peak, MathContext.DECIMAL64).doubleValue() * 100 : 0;
            points.add(new Point(p.time(), Numbers.money(p.equity()), Numbers.money(peak), Numbers.money(dd), Numbers.stat(pct)));
        }
        return points;
    }

    public static Summary summary(List<EquityPoint> curve) {
        BigDecimal peak = null;
        Instant peakTime = null;
        boolean underwater = false;
        double worst = 0;
        BigDecimal worstDollars = BigDecimal.ZERO;
        Duration longest = Duration.ZERO;
        for (EquityPoint p : curve) {
            BigDecimal e = p.equity();
            if (peak == null || e.compareTo(peak) >= 0) {
                if (underwater) {
                    longest = max(longest, Duration.between(peakTime, p.time()));
                    underwater = false;
                }
                peak = e;
                peakTime = p.time();
                continue;
            }
            underwater = true;
            BigDecimal dd = peak.subtract(e);
            double fraction = peak.signum() > 0 ? dd.divide(peak, MathContext.DECIMAL64).doubleValue() : 0;
            if (fraction > worst) {
                worst = fraction;
                worstDollars = dd;
            }
        }
        if (underwater) {
            longest = max(longest, Duration.between(peakTime, curve.getLast().time()));
        }
        return new Summary(worstDollars, worst, longest);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
