package io.tradeloom.indicators;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One indicator computed over a bar series: each output as an array as long as the series, NaN where
 * the indicator is not defined (TA-Lib's warm-up before its first output, VWAP before any volume or
 * outside a session). The arrays are the engine's own: read them, do not modify them.
 *
 * @param outputs output name (see {@link Indicator#outputs()}) to values, in TA-Lib's order
 */
public record IndicatorResult(IndicatorSpec spec, Map<String, double[]> outputs) {

    public IndicatorResult {
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** The output named {@code name}, e.g. {@code hist} of MACD. */
    public double[] output(String name) {
        double[] values = outputs.get(name);
        if (values == null) {
            throw new IllegalArgumentException(spec.indicator() + " has no output '" + name + "'; it has " + outputs.keySet());
        }
        return values;
    }

    /** The output of a single-output indicator. */
    public double[] value() {
        return output("value");
    }
}
