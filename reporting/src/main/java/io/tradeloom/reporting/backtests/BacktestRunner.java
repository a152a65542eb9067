package io.tradeloom.reporting.backtests;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.tradeloom.backtest.BacktestEngine;
import io.tradeloom.backtest.BacktestResult;
import io.tradeloom.db.Database;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.reporting.store.BacktestStore;

/**
 * Runs accepted backtests in the background, at most {@code maxRunning} at once (they are CPU-bound), and stores
 * each one's result or failure. A backtest is stored RUNNING before it starts, so a client can follow it.
 */
public final class BacktestRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BacktestRunner.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BacktestStore store;
    private final NyseCalendar calendar;
    private final Clock clock;
    private final ExecutorService executor;

    public BacktestRunner(BacktestStore store, NyseCalendar calendar, Clock clock, int maxRunning) {
        this.store = store;
        this.calendar = calendar;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(maxRunning, r -> {
            Thread t = new Thread(r, "backtest-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        int interrupted = store.failInterrupted();
        if (interrupted > 0) {
            LOG.warning(() -> interrupted + " backtest(s) left RUNNING by an earlier process marked FAILED");
        }
    }

    /** Stores the backtest as RUNNING and queues it; returns its id. */
    public String submit(BacktestPlan plan, String requestJson) {
        String id = newId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        store.create(id, now, requestJson, plan.spec().strategy().name(), plan.spec().broker().startingCash());
        executor.execute(() -> run(id, plan));
        return id;
    }

    /** A new backtest id: 'bt-' and 12 random hex digits. */
    public static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return "bt-" + HexFormat.of().formatHex(bytes);
    }

    private void run(String id, BacktestPlan plan) {
        long started = System.nanoTime();
        try {
            BacktestResult result = new BacktestEngine(calendar).run(plan.spec(), plan.feed());
            store.complete(id, result);
            LOG.info(() -> "backtest " + id + " completed: " + result.bars() + " bars, " + result.fills().size()
                    + " fills in " + result.elapsedMs() + " ms");
        } catch (RuntimeException | OutOfMemoryError e) {
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            LOG.log(Level.WARNING, "backtest " + id + " failed", e);
            try {
                store.fail(id, e.getClass().getSimpleName() + ": " + Database.rootMessage(e), elapsed);
            } catch (RuntimeException storing) {
                LOG.log(Level.SEVERE, "backtest " + id + " failed and its failure could not be stored", storing);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
