package io.tradeloom.broker;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.clock.NyseCalendar;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** A broker on an in-memory store, at 10:00 New York on Monday 3 March 2025, with readable order ids. */
final class Desk {

    static final Instant OPEN = Instant.parse("2025-03-03T14:30:00Z");
    static final Instant T0 = Instant.parse("2025-03-03T15:00:00Z");
    static final Instant CLOSE = Instant.parse("2025-03-03T21:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Set<String> SYMBOLS = Set.of("AAPL", "MSFT", "TSLA", "SPY", "NVDA");

    final InMemoryBrokerStore store;
    final Broker broker;

    Desk(BrokerConfig config, RiskLimits limits) {
        this(config, limits, new InMemoryBrokerStore());
    }

    Desk(BrokerConfig config, RiskLimits limits, InMemoryBrokerStore store) {
        this.store = store;
        AtomicLong n = new AtomicLong(store.load().orders().size() + 1000L * store.load().ledger().size());
        this.broker = new Broker(config, limits, new NyseCalendar(), store, SYMBOLS::contains,
                () -> "id-" + n.incrementAndGet(), T0);
    }

    static Desk plain() {
        return new Desk(BrokerConfig.defaults(), RiskLimits.none());
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Quote quote(String symbol, Instant time, String bid, String ask) {
        return new Quote(symbol, time, d(bid), d(ask), 100, 100);
    }

    static Bar bar(String symbol, Instant time, String o, String h, String l, String c, long volume) {
        return new Bar(symbol, time, d(o), d(h), d(l), d(c), volume);
    }

    void quote(String symbol, int minute, String bid, String ask) {
        broker.onQuote(quote(symbol, T0.plus(MINUTE.multipliedBy(minute)), bid, ask));
    }

    void bar(String symbol, int minute, String o, String h, String l, String c, long volume) {
        broker.onBar(bar(symbol, T0.plus(MINUTE.multipliedBy(minute)), o, h, l, c, volume), MINUTE);
    }

    Order submit(OrderRequest r) {
        return broker.submit(r, T0);
    }

    Order get(String id) {
        return broker.order(id).orElseThrow();
    }
}
