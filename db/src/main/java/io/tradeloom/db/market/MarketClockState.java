package io.tradeloom.db.market;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.RealMarketClock;
import io.tradeloom.market.clock.SimulatedClock;

/**
 * Where the market's time stands, shared through the database so every service reads the same
 * (possibly simulated) time: market time = marketAnchor + (real now - realAnchor) x speed.
 *
 * @param source          sim, replay or alpaca (alpaca runs on real time)
 * @param firstSession    the session the simulated price paths start from
 * @param ingestedThrough market time up to which the scanner stored completed bars
 */
public record MarketClockState(String source, Instant realAnchor, Instant marketAnchor, double speed,
                               boolean skipClosed, LocalDate firstSession, Instant ingestedThrough) {

    public MarketClock clock(NyseCalendar calendar, Clock realClock) {
        if (source.equals("alpaca")) {
            return new RealMarketClock(realClock, calendar);
        }
        return new SimulatedClock(calendar, realClock, realAnchor, marketAnchor, speed, skipClosed);
    }

    public MarketClockState withIngestedThrough(Instant through) {
        return new MarketClockState(source, realAnchor, marketAnchor, speed, skipClosed, firstSession, through);
    }
}
