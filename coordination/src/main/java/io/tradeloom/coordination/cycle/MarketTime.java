package io.tradeloom.coordination.cycle;

import java.time.Clock;
import java.time.Instant;

import io.tradeloom.db.market.MarketClockStore;
import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.RealMarketClock;

/**
 * The market's time as every service sees it: the scanner's clock stored in the database (simulated, replayed or
 * real), or the real NYSE clock before the scanner has stored one.
 */
public final class MarketTime {

    private final MarketClockStore store;
    private final NyseCalendar calendar = new NyseCalendar();
    private final Clock realClock;

    public MarketTime(MarketClockStore store, Clock realClock) {
        this.store = store;
        this.realClock = realClock;
    }

    /**
     * A reading of the market clock.
     *
     * @param sessionClose the current session's close while the market is open, else {@code null}
     */
    public record Now(Instant time, boolean open, Instant sessionClose) {
    }

    public Now now() {
        MarketClock clock = store.load().map(s -> s.clock(calendar, realClock))
                .orElseGet(() -> new RealMarketClock(realClock, calendar));
        Instant time = clock.now();
        boolean open = calendar.isOpen(time);
        return new Now(time, open, open ? calendar.nextClose(time) : null);
    }
}
