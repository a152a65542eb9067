package io.tradeloom.indicators;

import java.util.HashMap;
import java.util.Map;

/**
 * Output arrays that {@link IndicatorEngine} fills again on each call instead of allocating new ones, for
 * callers that compute the same indicators over and over on long series (a backtest's parameter sweep, the
 * benchmarks). At a million bars each output is an 8 MB array: allocating and zeroing 29 of them per call
 * costs more than some of the indicators, and at that size every one is a humongous object for G1.
 *
 * <p>A result computed into these buffers is valid until the next computation of the same spec into them,
 * which overwrites it. Not thread-safe: one instance per thread.
 */
public final class IndicatorBuffers {

    private final Map<IndicatorSpec, double[][]> outputs = new HashMap<>();

    /** The spec's output arrays for {@code n} bars: the same ones as last time when {@code n} is unchanged. */
    double[][] outputs(IndicatorSpec spec, int n) {
        double[][] out = outputs.get(spec);
        if (out == null || out[0].length != n) {
            out = new double[spec.indicator().outputs().size()][n];
            outputs.put(spec, out);
        }
        return out;
    }
}
