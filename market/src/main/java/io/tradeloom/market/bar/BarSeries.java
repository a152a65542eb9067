package io.tradeloom.market.bar;

import java.time.Instant;
import java.util.List;

/**
 * Bars as the column arrays indicator and pattern libraries (TA-Lib) compute on. Prices are doubles
 * here on purpose: indicators are statistics, not money, and TA-Lib takes double[].
 */
public record BarSeries(Instant[] time, double[] open, double[] high, double[] low, double[] close, double[] volume) {

    public BarSeries {
        int n = time.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("every column of a bar series must have the same length");
        }
    }

    public int size() {
        return time.length;
    }

    public static BarSeries of(List<Bar> bars) {
        int n = bars.size();
        Instant[] time = new Instant[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            time[i] = b.time();
            open[i] = b.open().doubleValue();
            high[i] = b.high().doubleValue();
            low[i] = b.low().doubleValue();
            close[i] = b.close().doubleValue();
            volume[i] = b.volume();
        }
        return new BarSeries(time, open, high, low, close, volume);
    }
}
