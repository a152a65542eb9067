package io.tradeloom.candles;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;

/**
 * One of TA-Lib's candlestick pattern functions.
 *
 * @param id   TA-Lib's function name, as its C API and every TA-Lib wrapper spell it ({@code CDLENGULFING})
 * @param name TA-Lib's description of the function ({@code Engulfing Pattern})
 * @param call the Java {@link Core} method, with TA-Lib's default penetration bound in where it takes one
 */
public record CandlePattern(String id, String name, TaLibCall call) {

    /** The shape every {@code Core.cdl*} method has once optional inputs are bound. */
    @FunctionalInterface
    public interface TaLibCall {
        RetCode call(Core core, int startIdx, int endIdx, double[] open, double[] high, double[] low, double[] close,
                     MInteger outBegIdx, MInteger outNbElement, int[] out);
    }

    /** The shape of the {@code Core.cdl*} methods that take a penetration. */
    @FunctionalInterface
    interface PenetrationCall {
        RetCode call(Core core, int startIdx, int endIdx, double[] open, double[] high, double[] low, double[] close,
                     double penetration, MInteger outBegIdx, MInteger outNbElement, int[] out);
    }

    static CandlePattern of(String id, String name, TaLibCall call) {
        return new CandlePattern(id, name, call);
    }

    static CandlePattern of(String id, String name, double penetration, PenetrationCall call) {
        return new CandlePattern(id, name, (core, start, end, open, high, low, close, begin, count, out) ->
                call.call(core, start, end, open, high, low, close, penetration, begin, count, out));
    }
}
