package io.tradeloom.market;

import java.time.Instant;
import java.util.List;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;

/**
 * A source of bars that a market clock reveals over time: the simulator or a historical replay. Consumers keep
 * their own cursor: each poll asks for the bars completed since the previous poll's instant.
 */
public interface MarketFeed {

    /** The timeframe of the bars this feed serves. */
    Timeframe timeframe();

    /** The symbols this feed serves, in the order it lists bars of the same time. */
    List<String> symbols();

    /**
     * The bars that completed (their interval ended) in {@code (after, upTo]}, ordered by time and then in
     * {@link #symbols()} order. Consecutive windows never repeat or skip a bar.
     */
    List<Bar> barsCompleted(Instant after, Instant upTo);

    /** The bars of {@code symbol} whose time (interval start) is in {@code [from, to)}, in time order. */
    List<Bar> bars(String symbol, Instant from, Instant to);
}
