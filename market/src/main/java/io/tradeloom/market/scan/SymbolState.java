package io.tradeloom.market.scan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.Session;

/**
 * One symbol's running scan state, updated in O(1) per bar: feed its 1-minute bars in time order with
 * {@link #onMinuteBar}, after any backfill of earlier sessions' daily bars with {@link #onDailyBar}.
 *
 * <p><b>Today and the past.</b> "Today" is the most recent session with data: the regular NYSE session of the
 * minute bars (bars outside it are skipped, as in {@code BarAggregator}), or a day given as a daily bar. It stays
 * today after the close, so an evening scan still ranks the day's movers, and becomes a completed daily bar (open
 * of the first minute, highest high, lowest low, last close, summed volume, stamped at the session open) when a
 * later session's first bar or a later daily bar arrives. The history holds the last {@code historyDays}
 * completed daily bars; the previous close, the average daily volume (mean over the history, so over fewer days
 * while it fills) and ATR(14) all describe it, never the partial today.
 *
 * <p><b>ATR(14)</b> follows TA-Lib: the true range of a daily bar is {@code max(high, previous close) -
 * min(low, previous close)}, so it exists from the second bar on; the first ATR is the mean of the first 14 true
 * ranges (available once 15 daily bars are in), then {@code ATR = (ATR_prev * 13 + TR) / 14} (Wilder's
 * smoothing), kept at scale 10 internally and exposed at scale 4. It runs over every completed day, not only the
 * history window, as a recursive average does.
 *
 * <p><b>Relative volume</b> compares today's volume with the average day's volume expected by the end of the
 * last minute bar, using a U-shaped intraday profile ({@link VolumeProfile}: about 15 % in the first half hour).
 * A day given as a daily bar counts as complete.
 *
 * <p>Not thread-safe: confine a state to its feed's thread, or lock around it; snapshots are immutable.
 */
public final class SymbolState {

    public static final int DEFAULT_HISTORY_DAYS = 20;
    public static final int ATR_PERIOD = 14;
    private static final int ATR_SCALE = 10;
    private static final BigDecimal ATR_PERIOD_DECIMAL = BigDecimal.valueOf(ATR_PERIOD);
    private static final BigDecimal ATR_KEEP = BigDecimal.valueOf(ATR_PERIOD - 1);

    private final String symbol;
    private final NyseCalendar calendar;

    // completed days: a ring of the last history.length daily bars and their summed volume
    private final Bar[] history;
    private int historyStart;
    private int historyCount;
    private long historyVolume;
    private BigDecimal trueRangeSum = BigDecimal.ZERO;
    private int trueRanges;
    private BigDecimal atr;

    // today
    private LocalDate day;
    private Instant dayStart;
    private Session session; // null when today came as a daily bar
    private BigDecimal open;
    private BigDecimal high;
    private BigDecimal low;
    private BigDecimal last;
    private long volume;
    private int sessionMinutes;
    private int minutesElapsed;
    private Instant asOf;
    private Instant lastMinute;

    private Snapshot snapshot; // cached until the next bar

    public SymbolState(String symbol, NyseCalendar calendar) {
        this(symbol, calendar, DEFAULT_HISTORY_DAYS);
    }

    public SymbolState(String symbol, NyseCalendar calendar, int historyDays) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        if (historyDays < 1) {
            throw new IllegalArgumentException("historyDays " + historyDays + " must be at least 1");
        }
        this.history = new Bar[historyDays];
    }

    public String symbol() {
        return symbol;
    }

    /**
     * Adds the next 1-minute bar (its time is the minute's start). Bars outside the regular session are skipped.
     *
     * @throws IllegalArgumentException if the bar is another symbol's, not after the previous minute bar, or of a
     *                                  day already given as a daily bar
     */
    public void onMinuteBar(Bar bar) {
        requireOwn(bar);
        Instant time = bar.time();
        if (lastMinute != null && !time.isAfter(lastMinute)) {
            throw new IllegalArgumentException(symbol + " minute bar at " + time + " is not after the previous one at "
                    + lastMinute);
        }
        if (session == null || !session.contains(time)) {
            Optional<Session> at = calendar.sessionAt(time);
            if (at.isEmpty()) {
                return;
            }
            if (day != null && !at.get().date().isAfter(day)) {
                throw new IllegalArgumentException(symbol + " minute bar at " + time + " is not after the daily bar of "
                        + day);
            }
            completeDay();
            session = at.get();
            startDay(session.date(), session.open(), bar, session.minutes());
        } else {
            high = high.max(bar.high());
            low = low.min(bar.low());
            last = bar.close();
            volume = Math.addExact(volume, bar.volume());
        }
        lastMinute = time;
        long minute = (time.getEpochSecond() - session.open().getEpochSecond()) / 60;
        minutesElapsed = (int) Math.min(minute + 1, sessionMinutes);
        asOf = time.plusSeconds(60);
        snapshot = null;
    }

    /**
     * Adds a completed session as a daily bar (backfill); its day is the New York date of its time, so Alpaca's
     * midnight stamps and {@code BarAggregator}'s 09:30 stamps both work. It becomes today until a later bar.
     *
     * @throws IllegalArgumentException if the bar is another symbol's or its day is not after today
     */
    public void onDailyBar(Bar bar) {
        requireOwn(bar);
        LocalDate date = NyseCalendar.dateOf(bar.time());
        if (day != null && !date.isAfter(day)) {
            throw new IllegalArgumentException(symbol + " daily bar of " + date + " is not after " + day);
        }
        completeDay();
        session = null;
        Optional<Session> dated = calendar.session(date);
        int minutes = dated.map(Session::minutes).orElse(VolumeProfile.REGULAR_MINUTES);
        startDay(date, bar.time(), bar, minutes);
        minutesElapsed = minutes;
        asOf = dated.map(Session::close).orElse(bar.time());
        snapshot = null;
    }

    /** The state now, or empty before the first bar. */
    public Optional<Snapshot> snapshot() {
        if (day == null) {
            return Optional.empty();
        }
        if (snapshot == null) {
            snapshot = Snapshot.of(symbol, asOf, last, open, high, low, previousClose(), volume, avgDailyVolume(),
                    atr == null ? null : atr.setScale(Snapshot.SCALE, RoundingMode.HALF_UP),
                    VolumeProfile.expectedShare(minutesElapsed, sessionMinutes));
        }
        return Optional.of(snapshot);
    }

    /** The completed daily bars held (at most {@code historyDays}), oldest first. */
    public List<Bar> dailyBars() {
        List<Bar> bars = new ArrayList<>(historyCount);
        for (int i = 0; i < historyCount; i++) {
            bars.add(history[(historyStart + i) % history.length]);
        }
        return bars;
    }

    private void requireOwn(Bar bar) {
        if (!bar.symbol().equals(symbol)) {
            throw new IllegalArgumentException("bar of " + bar.symbol() + " given to the state of " + symbol);
        }
    }

    private void startDay(LocalDate date, Instant start, Bar first, int minutes) {
        day = date;
        dayStart = start;
        open = first.open();
        high = first.high();
        low = first.low();
        last = first.close();
        volume = first.volume();
        sessionMinutes = minutes;
    }

    /** Moves today, if any, into the completed days. */
    private void completeDay() {
        if (day == null) {
            return;
        }
        Bar completed = new Bar(symbol, dayStart, open, high, low, last, volume);
        BigDecimal previousClose = previousClose();
        if (previousClose != null) {
            updateAtr(completed.high().max(previousClose).subtract(completed.low().min(previousClose)));
        }
        if (historyCount == history.length) {
            historyVolume -= history[historyStart].volume();
            history[historyStart] = completed;
            historyStart = (historyStart + 1) % history.length;
        } else {
            history[(historyStart + historyCount++) % history.length] = completed;
        }
        historyVolume += completed.volume();
    }

    private void updateAtr(BigDecimal trueRange) {
        if (atr != null) {
            atr = atr.multiply(ATR_KEEP).add(trueRange).divide(ATR_PERIOD_DECIMAL, ATR_SCALE, RoundingMode.HALF_UP);
        } else if (++trueRanges < ATR_PERIOD) {
            trueRangeSum = trueRangeSum.add(trueRange);
        } else {
            atr = trueRangeSum.add(trueRange).divide(ATR_PERIOD_DECIMAL, ATR_SCALE, RoundingMode.HALF_UP);
        }
    }

    private BigDecimal previousClose() {
        return historyCount == 0 ? null : history[(historyStart + historyCount - 1) % history.length].close();
    }

    private BigDecimal avgDailyVolume() {
        return historyCount == 0 ? null
                : BigDecimal.valueOf(historyVolume).divide(BigDecimal.valueOf(historyCount), 0, RoundingMode.HALF_UP);
    }
}
