package io.tradeloom.recognition.scan;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.tradeloom.charts.ChartAnalysis;
import io.tradeloom.charts.ChartEngine;
import io.tradeloom.db.Database;
import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.recognition.store.ChartPatternStore;

/**
 * The background scan: every interval, the chart patterns of each universe symbol's latest stored bars, stored,
 * so that patterns exist for the dashboard and coordination without anyone asking first. The first pass runs at
 * start. A failing pass is logged and the next one runs as scheduled.
 */
public final class PatternScan implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PatternScan.class.getName());
    /** The upper bound of "every stored bar"; Instant.MAX has no epoch-millisecond form. */
    private static final Instant END_OF_TIME = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final ChartEngine engine;
    private final UniverseStore universe;
    private final BarStore bars;
    private final ChartPatternStore store;
    private final Timeframe timeframe;
    private final int barCount;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public PatternScan(ChartEngine engine, UniverseStore universe, BarStore bars, ChartPatternStore store,
                       Timeframe timeframe, int barCount, Clock clock) {
        this.engine = engine;
        this.universe = universe;
        this.bars = bars;
        this.store = store;
        this.timeframe = timeframe;
        this.barCount = barCount;
        this.clock = clock;
    }

    /** What one pass did. */
    public record Pass(int symbols, int patterns, int added) {
    }

    /** One pass over the universe, on the caller's thread. */
    public Pass runOnce() {
        int symbols = 0;
        int patterns = 0;
        int added = 0;
        for (UniverseStore.Member member : universe.list()) {
            BarSeries series = BarSeries.of(bars.latest(member.symbol(), timeframe, END_OF_TIME, barCount));
            if (series.size() == 0) {
                continue;
            }
            ChartAnalysis analysis = engine.analyse(series);
            added += store.save(member.symbol(), timeframe, analysis.patterns(), clock.instant());
            patterns += analysis.patterns().size();
            symbols++;
        }
        return new Pass(symbols, patterns, added);
    }

    /** Runs a pass now and then every {@code intervalMillis}. */
    public synchronized void start(long intervalMillis) {
        if (executor != null) {
            throw new IllegalStateException("already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("chart-pattern-scan").factory());
        executor.scheduleWithFixedDelay(this::pass, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            long started = System.nanoTime();
            Pass pass = runOnce();
            LOG.fine(() -> "chart pattern scan: " + pass.symbols() + " symbols, " + pass.patterns() + " patterns ("
                    + pass.added() + " new) in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "chart pattern scan failed: " + Database.rootMessage(e));
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
