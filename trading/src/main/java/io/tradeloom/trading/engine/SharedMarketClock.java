package io.tradeloom.trading.engine;

import io.tradeloom.db.market.MarketClockState;
import io.tradeloom.db.market.MarketClockStore;
import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.RealMarketClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The market's time as the scanner publishes it in {@code market_clock} (simulated or real), re-read at most once a
 * second; the real clock until the scanner has written one.
 */
public final class SharedMarketClock implements MarketClock {

    private static final Duration REFRESH = Duration.ofSeconds(1);

    private final MarketClockStore store;
    private final Clock realClock;
    private final NyseCalendar calendar;
    private volatile MarketClock current;
    private volatile Instant loadedAt = Instant.MIN;

    public SharedMarketClock(MarketClockStore store, Clock realClock, NyseCalendar calendar) {
        this.store = store;
        this.realClock = realClock;
        this.calendar = calendar;
        this.current = new RealMarketClock(realClock, calendar);
    }

    @Override
    public Instant now() {
        Instant real = realClock.instant();
        if (Duration.between(loadedAt, real).compareTo(REFRESH) >= 0) {
            loadedAt = real;
            current = store.load().<MarketClock>map((MarketClockState s) -> s.clock(calendar, realClock))
                    .orElseGet(() -> new RealMarketClock(realClock, calendar));
        }
        return current.now();
    }

    @Override
    public NyseCalendar calendar() {
        return calendar;
    }
}
