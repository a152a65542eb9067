package io.tradeloom.indicators;

import java.util.Arrays;
import java.util.Optional;

import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.Session;

/**
 * Session-anchored volume-weighted average price (TA-Lib has no VWAP). At bar {@code i} of a regular
 * NYSE session: {@code sum(tp * volume) / sum(volume)} over the session's bars up to {@code i}, with
 * the typical price {@code tp = (high + low + close) / 3}. It restarts at the first bar of each
 * session (the session a bar's start time falls in, by {@link NyseCalendar}), so a 1Day bar is its
 * own session and its VWAP is its typical price. Undefined (NaN) while the session's volume is still
 * zero, and for a bar outside every regular session (pre-market, after hours, a holiday): such a bar
 * neither gets a value nor counts towards the session around it.
 */
final class Vwap {

    private Vwap() {
    }

    /** Writes every bar's VWAP into {@code vwap}, which is as long as {@code bars}. */
    static void compute(BarSeries bars, NyseCalendar calendar, double[] vwap) {
        int n = bars.size();
        Arrays.fill(vwap, Double.NaN);
        Session session = null;
        double priceVolume = 0;
        double volume = 0;
        for (int i = 0; i < n; i++) {
            if (session == null || !session.contains(bars.time()[i])) {
                Optional<Session> at = calendar.sessionAt(bars.time()[i]);
                if (at.isEmpty()) {
                    continue;
                }
                session = at.get();
                priceVolume = 0;
                volume = 0;
            }
            double typical = (bars.high()[i] + bars.low()[i] + bars.close()[i]) / 3;
            priceVolume += typical * bars.volume()[i];
            volume += bars.volume()[i];
            if (volume > 0) {
                vwap[i] = priceVolume / volume;
            }
        }
    }
}
