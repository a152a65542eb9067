package io.tradeloom.alpaca.data;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradeloom.alpaca.AlpacaCredentials;
import io.tradeloom.alpaca.AlpacaException;
import io.tradeloom.alpaca.AlpacaHttp;
import io.tradeloom.alpaca.RetryPolicy;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.bar.Timeframe;

/**
 * Alpaca Market Data API v2 for US stocks: historical bars, latest quotes and snapshots of many symbols at once.
 * Thread-safe; close it to release the HTTP client.
 *
 * <p>Symbol lists are split into requests of {@link Options#symbolsPerRequest()} symbols to keep URLs bounded.
 * Prices are exact decimals as Alpaca wrote them. A record that is incomplete or breaks the market module's
 * invariants (a bar whose high is below its low, a quote with no bid) is skipped, counted ({@link #skippedBars()},
 * {@link #skippedQuotes()}) and logged, so that one bad record never costs a whole poll; a body that is not JSON or
 * not the documented shape throws {@link AlpacaException}.
 *
 * <p>The free plan serves SIP data only once it is {@link #SIP_DELAY} old. With {@link Options#freePlan()}, a SIP
 * bars request has its end clamped to now minus that delay, and latest quotes and snapshots (which cannot be
 * delayed) come from IEX. With {@link Options#sipFallback()}, a call that Alpaca still refuses SIP for is repeated
 * on IEX, logged once per client: a scanner keeps running on IEX rather than stopping.
 */
public final class AlpacaDataClient implements AutoCloseable {

    public static final URI DEFAULT_BASE_URL = URI.create("https://data.alpaca.markets");
    /** How old SIP data must be on the free plan. */
    public static final Duration SIP_DELAY = Duration.ofMinutes(15);

    private static final Logger LOG = Logger.getLogger(AlpacaDataClient.class.getName());
    private static final String BARS = "/v2/stocks/bars";
    private static final String LATEST_QUOTES = "/v2/stocks/quotes/latest";
    private static final String SNAPSHOTS = "/v2/stocks/snapshots";
    /** Alpaca's maximum page size (bars of all the request's symbols together). */
    private static final int PAGE_LIMIT = 10_000;

    /**
     * @param freePlan          SIP data younger than {@link #SIP_DELAY} is refused: clamp and use IEX for latest data
     * @param sipFallback       repeat a call on IEX when Alpaca refuses SIP for it; false makes the refusal throw
     * @param symbolsPerRequest symbols per request
     */
    public record Options(URI baseUrl, boolean freePlan, boolean sipFallback, int symbolsPerRequest,
                          Duration connectTimeout, Duration requestTimeout, RetryPolicy retry) {

        public Options {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(retry, "retry");
            if (symbolsPerRequest < 1) {
                throw new IllegalArgumentException("symbolsPerRequest " + symbolsPerRequest + " must be positive");
            }
        }

        /** Alpaca's host, free plan, fallback on, 100 symbols a request, 10 s to connect, 30 s a request. */
        public static Options defaults() {
            return new Options(DEFAULT_BASE_URL, true, true, 100, Duration.ofSeconds(10), Duration.ofSeconds(30),
                    RetryPolicy.defaults());
        }

        public Options withBaseUrl(URI baseUrl) {
            return new Options(baseUrl, freePlan, sipFallback, symbolsPerRequest, connectTimeout, requestTimeout,
                    retry);
        }

        public Options withFreePlan(boolean freePlan) {
            return new Options(baseUrl, freePlan, sipFallback, symbolsPerRequest, connectTimeout, requestTimeout,
                    retry);
        }

        public Options withSipFallback(boolean sipFallback) {
            return new Options(baseUrl, freePlan, sipFallback, symbolsPerRequest, connectTimeout, requestTimeout,
                    retry);
        }

        public Options withRetry(RetryPolicy retry) {
            return new Options(baseUrl, freePlan, sipFallback, symbolsPerRequest, connectTimeout, requestTimeout,
                    retry);
        }
    }

    private final AlpacaHttp http;
    private final Options options;
    private final Clock clock;
    private final AtomicLong skippedBars = new AtomicLong();
    private final AtomicLong skippedQuotes = new AtomicLong();
    private final AtomicBoolean fallbackLogged = new AtomicBoolean();
    private final AtomicBoolean latestOnIexLogged = new AtomicBoolean();

    /** @param clock the time the free-plan delay is counted from (the system UTC clock in production) */
    public AlpacaDataClient(AlpacaCredentials credentials, Options options, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = new AlpacaHttp(options.baseUrl(), credentials, options.connectTimeout(), options.requestTimeout(),
                options.retry(), clock);
    }

    public Options options() {
        return options;
    }

    /** Whether {@code feed}'s data must be {@link #SIP_DELAY} old: SIP on the free plan. */
    public boolean delays(Feed feed) {
        return feed == Feed.SIP && options.freePlan();
    }

    /**
     * {@code GET /v2/stocks/bars}: the bars of each symbol whose time (interval start) is in {@code [start, end]},
     * both ends inclusive as in Alpaca, raw (not adjusted for splits or dividends), following
     * {@code next_page_token} to the last page. Times are Alpaca's: 1Hour bars start on the clock hour and 1Day
     * bars at midnight New York, unlike {@link io.tradeloom.market.aggregate.BarAggregator}'s session-aligned ones.
     *
     * @return every requested symbol, in request order, with its bars in time order (empty when it has none)
     */
    public Map<String, List<Bar>> bars(List<String> symbols, Timeframe timeframe, Instant start, Instant end,
                                       Feed feed) {
        List<String> wanted = distinct(symbols);
        Objects.requireNonNull(timeframe, "timeframe");
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("start " + start + " is after end " + end);
        }
        return withSipFallback(Objects.requireNonNull(feed, "feed"),
                f -> fetchBars(wanted, timeframe, start, end, f));
    }

    private Map<String, List<Bar>> fetchBars(List<String> symbols, Timeframe timeframe, Instant start, Instant end,
                                             Feed feed) {
        Map<String, List<Bar>> bars = new LinkedHashMap<>();
        symbols.forEach(symbol -> bars.put(symbol, new ArrayList<>()));
        Instant until = end;
        if (delays(feed)) {
            Instant allowed = clock.instant().minus(SIP_DELAY);
            until = allowed.isBefore(end) ? allowed : end;
        }
        if (until.isBefore(start)) {
            return freeze(bars); // the whole range is too recent for SIP on the free plan: nothing to ask for yet
        }
        Skips skips = new Skips("bars", skippedBars, Level.WARNING);
        for (List<String> chunk : chunks(symbols)) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("symbols", String.join(",", chunk));
            query.put("timeframe", timeframe.label());
            query.put("start", start.toString());
            query.put("end", until.toString());
            query.put("limit", Integer.toString(PAGE_LIMIT));
            query.put("adjustment", "raw");
            query.put("feed", feed.param());
            String token = null;
            do {
                JsonNode page = http.get(BARS, query);
                for (Map.Entry<String, JsonNode> entry : members(page, "bars", BARS)) {
                    if (!entry.getValue().isArray()) {
                        throw AlpacaException.malformed("GET " + BARS, "bars of " + entry.getKey() + " is not a list",
                                null);
                    }
                    for (JsonNode item : entry.getValue()) {
                        Bar bar = skips.map(entry.getKey(), item, node -> AlpacaDataJson.bar(entry.getKey(), node));
                        if (bar != null) {
                            bars.computeIfAbsent(entry.getKey(), symbol -> new ArrayList<>()).add(bar);
                        }
                    }
                }
                String next = page.path("next_page_token").textValue();
                if (next != null && next.equals(token)) {
                    throw AlpacaException.malformed("GET " + BARS, "next_page_token " + next + " repeats", null);
                }
                token = next;
                if (token != null) {
                    query.put("page_token", token);
                }
            } while (token != null);
        }
        skips.log("GET " + BARS);
        bars.values().forEach(list -> list.sort(Comparator.comparing(Bar::time)));
        return freeze(bars);
    }

    /**
     * {@code GET /v2/stocks/quotes/latest}: each symbol's latest quote. On the free plan SIP is served from IEX.
     *
     * @return the symbols Alpaca has a valid quote for (a zero bid or a crossed quote is skipped)
     */
    public Map<String, Quote> latestQuotes(List<String> symbols, Feed feed) {
        List<String> wanted = distinct(symbols);
        return withSipFallback(latestFeed(feed), f -> {
            Map<String, Quote> quotes = new LinkedHashMap<>();
            Skips skips = new Skips("quotes", skippedQuotes, Level.FINE);
            for (List<String> chunk : chunks(wanted)) {
                JsonNode body = http.get(LATEST_QUOTES, latestQuery(chunk, f));
                for (Map.Entry<String, JsonNode> entry : members(body, "quotes", LATEST_QUOTES)) {
                    Quote quote = skips.map(entry.getKey(), entry.getValue(),
                            node -> AlpacaDataJson.quote(entry.getKey(), node));
                    if (quote != null) {
                        quotes.put(entry.getKey(), quote);
                    }
                }
            }
            skips.log("GET " + LATEST_QUOTES);
            return Collections.unmodifiableMap(quotes);
        });
    }

    /**
     * {@code GET /v2/stocks/snapshots}: each symbol's latest trade, latest quote, minute bar, daily bar and
     * previous daily bar. On the free plan SIP is served from IEX.
     *
     * @return the symbols Alpaca knows (it answers null for an unknown one, which is left out)
     */
    public Map<String, Snapshot> snapshots(List<String> symbols, Feed feed) {
        List<String> wanted = distinct(symbols);
        return withSipFallback(latestFeed(feed), f -> {
            Map<String, Snapshot> snapshots = new LinkedHashMap<>();
            Skips bars = new Skips("snapshot bars", skippedBars, Level.WARNING);
            Skips quotes = new Skips("snapshot quotes and trades", skippedQuotes, Level.FINE);
            for (List<String> chunk : chunks(wanted)) {
                JsonNode body = http.get(SNAPSHOTS, latestQuery(chunk, f));
                for (Map.Entry<String, JsonNode> entry : members(body, null, SNAPSHOTS)) {
                    String symbol = entry.getKey();
                    JsonNode node = entry.getValue();
                    if (node.isNull()) {
                        continue;
                    }
                    if (!node.isObject()) {
                        throw AlpacaException.malformed("GET " + SNAPSHOTS, "the snapshot of " + symbol
                                + " is not an object", null);
                    }
                    snapshots.put(symbol, new Snapshot(symbol,
                            quotes.map(symbol, node.get("latestTrade"), AlpacaDataJson::trade),
                            quotes.map(symbol, node.get("latestQuote"), n -> AlpacaDataJson.quote(symbol, n)),
                            bars.map(symbol, node.get("minuteBar"), n -> AlpacaDataJson.bar(symbol, n)),
                            bars.map(symbol, node.get("dailyBar"), n -> AlpacaDataJson.bar(symbol, n)),
                            bars.map(symbol, node.get("prevDailyBar"), n -> AlpacaDataJson.bar(symbol, n))));
                }
            }
            bars.log("GET " + SNAPSHOTS);
            quotes.log("GET " + SNAPSHOTS);
            return Collections.unmodifiableMap(snapshots);
        });
    }

    /** Bars and snapshot bars skipped since this client was created. */
    public long skippedBars() {
        return skippedBars.get();
    }

    /** Quotes and snapshot trades skipped since this client was created. */
    public long skippedQuotes() {
        return skippedQuotes.get();
    }

    @Override
    public void close() {
        http.close();
    }

    private Feed latestFeed(Feed feed) {
        if (!delays(Objects.requireNonNull(feed, "feed"))) {
            return feed;
        }
        if (latestOnIexLogged.compareAndSet(false, true)) {
            LOG.info("the free plan has no recent SIP data: latest quotes and snapshots come from IEX");
        }
        return Feed.IEX;
    }

    private <T> T withSipFallback(Feed feed, Function<Feed, T> call) {
        try {
            return call.apply(feed);
        } catch (AlpacaException e) {
            if (feed != Feed.SIP || !options.sipFallback() || e.kind() != AlpacaException.Kind.SUBSCRIPTION) {
                throw e;
            }
            if (fallbackLogged.compareAndSet(false, true)) {
                LOG.warning(e.getMessage() + "; using IEX for every call Alpaca refuses SIP for");
            }
            return call.apply(Feed.IEX);
        }
    }

    private List<List<String>> chunks(List<String> symbols) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i += options.symbolsPerRequest()) {
            chunks.add(symbols.subList(i, Math.min(symbols.size(), i + options.symbolsPerRequest())));
        }
        return chunks;
    }

    private static Map<String, String> latestQuery(List<String> symbols, Feed feed) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("symbols", String.join(",", symbols));
        query.put("feed", feed.param());
        return query;
    }

    private static List<String> distinct(List<String> symbols) {
        Set<String> distinct = new LinkedHashSet<>(symbols);
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("no symbols given");
        }
        for (String symbol : distinct) {
            if (symbol == null || symbol.isBlank()
                    || symbol.chars().anyMatch(c -> c == ',' || Character.isWhitespace(c))) {
                throw new IllegalArgumentException("symbol '" + symbol + "' must be non-blank, without spaces or "
                        + "commas");
            }
        }
        return List.copyOf(distinct);
    }

    /** The members of {@code field} of {@code body} (of the body itself when field is null); null or absent is none. */
    private static Set<Map.Entry<String, JsonNode>> members(JsonNode body, String field, String path) {
        JsonNode node = field == null ? body : body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return Set.of();
        }
        if (!node.isObject()) {
            throw AlpacaException.malformed("GET " + path, (field == null ? "the body" : field)
                    + " is not an object keyed by symbol", null);
        }
        return node.properties();
    }

    private static Map<String, List<Bar>> freeze(Map<String, List<Bar>> bars) {
        Map<String, List<Bar>> frozen = new LinkedHashMap<>();
        bars.forEach((symbol, list) -> frozen.put(symbol, List.copyOf(list)));
        return Collections.unmodifiableMap(frozen);
    }

    /** The records one call skipped: counted into the client's total and summarised in one log line. */
    private static final class Skips {

        private final String what;
        private final AtomicLong total;
        private final Level level;
        private int seen;
        private int skipped;
        private String first;

        Skips(String what, AtomicLong total, Level level) {
            this.what = what;
            this.total = total;
            this.level = level;
        }

        /** The mapped record, or null when it is absent (uncounted) or broken (counted). */
        <T> T map(String symbol, JsonNode node, Function<JsonNode, T> mapper) {
            if (node == null || node.isNull()) {
                return null;
            }
            seen++;
            try {
                return mapper.apply(node);
            } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
                skipped++;
                total.incrementAndGet();
                if (first == null) {
                    first = symbol + " at " + node.path("t").asText("?") + ": " + e.getMessage();
                }
                return null;
            }
        }

        void log(String request) {
            if (skipped > 0) {
                LOG.log(level, () -> request + ": skipped " + skipped + " of " + seen + " " + what
                        + " that are incomplete or break the market invariants, first " + first);
            }
        }
    }
}
