package io.tradeloom.pattern;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.market.sim.SimulatedMarket;

/** Bars for the HTTP tests: a session of the simulated market, and bars as CONTRACTS.md writes them. */
final class MarketData {

    private static final SimulatedMarket MARKET =
            new SimulatedMarket(42, SimUniverse.defaults(), new NyseCalendar(), LocalDate.parse("2026-01-05"));

    private MarketData() {
    }

    /** The 390 one-minute bars of {@code symbol}'s first simulated session. */
    static List<Bar> session(String symbol) {
        return MARKET.session(MARKET.firstSession()).bars(symbol);
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
