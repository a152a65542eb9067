package io.tradeloom.scanner;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.tradeloom.market.bar.Bar;

/** The test's own roll-up, to check the service's: first open, highest high, lowest low, last close, summed volume. */
final class Ohlcv {

    private Ohlcv() {
    }

    static Bar aggregate(String symbol, Instant bucket, List<Bar> minutes) {
        if (minutes.isEmpty()) {
            throw new AssertionError("no minute bars of " + symbol + " in the bucket at " + bucket);
        }
        BigDecimal high = minutes.getFirst().high();
        BigDecimal low = minutes.getFirst().low();
        long volume = 0;
        for (Bar m : minutes) {
            high = high.max(m.high());
            low = low.min(m.low());
            volume += m.volume();
        }
        return new Bar(symbol, bucket, minutes.getFirst().open(), high, low, minutes.getLast().close(), volume);
    }
}
