package io.tradeloom.recognition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.market.sim.SimulatedMarket;

/** Bars for the HTTP tests: sessions of the simulated market, hand-drawn shapes, and bars as CONTRACTS.md writes them. */
final class MarketData {

    private static final SimulatedMarket MARKET =
            new SimulatedMarket(42, SimUniverse.defaults(), new NyseCalendar(), LocalDate.parse("2026-01-05"));

    private MarketData() {
    }

    /** The one-minute bars of {@code symbol}'s first {@code sessions} simulated sessions. */
    static List<Bar> sessions(String symbol, int sessions) {
        List<Bar> bars = new ArrayList<>();
        LocalDate day = MARKET.firstSession();
        for (int i = 0; i < sessions; i++) {
            bars.addAll(MARKET.session(day).bars(symbol));
            day = new NyseCalendar().nextTradingDay(day);
        }
        return bars;
    }

    /**
     * Straight legs of 10 one-minute bars through {@code prices}, each bar 0.1 wide around its close and 1000
     * shares, except the last leg's 3000: the shape exactly as drawn, with its breakout on triple volume.
     */
    static List<Bar> drawn(String symbol, double... prices) {
        List<Bar> bars = new ArrayList<>();
        Instant start = Instant.parse("2026-01-05T14:30:00Z");
        double previous = prices[0];
        int i = 0;
        for (int leg = 1; leg < prices.length; leg++) {
            for (int k = leg == 1 ? 0 : 1; k <= 10; k++) {
                double close = prices[leg - 1] + (prices[leg] - prices[leg - 1]) * k / 10.0;
                double open = i == 0 ? close : previous;
                bars.add(new Bar(symbol, start.plus(Duration.ofMinutes(i)), price(open), price(Math.max(open, close) + 0.05),
                        price(Math.min(open, close) - 0.05), price(close), leg == prices.length - 1 ? 3000 : 1000));
                previous = close;
                i++;
            }
        }
        return bars;
    }

    private static BigDecimal price(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
    }

    /** {@code {"time", "open", "high", "low", "close", "volume"}}, mutable so a test can spoil one. */
    static Map<String, Object> json(Bar b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", b.time().toString());
        m.put("open", b.open());
        m.put("high", b.high());
        m.put("low", b.low());
        m.put("close", b.close());
        m.put("volume", b.volume());
        return m;
    }

    static List<Map<String, Object>> json(List<Bar> bars) {
        return bars.stream().map(MarketData::json).toList();
    }
}
