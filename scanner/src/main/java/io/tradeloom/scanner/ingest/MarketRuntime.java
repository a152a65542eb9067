package io.tradeloom.scanner.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.tradeloom.db.Database;
import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.MarketClockState;
import io.tradeloom.db.market.MarketClockStore;
import io.tradeloom.db.market.MarketEventStore;
import io.tradeloom.db.market.QuoteStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.aggregate.BarAggregator;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.NewsEvent;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.Session;
import io.tradeloom.scanner.source.AlpacaSource;
import io.tradeloom.scanner.source.MarketDataSettings;
import io.tradeloom.scanner.source.MarketSource;
import io.tradeloom.scanner.source.ReplaySource;
import io.tradeloom.scanner.source.SimSource;

/**
 * The scanner's market data at run time: the shared market clock (stored, so every service and a
 * restarted scanner read the same time), the source, and the ingest loop that stores each
 * completed one-minute bar, its roll-ups, the latest quotes, news events and the cursor in one
 * transaction, so a crash at any point neither loses nor repeats a bar.
 */
public final class MarketRuntime implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MarketRuntime.class.getName());
    /** The most market time one transaction covers; a fast clock catches up in steps. */
    private static final Duration MAX_WINDOW = Duration.ofHours(8);
    private static final List<Timeframe> ROLL_UPS = List.of(Timeframe.MIN_5, Timeframe.MIN_15, Timeframe.HOUR_1, Timeframe.DAY_1);

    private final Database db;
    private final MarketSource source;
    private final MarketClock clock;
    private final NyseCalendar calendar;
    private final Clock realClock;
    private final Map<Timeframe, BarAggregator> aggregators = new EnumMap<>(Timeframe.class);
    private final List<Consumer<List<Bar>>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Instant> cursor;
    private final Duration interval;
    private final int historyDays;
    private volatile Thread loop;

    private MarketRuntime(Database db, MarketSource source, MarketClockState state, NyseCalendar calendar,
                          Clock realClock, MarketDataSettings settings) {
        this.db = db;
        this.source = source;
        this.calendar = calendar;
        this.realClock = realClock;
        this.clock = state.clock(calendar, realClock);
        this.cursor = new AtomicReference<>(state.ingestedThrough());
        this.interval = settings.ingestInterval();
        this.historyDays = settings.historyDays();
        ROLL_UPS.forEach(tf -> aggregators.put(tf, new BarAggregator(tf, calendar)));
    }

    /**
     * Opens the market: resumes the stored clock where ingest stopped when the source is unchanged,
     * otherwise starts a new clock and loads history before its start.
     */
    public static MarketRuntime open(Database db, MarketDataSettings settings, Clock realClock) {
        NyseCalendar calendar = new NyseCalendar();
        MarketClockStore clocks = new MarketClockStore(db, realClock);
        Instant realNow = realClock.instant();
        var saved = clocks.load().filter(s -> s.source().equals(settings.source()));
        MarketClockState state;
        MarketSource source;
        boolean fresh = saved.isEmpty();
        if (!fresh) {
            MarketClockState s = saved.get();
            state = new MarketClockState(s.source(), realNow, s.ingestedThrough(), settings.speed(), settings.skipClosed(),
                    s.firstSession(), s.ingestedThrough());
            source = source(settings, calendar, s.firstSession());
        } else {
            ReplaySource replay = settings.source().equals("replay") ? new ReplaySource(settings, calendar) : null;
            Instant start = settings.start().orElseGet(() -> switch (settings.source()) {
                case "replay" -> replay.firstOpen();
                default -> calendar.latestOpen(realNow);
            });
            if (settings.skipClosed() && !calendar.isOpen(start)) {
                start = calendar.nextOpen(start);
            }
            LocalDate first = tradingDaysBefore(calendar, NyseCalendar.dateOf(start), settings.historyDays() + 5);
            state = new MarketClockState(settings.source(), realNow, start, settings.speed(), settings.skipClosed(), first, start);
            source = replay != null ? replay : source(settings, calendar, first);
        }
        clocks.save(state);
        new UniverseStore(db).replace(source.universe());
        MarketRuntime runtime = new MarketRuntime(db, source, state, calendar, realClock, settings);
        if (fresh) {
            runtime.backfill(state.ingestedThrough());
        }
        runtime.restoreAggregators();
        LOG.info(() -> "market data: " + settings.source() + ", " + source.universe().size() + " symbols, clock at "
                + runtime.clock.now() + " x" + settings.speed() + (fresh ? " (new)" : " (resumed)"));
        return runtime;
    }

    private static MarketSource source(MarketDataSettings settings, NyseCalendar calendar, LocalDate firstSession) {
        return switch (settings.source()) {
            case "replay" -> new ReplaySource(settings, calendar);
            case "alpaca" -> AlpacaSource.create(settings, Clock.systemUTC());
            default -> new SimSource(settings, calendar, firstSession);
        };
    }

    private static LocalDate tradingDaysBefore(NyseCalendar calendar, LocalDate date, int days) {
        LocalDate d = date;
        for (int i = 0; i < days; i++) {
            d = calendar.previousTradingDay(d);
        }
        return d;
    }

    /** Daily bars of the sessions before the start, and the previous session's minutes with their roll-ups. */
    private void backfill(Instant start) {
        LocalDate startDay = NyseCalendar.dateOf(calendar.latestOpen(start));
        LocalDate firstDay = tradingDaysBefore(calendar, startDay, historyDays);
        Instant from = calendar.session(firstDay).orElseThrow().open();
        Instant to = calendar.session(startDay).orElseThrow().open();
        List<Bar> daily = source.dailyHistory(from, to);
        Session previous = calendar.session(calendar.previousTradingDay(startDay)).orElseThrow();
        List<Bar> minutes = new ArrayList<>();
        for (String symbol : source.feed().symbols()) {
            minutes.addAll(source.feed().bars(symbol, previous.open(), previous.close()));
        }
        Map<Timeframe, List<Bar>> rolled = new EnumMap<>(Timeframe.class);
        for (Timeframe tf : List.of(Timeframe.MIN_5, Timeframe.MIN_15, Timeframe.HOUR_1)) {
            rolled.put(tf, BarAggregator.aggregate(minutes, tf, calendar));
        }
        int stored = db.write("ingest.backfill", ctx -> {
            int n = BarStore.insert(ctx, Timeframe.DAY_1, daily) + BarStore.insert(ctx, Timeframe.MIN_1, minutes);
            for (var e : rolled.entrySet()) {
                n += BarStore.insert(ctx, e.getKey(), e.getValue());
            }
            return n;
        });
        LOG.info(() -> "backfilled " + stored + " bars: " + historyDays + " sessions of daily bars and the "
                + previous.date() + " session's minutes");
    }

    private void resetAggregators() {
        ROLL_UPS.forEach(tf -> aggregators.put(tf, new BarAggregator(tf, calendar)));
        restoreAggregators();
    }

    /** Puts the current session's stored minutes back into the roll-up buckets after a restart. */
    private void restoreAggregators() {
        Instant through = cursor.get();
        Instant sessionOpen = calendar.latestOpen(through);
        BarStore bars = new BarStore(db);
        List<Bar> today = new ArrayList<>();
        for (String symbol : source.feed().symbols()) {
            today.addAll(bars.range(symbol, Timeframe.MIN_1, sessionOpen, through, 1000));
        }
        today.sort(Comparator.comparing(Bar::time));
        for (Bar b : today) {
            aggregators.values().forEach(a -> a.add(b));
        }
    }

    /** Called with each batch of newly stored minute bars, after its transaction committed. */
    public void onMinuteBars(Consumer<List<Bar>> listener) {
        listeners.add(listener);
    }

    public MarketClock clock() {
        return clock;
    }

    public MarketSource source() {
        return source;
    }

    public NyseCalendar calendar() {
        return calendar;
    }

    /** Market time up to which bars are stored. */
    public Instant ingestedThrough() {
        return cursor.get();
    }

    /** Starts the ingest loop on a virtual thread. */
    public void start() {
        loop = Thread.ofVirtual().name("market-ingest").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    ingestOnce();
                } catch (RuntimeException e) {
                    // The cursor did not move: the same window is tried again on the next tick.
                    LOG.log(Level.WARNING, "market ingest failed: " + Database.rootMessage(e), e);
                }
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Stores everything that completed since the cursor, in windows of at most {@link #MAX_WINDOW}. */
    public int ingestOnce() {
        Instant now = clock.now();
        int stored = 0;
        while (cursor.get().isBefore(now)) {
            Instant after = cursor.get();
            Instant upTo = after.plus(MAX_WINDOW).isBefore(now) ? after.plus(MAX_WINDOW) : now;
            stored += ingest(after, upTo);
        }
        return stored;
    }

    private synchronized int ingest(Instant after, Instant upTo) {
        try {
            return ingestWindow(after, upTo);
        } catch (RuntimeException e) {
            // The roll-up buckets took in bars that were not committed: rebuild them from what was.
            resetAggregators();
            throw e;
        }
    }

    private int ingestWindow(Instant after, Instant upTo) {
        List<Bar> minutes = new ArrayList<>(source.feed().barsCompleted(after, upTo));
        // Alpaca also serves pre- and post-market bars; the system trades the regular session only.
        minutes.removeIf(b -> !calendar.isOpen(b.time()));
        Map<Timeframe, List<Bar>> rolled = new EnumMap<>(Timeframe.class);
        for (var e : aggregators.entrySet()) {
            List<Bar> done = new ArrayList<>();
            for (Bar b : minutes) {
                done.addAll(e.getValue().add(b));
            }
            done.addAll(e.getValue().flush(upTo));
            rolled.put(e.getKey(), done);
        }
        List<Quote> quotes = source.quotes(upTo);
        List<NewsEvent> news = source.news(after, upTo);
        long realNow = realClock.millis();
        int stored = db.write("ingest.window", ctx -> {
            int n = BarStore.insert(ctx, Timeframe.MIN_1, minutes);
            for (var e : rolled.entrySet()) {
                n += BarStore.insert(ctx, e.getKey(), e.getValue());
            }
            QuoteStore.upsert(ctx, quotes);
            MarketEventStore.insert(ctx, news);
            MarketClockStore.advance(ctx, upTo, realNow);
            return n;
        });
        cursor.set(upTo);
        if (!minutes.isEmpty()) {
            listeners.forEach(l -> l.accept(minutes));
        }
        return stored;
    }

    @Override
    public void close() {
        Thread t = loop;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
