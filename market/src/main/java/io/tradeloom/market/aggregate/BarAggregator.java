package io.tradeloom.market.aggregate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.Session;

/**
 * Rolls 1-minute bars up to a longer timeframe: open = the first bar's open, high = the highest high, low = the
 * lowest low, close = the last bar's close, volume = the sum.
 *
 * <p>Buckets are aligned to the session open and cut at its close, never spanning two sessions: 5Min buckets
 * start 09:30, 09:35, ...; 1Hour buckets are 09:30-10:30, ..., 15:30-16:00 (a half-hour bucket), or
 * ..., 12:30-13:00 on an early close; the 1Day bucket is the whole session. A rolled-up bar's time is its
 * bucket's start (so a 1Day bar is stamped at 09:30 New York). Minute bars outside the regular session belong to
 * no bucket and are skipped.
 *
 * <p>Streaming: {@link #add} takes each symbol's minute bars in time order (symbols may interleave) and returns
 * buckets as they complete: when the bucket's last minute arrives, or when a bar of a later bucket shows that
 * the previous one is over. {@link #flush} completes buckets whose end has passed by the clock even if their last
 * minutes had no trades. Not thread-safe: one aggregator per feed consumer.
 */
public final class BarAggregator {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Timeframe target;
    private final NyseCalendar calendar;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>();
    private final Map<String, Instant> lastTimes = new HashMap<>();

    public BarAggregator(Timeframe target, NyseCalendar calendar) {
        this.target = Objects.requireNonNull(target, "target");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Adds the next 1-minute bar of its symbol.
     *
     * @return the bars this completes, oldest first (none, one, or the previous bucket and this one)
     * @throws IllegalArgumentException if the bar is not after the previous bar of its symbol
     */
    public List<Bar> add(Bar minute) {
        Instant last = lastTimes.get(minute.symbol());
        if (last != null && !minute.time().isAfter(last)) {
            throw new IllegalArgumentException(minute.symbol() + " bar at " + minute.time()
                    + " is not after the previous one at " + last);
        }
        lastTimes.put(minute.symbol(), minute.time());
        Optional<Session> session = calendar.sessionAt(minute.time());
        if (session.isEmpty()) {
            return List.of();
        }
        List<Bar> completed = new ArrayList<>(2);
        Bucket bucket = buckets.get(minute.symbol());
        Instant start = bucketStart(session.get(), minute.time());
        if (bucket != null && !bucket.start.equals(start)) {
            completed.add(buckets.remove(minute.symbol()).toBar());
            bucket = null;
        }
        if (bucket == null) {
            Instant end = start.plus(target.length());
            bucket = new Bucket(minute, start, end.isBefore(session.get().close()) ? end : session.get().close());
            buckets.put(minute.symbol(), bucket);
        } else {
            bucket.merge(minute);
        }
        if (!minute.time().plus(MINUTE).isBefore(bucket.end)) {
            completed.add(buckets.remove(minute.symbol()).toBar());
        }
        return completed;
    }

    /** Completes and returns the buckets in progress whose end is at or before {@code now}. */
    public List<Bar> flush(Instant now) {
        List<Bar> completed = new ArrayList<>();
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            if (!bucket.end.isAfter(now)) {
                completed.add(bucket.toBar());
                it.remove();
            }
        }
        return completed;
    }

    /**
     * Rolls up a batch of minute bars (each symbol's in time order; symbols may interleave). Every bucket that
     * holds a bar is returned, including one cut short by the end of the data; ordered by time, then symbol.
     */
    public static List<Bar> aggregate(List<Bar> minuteBars, Timeframe target, NyseCalendar calendar) {
        BarAggregator aggregator = new BarAggregator(target, calendar);
        List<Bar> bars = new ArrayList<>();
        minuteBars.forEach(bar -> bars.addAll(aggregator.add(bar)));
        aggregator.buckets.values().forEach(bucket -> bars.add(bucket.toBar()));
        bars.sort(Comparator.comparing(Bar::time).thenComparing(Bar::symbol));
        return bars;
    }

    private Instant bucketStart(Session session, Instant time) {
        long length = target.length().toMinutes();
        long index = Duration.between(session.open(), time).toMinutes() / length;
        return session.open().plus(Duration.ofMinutes(index * length));
    }

    private static final class Bucket {
        private final String symbol;
        private final Instant start;
        private final Instant end;
        private final BigDecimal open;
        private BigDecimal high;
        private BigDecimal low;
        private BigDecimal close;
        private long volume;

        Bucket(Bar first, Instant start, Instant end) {
            this.symbol = first.symbol();
            this.start = start;
            this.end = end;
            this.open = first.open();
            this.high = first.high();
            this.low = first.low();
            this.close = first.close();
            this.volume = first.volume();
        }

        void merge(Bar bar) {
            high = high.max(bar.high());
            low = low.min(bar.low());
            close = bar.close();
            volume = Math.addExact(volume, bar.volume());
        }

        Bar toBar() {
            return new Bar(symbol, start, open, high, low, close, volume);
        }
    }
}
