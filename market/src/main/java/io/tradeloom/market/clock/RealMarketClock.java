package io.tradeloom.market.clock;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Real time from a {@link Clock} (the system clock in production, a fixed or manual one in tests). */
public record RealMarketClock(Clock clock, NyseCalendar calendar) implements MarketClock {

    public RealMarketClock {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(calendar, "calendar");
    }

    @Override
    public Instant now() {
        return clock.instant();
    }
}
