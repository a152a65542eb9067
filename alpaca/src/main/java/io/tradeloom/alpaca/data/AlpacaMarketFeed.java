package io.tradeloom.alpaca.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.tradeloom.market.MarketFeed;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.bar.Timeframe;

/**
 * Alpaca's 1Min bars of a fixed symbol list as a {@link MarketFeed}, so the scanner ingests from Alpaca as it does
 * from the simulator: poll {@link #barsCompleted} with the previous poll's instant and the market clock's now.
 *
 * <p><b>Lag.</b> A live source serves a bar some time after its minute ends, so this feed reveals a bar at its end
 * plus a fixed {@code lag}: {@code barsCompleted(after, upTo)} returns the bars whose end (start + 1 min) lies in
 * {@code (after - lag, upTo - lag]}. Consecutive windows therefore still tile time exactly, so no bar is served
 * twice or skipped, provided Alpaca has the bar {@code lag} after its minute ends and {@code upTo} is not in the
 * future. The lag is {@link #REAL_TIME_LAG} for a real-time feed and {@link AlpacaDataClient#SIP_DELAY} for SIP on
 * the free plan; a shorter one is refused there, as the client's clamp would cut the window's end and lose bars.
 *
 * <p>Bars are Alpaca's, extended hours included (the roll-up skips those); symbols are spelled as Alpaca spells
 * them (upper case, e.g. {@code BRK.B}).
 */
public final class AlpacaMarketFeed implements MarketFeed {

    /** How long after a minute ends Alpaca is taken to serve its bar on a real-time feed. */
    public static final Duration REAL_TIME_LAG = Duration.ofSeconds(10);
    private static final Duration MINUTE = Timeframe.MIN_1.length();

    private final AlpacaDataClient client;
    private final List<String> symbols;
    private final Feed feed;
    private final Duration lag;

    /** With the default lag: the SIP delay on the free plan, else {@link #REAL_TIME_LAG}. */
    public AlpacaMarketFeed(AlpacaDataClient client, List<String> symbols, Feed feed) {
        this(client, symbols, feed, client.delays(feed) ? AlpacaDataClient.SIP_DELAY : REAL_TIME_LAG);
    }

    public AlpacaMarketFeed(AlpacaDataClient client, List<String> symbols, Feed feed, Duration lag) {
        this.client = Objects.requireNonNull(client, "client");
        this.symbols = List.copyOf(symbols);
        this.feed = Objects.requireNonNull(feed, "feed");
        this.lag = Objects.requireNonNull(lag, "lag");
        if (this.symbols.isEmpty()) {
            throw new IllegalArgumentException("no symbols given");
        }
        if (lag.isNegative()) {
            throw new IllegalArgumentException("lag " + lag + " is negative");
        }
        if (client.delays(feed) && lag.compareTo(AlpacaDataClient.SIP_DELAY) < 0) {
            throw new IllegalArgumentException("SIP on the free plan is " + AlpacaDataClient.SIP_DELAY.toMinutes()
                    + " minutes late: a lag of " + lag + " would skip bars; use at least that delay, or feed IEX");
        }
    }

    @Override
    public Timeframe timeframe() {
        return Timeframe.MIN_1;
    }

    /** In the order given to the constructor. */
    @Override
    public List<String> symbols() {
        return symbols;
    }

    public Duration lag() {
        return lag;
    }

    /**
     * The bars whose end lies in {@code (after - lag, upTo - lag]}, by time and then in {@link #symbols()} order.
     * One request per 100 symbols (more when a page is full).
     */
    @Override
    public List<Bar> barsCompleted(Instant after, Instant upTo) {
        Instant from = after.minus(lag);
        Instant to = upTo.minus(lag);
        if (!to.isAfter(from)) {
            return List.of();
        }
        // A bar starting at t ends at t + 1 min, so the wanted starts are in (from - 1 min, to - 1 min]. Ask for the
        // starts in [from - 1 min, to], a minute wider than needed so that the window never hangs on whether Alpaca
        // treats its ends as inclusive, and keep exactly the ends in (from, to].
        Map<String, List<Bar>> bySymbol = client.bars(symbols, Timeframe.MIN_1, from.minus(MINUTE), to, feed);
        List<Bar> completed = new ArrayList<>();
        for (String symbol : symbols) {
            for (Bar bar : bySymbol.getOrDefault(symbol, List.of())) {
                Instant end = bar.time().plus(MINUTE);
                if (end.isAfter(from) && !end.isAfter(to)) {
                    completed.add(bar);
                }
            }
        }
        completed.sort(Comparator.comparing(Bar::time)); // stable: symbols() order within a minute stays
        return List.copyOf(completed);
    }

    /**
     * The 1Min bars of {@code symbol} whose start is in {@code [from, to)}, in time order; no lag applies, but SIP on
     * the free plan has none from the last 15 minutes.
     */
    @Override
    public List<Bar> bars(String symbol, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        return client.bars(List.of(symbol), Timeframe.MIN_1, from, to, feed).get(symbol).stream()
                .filter(bar -> !bar.time().isBefore(from) && bar.time().isBefore(to))
                .toList();
    }

    /** The latest quote of each symbol ({@link AlpacaDataClient#latestQuotes}), for spreads and fills. */
    public Map<String, Quote> latestQuotes() {
        return client.latestQuotes(symbols, feed);
    }
}
