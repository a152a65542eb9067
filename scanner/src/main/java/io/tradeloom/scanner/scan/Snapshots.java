package io.tradeloom.scanner.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradeloom.db.market.BarStore;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.scan.Snapshot;
import io.tradeloom.market.scan.SymbolState;

/**
 * Every symbol's running scan state, kept in memory and fed each ingested minute bar, so a scan is
 * a pass over ready-made snapshots rather than a query over history.
 */
public final class Snapshots {

    private final Map<String, SymbolState> states = new LinkedHashMap<>();

    public Snapshots(List<String> symbols, NyseCalendar calendar, int historyDays) {
        for (String s : symbols) {
            states.put(s, new SymbolState(s, calendar, historyDays));
        }
    }

    /** Rebuilds the states from stored bars: the completed days before this session, then its minutes. */
    public synchronized void restore(BarStore bars, NyseCalendar calendar, Instant through, int historyDays) {
        Instant sessionOpen = calendar.latestOpen(through);
        for (SymbolState state : states.values()) {
            bars.latest(state.symbol(), Timeframe.DAY_1, sessionOpen, historyDays).forEach(state::onDailyBar);
            bars.range(state.symbol(), Timeframe.MIN_1, sessionOpen, through, 1000).forEach(state::onMinuteBar);
        }
    }

    public synchronized void onMinuteBars(List<Bar> bars) {
        List<Bar> ordered = new ArrayList<>(bars);
        ordered.sort(Comparator.comparing(Bar::time));
        for (Bar b : ordered) {
            SymbolState state = states.get(b.symbol());
            if (state != null) {
                state.onMinuteBar(b);
            }
        }
    }

    public synchronized List<Snapshot> all() {
        List<Snapshot> all = new ArrayList<>(states.size());
        for (SymbolState s : states.values()) {
            s.snapshot().ifPresent(all::add);
        }
        return all;
    }

    public int size() {
        return states.size();
    }
}
