package io.tradeloom.market.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.NewsEvent;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.clock.Session;

/**
 * One simulated session: for every symbol and minute a 1-minute bar (time = the minute's start) and the quote
 * at the minute's close (time = the minute's end), plus the session's news. Stored compactly in cents and built
 * into {@link Bar}s and {@link Quote}s on request, so a cached session costs well under 1 MB.
 */
public final class SimSession {

    private final Session session;
    private final List<String> symbols;
    private final Map<String, Integer> index;
    private final int minutes;
    private final Instant[] minuteStarts;
    // [symbol * minutes + minute], prices in cents
    final int[] open;
    final int[] high;
    final int[] low;
    final int[] close;
    final long[] volume;
    final int[] bid;
    final int[] ask;
    final int[] bidSize;
    final int[] askSize;
    private final List<NewsEvent> news;

    SimSession(Session session, List<String> symbols, Map<String, Integer> index, List<NewsEvent> news) {
        this.session = session;
        this.symbols = symbols;
        this.index = index;
        this.minutes = session.minutes();
        this.minuteStarts = new Instant[minutes + 1];
        for (int m = 0; m <= minutes; m++) {
            minuteStarts[m] = session.open().plusSeconds(60L * m);
        }
        int size = symbols.size() * minutes;
        open = new int[size];
        high = new int[size];
        low = new int[size];
        close = new int[size];
        volume = new long[size];
        bid = new int[size];
        ask = new int[size];
        bidSize = new int[size];
        askSize = new int[size];
        this.news = Collections.unmodifiableList(news); // filled and sorted by the model before publication
    }

    public Session session() {
        return session;
    }

    /** The number of minutes (bars per symbol): 390, or 210 on an early close. */
    public int minutes() {
        return minutes;
    }

    /** The bar of {@code symbol} for the minute starting {@code open + minute} minutes. */
    public Bar bar(String symbol, int minute) {
        return bar(indexOf(symbol), checkMinute(minute));
    }

    /** Every bar of {@code symbol}, in time order. */
    public List<Bar> bars(String symbol) {
        int s = indexOf(symbol);
        List<Bar> bars = new ArrayList<>(minutes);
        for (int m = 0; m < minutes; m++) {
            bars.add(bar(s, m));
        }
        return bars;
    }

    /** Every symbol's bar for one minute, in universe order. */
    public List<Bar> barsAt(int minute) {
        checkMinute(minute);
        List<Bar> bars = new ArrayList<>(symbols.size());
        for (int s = 0; s < symbols.size(); s++) {
            bars.add(bar(s, minute));
        }
        return bars;
    }

    /** The quote of {@code symbol} at the close of {@code minute} (time {@code open + minute + 1} minutes). */
    public Quote quote(String symbol, int minute) {
        int s = indexOf(symbol);
        int i = s * minutes + checkMinute(minute);
        return new Quote(symbols.get(s), minuteStarts[minute + 1], cents(bid[i]), cents(ask[i]), bidSize[i],
                askSize[i]);
    }

    /** The session's news events in time order. */
    public List<NewsEvent> news() {
        return news;
    }

    Instant minuteStart(int minute) {
        return minuteStarts[minute];
    }

    Bar bar(int s, int minute) {
        int i = s * minutes + minute;
        return new Bar(symbols.get(s), minuteStarts[minute], cents(open[i]), cents(high[i]), cents(low[i]),
                cents(close[i]), volume[i]);
    }

    private int indexOf(String symbol) {
        Integer s = index.get(symbol);
        if (s == null) {
            throw new IllegalArgumentException("unknown symbol '" + symbol + "'");
        }
        return s;
    }

    private int checkMinute(int minute) {
        if (minute < 0 || minute >= minutes) {
            throw new IndexOutOfBoundsException("minute " + minute + " is outside [0, " + minutes + ")");
        }
        return minute;
    }

    private static BigDecimal cents(int cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
