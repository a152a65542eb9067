package io.tradeloom.market.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.tradeloom.market.MarketFeed;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.Session;

/**
 * Historical bars of one timeframe served as a clock advances: a bar is revealed once its interval has ended
 * ({@code time + length}, cut at the session close; for 1Day the session close), so a replay shows what a live
 * feed would have shown at each instant. Drive it with a {@link io.tradeloom.market.clock.SimulatedClock}
 * started at or before {@link #firstTime()} at the chosen speed. Immutable and thread-safe.
 */
public final class ReplayMarket implements MarketFeed {

    private record Entry(Instant end, int symbol, Bar bar) {
    }

    private final Timeframe timeframe;
    private final List<String> symbols;
    private final Map<String, List<Bar>> bySymbol;
    private final Entry[] byEnd;

    /**
     * @param barsBySymbol each symbol's bars in strictly increasing time, as {@link CsvBarLoader} returns them
     */
    public ReplayMarket(Timeframe timeframe, NyseCalendar calendar, Map<String, List<Bar>> barsBySymbol) {
        this.timeframe = timeframe;
        this.bySymbol = new TreeMap<>();
        List<Entry> entries = new ArrayList<>();
        barsBySymbol.forEach((symbol, bars) -> {
            for (int i = 0; i < bars.size(); i++) {
                Bar bar = bars.get(i);
                if (!bar.symbol().equals(symbol)) {
                    throw new IllegalArgumentException("a bar of " + bar.symbol() + " is among " + symbol + "'s");
                }
                if (i > 0 && !bar.time().isAfter(bars.get(i - 1).time())) {
                    throw new IllegalArgumentException(symbol + "'s bars are not in strictly increasing time at "
                            + bar.time());
                }
            }
            bySymbol.put(symbol, List.copyOf(bars));
        });
        this.symbols = List.copyOf(bySymbol.keySet());
        for (int s = 0; s < symbols.size(); s++) {
            for (Bar bar : bySymbol.get(symbols.get(s))) {
                entries.add(new Entry(end(bar.time(), timeframe, calendar), s, bar));
            }
        }
        entries.sort(Comparator.comparing(Entry::end).thenComparing(e -> e.bar().time())
                .thenComparingInt(Entry::symbol));
        this.byEnd = entries.toArray(Entry[]::new);
    }

    /** When a bar starting at {@code time} has completed. */
    static Instant end(Instant time, Timeframe timeframe, NyseCalendar calendar) {
        if (timeframe == Timeframe.DAY_1) {
            return calendar.session(NyseCalendar.dateOf(time)).map(Session::close)
                    .orElse(time.plus(timeframe.length()));
        }
        Instant nominal = time.plus(timeframe.length());
        return calendar.sessionAt(time).map(Session::close).filter(nominal::isAfter).orElse(nominal);
    }

    @Override
    public Timeframe timeframe() {
        return timeframe;
    }

    /** The symbols, alphabetically. */
    @Override
    public List<String> symbols() {
        return symbols;
    }

    /** The earliest bar time, where a replay clock should start; empty when there are no bars. */
    public Optional<Instant> firstTime() {
        return bySymbol.values().stream().filter(b -> !b.isEmpty()).map(b -> b.getFirst().time())
                .min(Comparator.naturalOrder());
    }

    @Override
    public List<Bar> barsCompleted(Instant after, Instant upTo) {
        List<Bar> bars = new ArrayList<>();
        for (int i = firstAfter(after); i < byEnd.length && !byEnd[i].end().isAfter(upTo); i++) {
            bars.add(byEnd[i].bar());
        }
        return bars;
    }

    @Override
    public List<Bar> bars(String symbol, Instant from, Instant to) {
        List<Bar> bars = bySymbol.getOrDefault(symbol, List.of());
        int lo = firstAtOrAfter(bars, from);
        int hi = firstAtOrAfter(bars, to);
        return lo < hi ? bars.subList(lo, hi) : List.of();
    }

    /** The index of the first entry ending strictly after {@code time}. */
    private int firstAfter(Instant time) {
        int lo = 0;
        int hi = byEnd.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byEnd[mid].end().isAfter(time)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static int firstAtOrAfter(List<Bar> bars, Instant time) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).time().isBefore(time)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
