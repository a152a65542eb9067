package io.tradeloom.indicators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.tictactec.ta.lib.Core;

import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.clock.NyseCalendar;

/**
 * Computes indicators over bar series, with TA-Lib underneath; usable in-process (backtests) as well
 * as behind the HTTP API. Thread-safe.
 */
public final class IndicatorEngine {

    // One Core for every thread: its settings (unstable periods, compatibility) are only written by
    // setters this class never calls, and its functions keep their state in locals.
    private final Core core = new Core();
    private final NyseCalendar calendar;

    /** @param calendar the sessions VWAP resets at */
    public IndicatorEngine(NyseCalendar calendar) {
        this.calendar = calendar;
    }

    public IndicatorEngine() {
        this(new NyseCalendar());
    }

    public IndicatorResult compute(BarSeries bars, IndicatorSpec spec) {
        return compute(bars, spec, new double[spec.indicator().outputs().size()][bars.size()]);
    }

    /** Computed into {@code buffers}' arrays for this spec: valid until the next call with the same spec and buffers. */
    public IndicatorResult compute(BarSeries bars, IndicatorSpec spec, IndicatorBuffers buffers) {
        return compute(bars, spec, buffers.outputs(spec, bars.size()));
    }

    /** Each spec's result keyed by its text, in the order given; a text given twice is computed once. */
    public Map<String, IndicatorResult> compute(BarSeries bars, List<IndicatorSpec> specs) {
        return each(specs, spec -> compute(bars, spec));
    }

    /** As {@link #compute(BarSeries, List)}, into {@code buffers}' arrays. */
    public Map<String, IndicatorResult> compute(BarSeries bars, List<IndicatorSpec> specs, IndicatorBuffers buffers) {
        return each(specs, spec -> compute(bars, spec, buffers));
    }

    private static Map<String, IndicatorResult> each(List<IndicatorSpec> specs, Function<IndicatorSpec, IndicatorResult> compute) {
        Map<String, IndicatorResult> results = new LinkedHashMap<>();
        for (IndicatorSpec spec : specs) {
            results.computeIfAbsent(spec.text(), text -> compute.apply(spec));
        }
        return results;
    }

    private IndicatorResult compute(BarSeries bars, IndicatorSpec spec, double[][] values) {
        spec.indicator().compute(core, calendar, bars, spec.paramArray(), values);
        Map<String, double[]> outputs = new LinkedHashMap<>();
        List<String> names = spec.indicator().outputs();
        for (int k = 0; k < names.size(); k++) {
            outputs.put(names.get(k), values[k]);
        }
        return new IndicatorResult(spec, outputs);
    }
}
