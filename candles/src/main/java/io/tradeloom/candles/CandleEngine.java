package io.tradeloom.candles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;

import io.tradeloom.market.bar.BarSeries;

/**
 * Runs TA-Lib's candlestick functions over a bar series with TA-Lib's default candle settings.
 * <p>
 * Thread-safe: a {@link Core} keeps candle settings, unstable periods and the compatibility mode as instance state,
 * but only its setters write it and the {@code cdl*} functions only read it. This engine never calls a setter, so
 * its one Core always holds the defaults of a fresh Core and may serve concurrent calls.
 */
public final class CandleEngine {

    private final Core core = new Core();

    /**
     * Every non-zero output of {@code patterns} over {@code bars}, ordered by bar index, then pattern id. Bars before a
     * pattern's lookback (too few to judge) yield nothing, as in TA-Lib.
     */
    public List<Detection> detect(BarSeries bars, Collection<CandlePattern> patterns) {
        return detect(bars, patterns, 0);
    }

    /**
     * The detections at bar index {@code from} and later, as {@link #detect(BarSeries, Collection)} finds them:
     * TA-Lib still reads the bars before {@code from} for its trailing averages, but judges only the bars from
     * {@code from} on, so a caller that needs the last few bars (a backtest, bar by bar) does not pay for the rest.
     */
    public List<Detection> detect(BarSeries bars, Collection<CandlePattern> patterns, int from) {
        int n = bars.size();
        if (from < 0) {
            throw new IllegalArgumentException("from " + from + " must not be negative");
        }
        List<Detection> found = new ArrayList<>();
        if (n == 0 || from >= n) {
            return found; // TA-Lib refuses an empty range (endIdx -1) rather than answering with nothing
        }
        int[] out = new int[n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        List<CandlePattern> byId = patterns.stream().distinct().sorted(Comparator.comparing(CandlePattern::id)).toList();
        for (CandlePattern p : byId) {
            RetCode rc = p.call().call(core, from, n - 1, bars.open(), bars.high(), bars.low(), bars.close(), begin, count, out);
            if (rc != RetCode.Success) {
                // Cannot happen for a valid range: TA-Lib fails only on bad arguments, which would be a bug here.
                throw new IllegalStateException("TA-Lib " + p.id() + " failed: " + rc);
            }
            for (int k = 0; k < count.value; k++) {
                if (out[k] != 0) {
                    int index = begin.value + k;
                    found.add(new Detection(index, bars.time()[index], p, out[k]));
                }
            }
        }
        // Stable: detections at one bar keep the id order they were found in.
        found.sort(Comparator.comparingInt(Detection::index));
        return found;
    }
}
