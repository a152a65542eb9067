package io.tradeloom.market.bar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class BarTest {

    private static final Instant T = Instant.parse("2026-03-09T13:30:00Z");

    private static Bar bar(String open, String high, String low, String close, long volume) {
        return new Bar("AAPL", T, new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), volume);
    }

    @Test
    void aConsistentBarIsAccepted() {
        Bar bar = bar("10.00", "10.50", "9.90", "10.20", 1200);
        assertThat(bar.high()).isEqualByComparingTo("10.5");
        assertThat(bar.volume()).isEqualTo(1200);
    }

    @Test
    void aFlatBarWithZeroVolumeIsAccepted() {
        assertThat(bar("10", "10", "10", "10", 0).volume()).isZero();
    }

    @Test
    void highBelowLowIsRejected() {
        assertThatThrownBy(() -> bar("10", "9", "11", "10", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("high 9 is below low 11");
    }

    @Test
    void openOrCloseOutsideTheRangeIsRejected() {
        assertThatThrownBy(() -> bar("10.60", "10.50", "9.90", "10.00", 1))
                .hasMessage("open 10.60 is outside [low 9.90, high 10.50]");
        assertThatThrownBy(() -> bar("10.00", "10.50", "9.90", "9.80", 1))
                .hasMessage("close 9.80 is outside [low 9.90, high 10.50]");
    }

    @Test
    void nonPositiveLowIsRejected() {
        assertThatThrownBy(() -> bar("0", "1", "0", "1", 1)).hasMessage("low 0 must be positive");
    }

    @Test
    void negativeVolumeIsRejected() {
        assertThatThrownBy(() -> bar("10", "10", "10", "10", -5)).hasMessage("volume -5 is negative");
    }

    @Test
    void blankOrSpacedSymbolIsRejected() {
        assertThatThrownBy(() -> new Bar(" ", T, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbol");
        assertThatThrownBy(() -> new Bar("BRK B", T, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quoteNeedsBidBelowAsk() {
        Quote quote = new Quote("AAPL", T, new BigDecimal("10.01"), new BigDecimal("10.03"), 100, 200);
        assertThat(quote.spread()).isEqualByComparingTo("0.02");
        assertThatThrownBy(() -> new Quote("AAPL", T, new BigDecimal("10.03"), new BigDecimal("10.03"), 1, 1))
                .hasMessage("ask 10.03 must be above bid 10.03");
        assertThatThrownBy(() -> new Quote("AAPL", T, new BigDecimal("0"), new BigDecimal("0.01"), 1, 1))
                .hasMessage("bid 0 must be positive");
        assertThatThrownBy(() -> new Quote("AAPL", T, new BigDecimal("1"), new BigDecimal("2"), -1, 1))
                .hasMessageContaining("sizes must not be negative");
    }

    @Test
    void newsToneIsTheSignOfTheJump() {
        assertThat(new NewsEvent("AAPL", T, new BigDecimal("-0.0523"), "earnings").tone()).isEqualTo(-1);
        assertThat(new NewsEvent("AAPL", T, new BigDecimal("0.0310"), "deal").tone()).isEqualTo(1);
        assertThatThrownBy(() -> new NewsEvent("AAPL", T, new BigDecimal("-1"), "legal"))
                .hasMessage("jumpReturn -1 must be above -1");
    }

    @Test
    void timeframesParseFromTheirLabels() {
        assertThat(Timeframe.parse("1Min")).isEqualTo(Timeframe.MIN_1);
        assertThat(Timeframe.parse("5Min")).isEqualTo(Timeframe.MIN_5);
        assertThat(Timeframe.parse("15Min")).isEqualTo(Timeframe.MIN_15);
        assertThat(Timeframe.parse("1Hour")).isEqualTo(Timeframe.HOUR_1);
        assertThat(Timeframe.parse("1Day")).isEqualTo(Timeframe.DAY_1);
        assertThat(Timeframe.HOUR_1).hasToString("1Hour");
    }

    @Test
    void anUnknownTimeframeNamesTheValidOnes() {
        assertThatThrownBy(() -> Timeframe.parse("2Min"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown timeframe '2Min': expected one of 1Min, 5Min, 15Min, 1Hour, 1Day");
    }
}
