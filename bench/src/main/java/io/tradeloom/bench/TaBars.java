package io.tradeloom.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.sim.SimSymbol;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.market.sim.SimulatedMarket;

/**
 * One symbol's one-minute bars from the simulated market, as many as asked for: consecutive sessions of the default
 * universe's first symbol, concatenated (1,000,000 bars is about 2,570 sessions, ten years of minutes from 2016 on).
 */
public final class TaBars {

    public static final LocalDate FIRST = LocalDate.parse("2016-01-04");

    private TaBars() {
    }

    public static List<Bar> minutes(int n) {
        NyseCalendar calendar = new NyseCalendar();
        SimSymbol symbol = SimUniverse.defaults().getFirst();
        SimulatedMarket market = new SimulatedMarket(BenchMarket.SEED, List.of(symbol), calendar, FIRST);
        List<Bar> bars = new ArrayList<>(n);
        for (LocalDate day = FIRST; bars.size() < n; day = calendar.nextTradingDay(day)) {
            for (Bar b : market.session(day).bars(symbol.symbol())) {
                if (bars.size() == n) {
                    break;
                }
                bars.add(b);
            }
        }
        return bars;
    }

    public static BarSeries series(int n) {
        return BarSeries.of(minutes(n));
    }
}
