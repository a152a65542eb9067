package io.tradeloom.market.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import io.tradeloom.market.MarketFeed;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.NewsEvent;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.Session;

/**
 * A deterministic simulated US equity market: for every session from {@code firstSession} on, each symbol's
 * 1-minute bars, the quote at each minute's close, and news-driven jumps, all a pure function of
 * (seed, universe, first session).
 *
 * <h2>Model</h2>
 * Per stock: start price {@code P0}, beta {@code b}, daily volatility {@code sd} (the total: gap, intraday
 * moves and news together), average daily volume {@code V}, from the universe. Constants (in
 * {@code MarketModel}): market daily volatility {@code sM = 1.1 %}; overnight share of daily variance
 * {@code w = 0.2}; news rate {@code L = 0.2} per stock per session; idiosyncratic daily volatility
 * {@code se = sqrt(max(sd^2 - b^2 sM^2, (0.25 sd)^2))}. {@code T} is a Student-t draw with 5 degrees of freedom
 * scaled to unit variance (fat tails: excess kurtosis 6), {@code Z} standard normal, {@code E} exponential(1),
 * {@code U} uniform(0, 1]; {@code N} is the session's minutes (390, or 210 on an early close), {@code k} the minute.
 * <ul>
 * <li><b>Volatility regimes</b> (daily, persistent): {@code h(d) = 0.85 h(d-1) + sqrt(1 - 0.85^2) 0.25 Z}, one
 * for the market and one per stock, giving multipliers {@code mM = exp(hM - 0.25^2)}, {@code m = exp(h - 0.25^2)}
 * (mean square 1).</li>
 * <li><b>Opening gap</b>: the session's first bar opens at the previous close times {@code exp(g)},
 * {@code g = b sM sqrt(w) mM T + se sqrt(w) m T'}: about ten times a typical minute's move.</li>
 * <li><b>Intraday volatility profile</b>: {@code v(k) = c (1 + 1.2 e^(-k/12) + 0.4 e^(-(N-1-k)/12))}, {@code c}
 * making the mean of {@code v^2} one.</li>
 * <li><b>Minute log-return</b>: {@code r(k) = b f(k) + e(k) + J(k)}; market factor
 * {@code f(k) = sM sqrt((1-w)/390) mM v(k) T(k)}, common to all stocks (hence positive correlations);
 * idiosyncratic {@code e(k) = se sqrt((1-w-2.5L)/390) m v(k) B(k) T'(k)}, where {@code 2.5L} is the share of
 * idiosyncratic variance that news takes, so realised daily volatility stays near {@code sd}.</li>
 * <li><b>News</b>: a Poisson number (mean {@code L}: one per stock every five sessions) of events, each at a
 * uniform minute {@code a}, jumping the log price by {@code J = +-se (1 + 0.5 E)} (sign at even odds; mean square
 * {@code 2.5 se^2}), with a kind drawn from {@code earnings, guidance, analyst_rating, product, legal, management,
 * deal}; emitted as a {@link NewsEvent} with the simple return {@code exp(J) - 1}. Afterwards volatility rises,
 * {@code B(k) = 1 + e^(-(k-a)/20)}, and volume spikes by {@code 1 + 8 e^(-(k-a)/10)}.</li>
 * <li><b>OHLC</b>: open = the previous minute's close (the gapped price at the open), close = open
 * {@code exp(r)}; high and low are drawn exactly from the extremes of a Brownian bridge from 0 to {@code r} with
 * the minute's diffusive variance {@code s^2 = var(b f(k)) + var(e(k))}: {@code (r +- sqrt(r^2 - 2 s^2 ln U)) / 2}.
 * Prices are rounded half up to cents (at least one cent), then high is raised to max(open, close) and low
 * lowered to min(open, close) if rounding put them inside.</li>
 * <li><b>Volume</b> (U-shaped, busier on stormy days, after news and on big moves):
 * {@code V u(k) / sum_390(u) m Boost(k) (0.7 + 0.4 |T'(k)|) exp(0.3 Z - 0.045)}, with
 * {@code u(k) = 1 + 3 e^(-k/15) + 2 e^(-(N-1-k)/10)}; at least one share.</li>
 * <li><b>Quote</b> at each minute's close: mid = close; spread in bps {@code 0.3 + 2.5 / sqrt(V / 1e6) + 0.1 s}
 * ({@code s} in bps: tighter for liquid names, wider when the minute is volatile: at the open, on stormy days,
 * after news); bid rounded down and ask up to cents, at least a cent apart; each size
 * {@code 100 (1 + floor(E sqrt(V / 1e6)))} shares.</li>
 * </ul>
 *
 * <h2>Determinism</h2>
 * Every draw comes from a SplitMix64 stream seeded by (seed, symbol or market, session date) in a fixed order,
 * with {@link StrictMath}, so any JDK produces the same cents. A session needs only the closes and regimes at the
 * previous close; those are kept for every session generated, so session {@code d} costs the sessions since the
 * last one generated (once), never a replay from the epoch. Adding a symbol to the universe does not change the
 * others. Recent sessions are cached ({@value #CACHED_SESSIONS}). Thread-safe.
 */
public final class SimulatedMarket implements MarketFeed {

    public static final int CACHED_SESSIONS = 32;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final NyseCalendar calendar;
    private final LocalDate firstSession;
    private final Instant firstOpen;
    private final List<SimSymbol> universe;
    private final MarketModel model;
    private final TreeMap<LocalDate, MarketModel.State> closes = new TreeMap<>();
    private final Map<LocalDate, SimSession> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, SimSession> eldest) {
            return size() > CACHED_SESSIONS;
        }
    };

    /**
     * @param firstSession the first simulated session (or the first trading day after it); the universe's prices
     *                     are the closes before it. Put it some sessions before the clock's start to give scanners
     *                     a history.
     */
    public SimulatedMarket(long seed, List<SimSymbol> universe, NyseCalendar calendar, LocalDate firstSession) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.universe = List.copyOf(universe);
        if (this.universe.isEmpty()) {
            throw new IllegalArgumentException("the universe is empty");
        }
        this.model = new MarketModel(seed, this.universe);
        this.firstSession = calendar.isTradingDay(firstSession) ? firstSession
                : calendar.nextTradingDay(firstSession);
        this.firstOpen = calendar.session(this.firstSession).orElseThrow().open();
    }

    public List<SimSymbol> universe() {
        return universe;
    }

    public LocalDate firstSession() {
        return firstSession;
    }

    @Override
    public Timeframe timeframe() {
        return Timeframe.MIN_1;
    }

    @Override
    public List<String> symbols() {
        return model.symbols();
    }

    /**
     * The simulated session on {@code date}.
     *
     * @throws IllegalArgumentException if {@code date} is not a trading day or is before the first session
     */
    public synchronized SimSession session(LocalDate date) {
        Session session = calendar.session(date)
                .orElseThrow(() -> new IllegalArgumentException(date + " is not a trading day"));
        if (date.isBefore(firstSession)) {
            throw new IllegalArgumentException(date + " is before the first simulated session " + firstSession);
        }
        SimSession cached = recent.get(date);
        if (cached != null) {
            return cached;
        }
        MarketModel.Generated generated = model.generate(session, stateBefore(date));
        closes.put(date, generated.end());
        recent.put(date, generated.session());
        return generated.session();
    }

    @Override
    public List<Bar> barsCompleted(Instant after, Instant upTo) {
        List<Bar> bars = new ArrayList<>();
        for (SimSession s : sessionsBetween(after, upTo)) {
            for (int m = 0; m < s.minutes(); m++) {
                Instant end = s.minuteStart(m).plus(MINUTE);
                if (end.isAfter(after) && !end.isAfter(upTo)) {
                    bars.addAll(s.barsAt(m));
                }
            }
        }
        return bars;
    }

    @Override
    public List<Bar> bars(String symbol, Instant from, Instant to) {
        List<Bar> bars = new ArrayList<>();
        for (SimSession s : sessionsBetween(from, to)) {
            for (Bar bar : s.bars(symbol)) {
                if (!bar.time().isBefore(from) && bar.time().isBefore(to)) {
                    bars.add(bar);
                }
            }
        }
        return bars;
    }

    /** The latest quote of {@code symbol} at {@code now}: the close of the last completed minute, if any yet. */
    public Optional<Quote> quote(String symbol, Instant now) {
        if (now.isBefore(firstOpen.plus(MINUTE))) {
            return Optional.empty();
        }
        SimSession s = session(NyseCalendar.dateOf(calendar.latestOpen(now)));
        long done = Math.min(s.minutes(), Duration.between(s.session().open(), now).toMinutes());
        if (done == 0) {
            s = session(calendar.previousTradingDay(s.session().date()));
            done = s.minutes();
        }
        return Optional.of(s.quote(symbol, (int) done - 1));
    }

    /** The news events with time in {@code (after, upTo]}, in time order. */
    public List<NewsEvent> news(Instant after, Instant upTo) {
        List<NewsEvent> news = new ArrayList<>();
        for (SimSession s : sessionsBetween(after, upTo)) {
            s.news().stream().filter(e -> e.time().isAfter(after) && !e.time().isAfter(upTo)).forEach(news::add);
        }
        return news;
    }

    /** The sessions that can hold anything in the window between {@code from} and {@code to}. */
    private List<SimSession> sessionsBetween(Instant from, Instant to) {
        List<SimSession> sessions = new ArrayList<>();
        if (!to.isAfter(from) || to.isBefore(firstOpen)) {
            return sessions;
        }
        LocalDate last = NyseCalendar.dateOf(to);
        for (LocalDate d = from.isAfter(firstOpen) ? NyseCalendar.dateOf(from) : firstSession;
                !d.isAfter(last); d = d.plusDays(1)) {
            if (calendar.isTradingDay(d)) {
                sessions.add(session(d));
            }
        }
        return sessions;
    }

    /** The state at the close before {@code date}, generating (once) any sessions not yet generated. */
    private MarketModel.State stateBefore(LocalDate date) {
        if (date.equals(firstSession)) {
            return model.initialState();
        }
        LocalDate previous = calendar.previousTradingDay(date);
        MarketModel.State state = closes.get(previous);
        if (state != null) {
            return state;
        }
        LocalDate d = closes.isEmpty() ? firstSession : calendar.nextTradingDay(closes.lastKey());
        state = closes.isEmpty() ? model.initialState() : closes.lastEntry().getValue();
        for (; !d.isAfter(previous); d = calendar.nextTradingDay(d)) {
            state = model.generate(calendar.session(d).orElseThrow(), state).end();
            closes.put(d, state);
        }
        return state;
    }
}
