package io.tradeloom.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.scan.Preset;
import io.tradeloom.market.scan.ScanCriteria;
import io.tradeloom.market.scan.ScanEngine;
import io.tradeloom.market.scan.ScanResult;
import io.tradeloom.market.scan.Snapshot;
import io.tradeloom.market.scan.SortKey;
import io.tradeloom.market.scan.SymbolState;

/**
 * Scan latency for 50, 500 and 5,000 symbols (goal: a full scan of 5,000 under 250 ms).
 *
 * <ul>
 *   <li>{@code gappers}, {@code rankAll}: the engine alone over ready snapshots, for a preset that matches a few
 *       symbols and for a ranking that matches all of them (top 500 by dollar volume, the engine's maximum).</li>
 *   <li>{@code snapshotsThenGappers}, {@code snapshotsThenRankAll}: what {@code POST /api/scan} does between ingest
 *       ticks: collect every state's (cached) snapshot under the lock, as the scanner's {@code Snapshots.all()}
 *       does, then scan.</li>
 *   <li>{@code afterTickSnapshotsThenRankAll}: the first scan after an ingest tick, when every state has just taken
 *       a minute bar, so every snapshot is rebuilt; the tick itself is fed outside the timing.</li>
 * </ul>
 * Run: {@code java -jar bench/target/benchmarks.jar ScanBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScanBenchmark {

    static final ScanCriteria GAPPERS = Preset.GAPPERS.criteria();
    /** No filter, so every symbol matches: the heaviest scan (every candidate ranked, 500 returned). */
    static final ScanCriteria RANK_ALL = ScanCriteria.builder().topN(ScanCriteria.DEFAULT_MAX_TOP_N)
            .sortBy(SortKey.DOLLAR_VOLUME).sortDescending(true).build();

    /** The scanner's states, keyed by symbol in universe order as in {@code Snapshots}. */
    @State(Scope.Benchmark)
    public static class Universe {

        @Param({"50", "500", "5000"})
        public int symbols;

        final ScanEngine engine = new ScanEngine(ScanCriteria.DEFAULT_MAX_TOP_N);
        final Map<String, SymbolState> states = new LinkedHashMap<>();
        List<Snapshot> snapshots;

        @Setup(Level.Trial)
        public void setUp() {
            for (SymbolState s : BenchMarket.states(symbols, new NyseCalendar())) {
                states.put(s.symbol(), s);
            }
            snapshots = all();
        }

        /** As {@code io.tradeloom.scanner.scan.Snapshots.all()}: a synchronized pass over the states. */
        synchronized List<Snapshot> all() {
            List<Snapshot> all = new ArrayList<>(states.size());
            for (SymbolState s : states.values()) {
                s.snapshot().ifPresent(all::add);
            }
            return all;
        }
    }

    /** Like {@link Universe}, but each invocation first feeds every state its next minute bar. */
    @State(Scope.Thread)
    public static class AfterTick extends Universe {

        private final NyseCalendar calendar = new NyseCalendar();
        private Instant next = calendar.session(BenchMarket.TODAY).orElseThrow().open()
                .plusSeconds(60L * BenchMarket.MINUTES_TODAY);

        /**
         * A flat bar at each symbol's last price: the values do not matter to the cost, only that every cached
         * snapshot is dropped. Past the close the clock moves to the next session, so any number of invocations
         * works (each new session turns today into a completed day, as in production).
         */
        @Setup(Level.Invocation)
        public void tick() {
            if (!calendar.isOpen(next)) {
                next = calendar.nextOpen(next);
            }
            for (SymbolState s : states.values()) {
                BigDecimal last = s.snapshot().orElseThrow().last();
                s.onMinuteBar(new Bar(s.symbol(), next, last, last, last, last, 1_000));
            }
            next = next.plusSeconds(60);
        }
    }

    @Benchmark
    public ScanResult gappers(Universe u) {
        return u.engine.scan(u.snapshots, GAPPERS);
    }

    @Benchmark
    public ScanResult rankAll(Universe u) {
        return u.engine.scan(u.snapshots, RANK_ALL);
    }

    @Benchmark
    public ScanResult snapshotsThenGappers(Universe u) {
        return u.engine.scan(u.all(), GAPPERS);
    }

    @Benchmark
    public ScanResult snapshotsThenRankAll(Universe u) {
        return u.engine.scan(u.all(), RANK_ALL);
    }

    @Benchmark
    public ScanResult afterTickSnapshotsThenRankAll(AfterTick t) {
        return t.engine.scan(t.all(), RANK_ALL);
    }
}
