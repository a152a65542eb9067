package io.tradeloom.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.tradeloom.market.aggregate.BarAggregator;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.scan.SymbolState;
import io.tradeloom.market.sim.SimSession;
import io.tradeloom.market.sim.SimSymbol;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.market.sim.SimulatedMarket;

/**
 * Market data for benchmarks: any number of synthetic symbols {@code SYM0000, SYM0001, ...} run through the
 * simulated market, so gaps, volumes and prices have the simulator's realistic spread (which decides how many
 * symbols a preset matches) and every run sees the same cents.
 */
public final class BenchMarket {

    public static final long SEED = 42;
    /** A Monday in a month without holidays, so "today" and its 20 previous sessions are ordinary days. */
    public static final LocalDate TODAY = LocalDate.parse("2026-03-09");
    public static final int HISTORY_DAYS = SymbolState.DEFAULT_HISTORY_DAYS;
    /** Minutes of today fed to each state: 09:30-11:30 New York, a scan in the busy morning. */
    public static final int MINUTES_TODAY = 120;
    /**
     * Symbols per simulated market when building states: a session of 5,000 symbols is about 90 MB of arrays and
     * the simulator caches 32 sessions, so the universe is simulated in slices that are dropped once fed.
     */
    private static final int SLICE = 500;

    private BenchMarket() {
    }

    public static String symbol(int i) {
        return String.format("SYM%04d", i);
    }

    /** {@code n} symbols, the i-th with the parameters of the i-th (modulo 51) of the default universe. */
    public static List<SimSymbol> universe(int n) {
        List<SimSymbol> templates = SimUniverse.defaults();
        List<SimSymbol> symbols = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SimSymbol t = templates.get(i % templates.size());
            symbols.add(new SimSymbol(symbol(i), "Synthetic " + t.name() + " " + i, t.price(), t.beta(), t.dailyVol(),
                    t.avgVolume()));
        }
        return symbols;
    }

    /** The {@link #HISTORY_DAYS} trading days before {@link #TODAY}, oldest first. */
    public static List<LocalDate> historyDays(NyseCalendar calendar) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = calendar.previousTradingDay(TODAY); days.size() < HISTORY_DAYS; d = calendar.previousTradingDay(d)) {
            days.addFirst(d);
        }
        return days;
    }

    /**
     * {@code n} scan states as the scanner holds them mid-morning: {@link #HISTORY_DAYS} completed daily bars, then
     * today's first {@link #MINUTES_TODAY} minute bars.
     */
    public static List<SymbolState> states(int n, NyseCalendar calendar) {
        List<SimSymbol> universe = universe(n);
        List<LocalDate> history = historyDays(calendar);
        List<SymbolState> states = new ArrayList<>(n);
        for (int from = 0; from < n; from += SLICE) {
            List<SimSymbol> slice = universe.subList(from, Math.min(n, from + SLICE));
            SimulatedMarket market = new SimulatedMarket(SEED, slice, calendar, history.getFirst());
            List<SymbolState> sliceStates = slice.stream().map(s -> new SymbolState(s.symbol(), calendar)).toList();
            for (LocalDate day : history) {
                SimSession session = market.session(day);
                for (SymbolState state : sliceStates) {
                    List<Bar> daily = BarAggregator.aggregate(session.bars(state.symbol()), Timeframe.DAY_1, calendar);
                    state.onDailyBar(daily.getFirst());
                }
            }
            SimSession today = market.session(TODAY);
            for (int minute = 0; minute < MINUTES_TODAY; minute++) {
                for (SymbolState state : sliceStates) {
                    state.onMinuteBar(today.bar(state.symbol(), minute));
                }
            }
            states.addAll(sliceStates);
        }
        return states;
    }
}
