package io.tradeloom.coordination.cycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.tradeloom.coordination.store.AutotradeStore;
import io.tradeloom.db.Database;

/**
 * Runs scheduled cycles: while auto-trading is on and the market (the shared market clock) is open, one cycle
 * each time the market time enters a new {@code everyMinutes} bucket (every bar with the default of 1). The
 * switch is stored, so it survives restarts. A check that finds a cycle already running skips that bucket.
 */
public final class AutoTrader implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AutoTrader.class.getName());

    private final CycleRunner runner;
    private final AutotradeStore store;
    private final MarketTime marketTime;
    private final Clock clock;
    private final long everyMillis;
    private final ScheduledExecutorService ticker;
    private volatile AutotradeStore.State state;
    private long lastBucket = Long.MIN_VALUE;

    public AutoTrader(CycleRunner runner, AutotradeStore store, MarketTime marketTime, Clock clock, int everyMinutes,
                      Duration checkEvery) {
        this.runner = runner;
        this.store = store;
        this.marketTime = marketTime;
        this.clock = clock;
        this.everyMillis = Duration.ofMinutes(everyMinutes).toMillis();
        this.state = store.load();
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("autotrade").factory());
        ticker.scheduleWithFixedDelay(this::tick, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    public AutotradeStore.State state() {
        return state;
    }

    /** Turns auto-trading on or off, stored before it takes effect. */
    public AutotradeStore.State set(boolean enabled) {
        AutotradeStore.State saved = store.save(enabled, clock.instant());
        state = saved;
        LOG.info(() -> "auto-trading " + (enabled ? "enabled" : "disabled"));
        return saved;
    }

    private void tick() {
        try {
            if (!state.enabled()) {
                return;
            }
            MarketTime.Now now = marketTime.now();
            if (!now.open()) {
                return;
            }
            long bucket = Math.floorDiv(now.time().toEpochMilli(), everyMillis);
            if (bucket == lastBucket) {
                return;
            }
            lastBucket = bucket;
            if (runner.tryRun(CycleRunner.Trigger.SCHEDULE).isEmpty()) {
                LOG.fine(() -> "scheduled cycle at market time " + Instant.ofEpochMilli(bucket * everyMillis)
                        + " skipped: a cycle is running");
            }
        } catch (RuntimeException e) {
            // The next tick tries again; one bad tick must not end the schedule.
            LOG.log(Level.WARNING, "scheduled cycle failed: " + Database.rootMessage(e), e);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
