package io.tradeloom.charts;

import java.util.ArrayList;
import java.util.List;

import io.tradeloom.market.bar.BarSeries;

/**
 * Swing highs and lows: a high is confirmed once price has fallen from it by the reversal threshold, a low once
 * price has risen from it by the threshold; highs and lows alternate. The threshold at bar i is
 * max(reversalAtr x ATR[i], reversalPercent x close[i]). Of equal extremes the first is the pivot. The last,
 * unconfirmed extreme is not a pivot.
 */
final class ZigZag {

    private ZigZag() {
    }

    static List<Pivot> pivots(BarSeries bars, double[] atr, double reversalAtr, double reversalPercent) {
        int n = bars.size();
        double[] high = bars.high();
        double[] low = bars.low();
        List<Pivot> pivots = new ArrayList<>();
        if (n == 0) {
            return pivots;
        }
        int dir = 0; // +1 rising towards a high, -1 falling towards a low, 0 not yet known
        int hi = 0;
        int lo = 0;
        for (int i = 1; i < n; i++) {
            double threshold = Math.max(reversalAtr * atr[i], reversalPercent * bars.close()[i]);
            if (dir == 0) {
                if (high[i] > high[hi]) {
                    hi = i;
                }
                if (low[i] < low[lo]) {
                    lo = i;
                }
                if (hi > lo && high[hi] - low[lo] >= threshold) {
                    pivots.add(new Pivot(lo, bars.time()[lo], low[lo], Pivot.Kind.LOW));
                    dir = 1;
                } else if (lo > hi && high[hi] - low[lo] >= threshold) {
                    pivots.add(new Pivot(hi, bars.time()[hi], high[hi], Pivot.Kind.HIGH));
                    dir = -1;
                }
            } else if (dir > 0) {
                if (high[i] > high[hi]) {
                    hi = i;
                } else if (high[hi] - low[i] >= threshold) {
                    pivots.add(new Pivot(hi, bars.time()[hi], high[hi], Pivot.Kind.HIGH));
                    dir = -1;
                    lo = i;
                }
            } else {
                if (low[i] < low[lo]) {
                    lo = i;
                } else if (high[i] - low[lo] >= threshold) {
                    pivots.add(new Pivot(lo, bars.time()[lo], low[lo], Pivot.Kind.LOW));
                    dir = 1;
                    hi = i;
                }
            }
        }
        return pivots;
    }
}
