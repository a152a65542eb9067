package io.tradeloom.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.tradeloom.indicators.IndicatorEngine;
import io.tradeloom.indicators.IndicatorSpec;
import io.tradeloom.platform.http.JsonDoubles;

/**
 * Writing the numbers of the typical {@code POST /api/indicators} answer (the 10 indicators of
 * {@link IndicatorsHttpBenchmark#TYPICAL} over 500 bars: 15 outputs, 7,500 values, the warm-up as null) as text:
 * the JDK's shortest exact decimal ({@code StringBuilder.append(double)}, what the service wrote before) against
 * {@link JsonDoubles} at 12 significant digits into a byte array (what it writes now). Time per answer; divide by
 * 7,500 for a value.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnswerNumbersBenchmark {

    private final List<double[]> outputs = new ArrayList<>();
    private final StringBuilder text = new StringBuilder(1 << 18);
    private final byte[] bytes = new byte[1 << 18];

    @Setup
    public void setUp() {
        IndicatorEngine engine = new IndicatorEngine();
        for (String spec : IndicatorsHttpBenchmark.TYPICAL) {
            outputs.addAll(engine.compute(TaBars.series(500), IndicatorSpec.parse(spec)).outputs().values());
        }
    }

    @Benchmark
    public int jdkShortest() {
        text.setLength(0);
        for (double[] values : outputs) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    text.append(v);
                } else {
                    text.append("null");
                }
                text.append(',');
            }
        }
        return text.length();
    }

    @Benchmark
    public int twelveDigits() {
        int at = 0;
        for (double[] values : outputs) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    at = JsonDoubles.write(bytes, at, v, 12);
                } else {
                    bytes[at++] = 'n';
                    bytes[at++] = 'u';
                    bytes[at++] = 'l';
                    bytes[at++] = 'l';
                }
                bytes[at++] = ',';
            }
        }
        return at;
    }
}
