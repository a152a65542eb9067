package io.tradeloom.trading.engine;

import io.tradeloom.broker.Broker;
import io.tradeloom.db.Database;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.trading.store.MarketReads;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The service's heartbeat: every poll it feeds the broker the bars and quotes the scanner stored since the last one,
 * moves the broker's clock (expiries, the risk day) and records equity once a market minute.
 */
public final class MarketLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MarketLoop.class.getName());
    private static final int BAR_BATCH = 5000;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Broker broker;
    private final MarketReads reads;
    private final MarketClock clock;
    private final KnownSymbols symbols;
    private final ScheduledExecutorService executor;
    private Instant barCursor;
    private Instant quoteCursor;
    private Instant lastSnapshotMinute;
    private volatile java.util.function.Consumer<Instant> afterTick = now -> { };

    /**
     * Starts reading bars after where the engine last recorded equity (so bars stored while it was down still reach
     * the orders that were open), and marks every position at its latest quote.
     */
    public MarketLoop(Broker broker, MarketReads reads, MarketClock clock, KnownSymbols symbols) {
        this.broker = broker;
        this.reads = reads;
        this.clock = clock;
        this.symbols = symbols;
        Instant latestBar = reads.latestBarTime().orElse(Instant.EPOCH);
        Instant resume = reads.lastEquityTime().orElse(latestBar);
        this.barCursor = resume.isBefore(latestBar) ? resume.minus(MINUTE) : latestBar;
        for (Quote q : reads.quotesAfter(Instant.EPOCH)) {
            broker.mark(q.symbol(), q.bid().add(q.ask()).divide(java.math.BigDecimal.valueOf(2), 4,
                    java.math.RoundingMode.HALF_EVEN));
            quoteCursor = quoteCursor == null || q.time().isAfter(quoteCursor) ? q.time() : quoteCursor;
        }
        if (quoteCursor == null) {
            quoteCursor = Instant.EPOCH;
        }
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("paper-market").factory());
    }

    /** Work to do at the end of every tick (the Alpaca mirror's sync). */
    public MarketLoop afterTick(java.util.function.Consumer<Instant> work) {
        this.afterTick = work;
        return this;
    }

    public MarketLoop start(Duration every) {
        executor.scheduleWithFixedDelay(this::safeTick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "paper engine tick failed: " + Database.rootMessage(e), e);
        }
    }

    /** One pass; public so tests can drive the loop without waiting for the schedule. */
    public synchronized void tick() {
        symbols.refresh();
        List<Bar> bars = reads.barsAfter(barCursor, BAR_BATCH);
        for (Bar b : bars) {
            broker.onBar(b, MINUTE);
            barCursor = b.time();
        }
        List<Quote> quotes = reads.quotesAfter(quoteCursor);
        for (Quote q : quotes) {
            broker.onQuote(q);
            quoteCursor = q.time();
        }
        Instant now = clock.now();
        broker.advance(now);
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        if (clock.calendar().isOpen(now) && (lastSnapshotMinute == null || minute.isAfter(lastSnapshotMinute))) {
            broker.snapshot(now);
            lastSnapshotMinute = minute;
        }
        afterTick.accept(now);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** The tradable symbols, refreshed by the loop (the scanner may add some while running). */
    public static final class KnownSymbols implements java.util.function.Predicate<String> {
        private final MarketReads reads;
        private volatile Set<String> symbols;

        public KnownSymbols(MarketReads reads) {
            this.reads = reads;
            this.symbols = Set.copyOf(reads.symbols());
        }

        void refresh() {
            symbols = Set.copyOf(reads.symbols());
        }

        @Override
        public boolean test(String symbol) {
            return symbols.contains(symbol);
        }
    }
}
