package io.tradeloom.market.clock;

import java.time.Instant;

/** The time as the market sees it: real ({@link RealMarketClock}) or simulated ({@link SimulatedClock}). */
public interface MarketClock {

    Instant now();

    NyseCalendar calendar();

    default boolean isOpen() {
        return calendar().isOpen(now());
    }

    /** The first session open after now. */
    default Instant nextOpen() {
        return calendar().nextOpen(now());
    }

    /** The first session close after now: the current session's while the market is open. */
    default Instant nextClose() {
        return calendar().nextClose(now());
    }
}
