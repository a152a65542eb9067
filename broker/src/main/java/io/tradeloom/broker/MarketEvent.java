package io.tradeloom.broker;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Quote;

import java.time.Duration;
import java.time.Instant;

/** What open orders are matched against: a new quote, or a completed bar of a known length. */
public sealed interface MarketEvent {

    String symbol();

    /** When the event's prices were current: the quote's time, the bar's start. */
    Instant time();

    record QuoteEvent(Quote quote) implements MarketEvent {
        public String symbol() {
            return quote.symbol();
        }

        public Instant time() {
            return quote.time();
        }
    }

    record BarEvent(Bar bar, Duration length) implements MarketEvent {
        public String symbol() {
            return bar.symbol();
        }

        public Instant time() {
            return bar.time();
        }

        public Instant end() {
            return bar.time().plus(length);
        }
    }
}
