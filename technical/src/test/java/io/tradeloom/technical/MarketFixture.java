package io.tradeloom.technical;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.aggregate.BarAggregator;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.market.sim.SimulatedMarket;
import io.tradeloom.platform.ServiceContext;

/**
 * A stored market as the scanner leaves it: the universe AAPL, MSFT and EMPTY (a symbol without bars),
 * two simulated sessions of AAPL and MSFT minutes (seed 42) and their 5Min roll-ups.
 */
final class MarketFixture {

    static final NyseCalendar CALENDAR = new NyseCalendar();
    static final LocalDate FIRST_SESSION = LocalDate.of(2025, 3, 3);

    private MarketFixture() {
    }

    static void store(ServiceContext context) {
        new UniverseStore(context.db()).replace(Map.of("AAPL", "Apple Inc.", "MSFT", "Microsoft Corporation",
                "EMPTY", "No Bars Inc."));
        BarStore bars = new BarStore(context.db());
        for (String symbol : List.of("AAPL", "MSFT")) {
            List<Bar> minutes = minutes(symbol);
            bars.insert(Timeframe.MIN_1, minutes);
            bars.insert(Timeframe.MIN_5, BarAggregator.aggregate(minutes, Timeframe.MIN_5, CALENDAR));
        }
    }

    /** Two sessions of one-minute bars. */
    static List<Bar> minutes(String symbol) {
        SimulatedMarket market = new SimulatedMarket(42, SimUniverse.defaults(), CALENDAR, FIRST_SESSION);
        LocalDate second = CALENDAR.nextTradingDay(FIRST_SESSION);
        return market.bars(symbol, CALENDAR.session(FIRST_SESSION).orElseThrow().open(),
                CALENDAR.session(second).orElseThrow().close());
    }
}
