package io.tradeloom.technical.http;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.indicators.signal.Action;
import io.tradeloom.indicators.signal.Reason;
import io.tradeloom.indicators.signal.Signal;
import io.tradeloom.indicators.signal.SignalEngine;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.platform.http.Validation;
import io.tradeloom.technical.TechnicalSettings;
import io.tradeloom.technical.store.SignalStore;

/**
 * {@code GET /api/signals/{symbol}?timeframe=} and {@code POST /api/signals} (a batch): each signal is
 * computed now on the symbol's latest stored bars, stored, and returned. A batch is validated whole
 * before anything is computed, and stored in one transaction.
 */
public final class SignalsService implements HttpService {

    private final SignalEngine engine;
    private final StoredBars stored;
    private final SignalStore signals;
    private final TechnicalSettings settings;
    private final Clock clock;

    public SignalsService(SignalEngine engine, StoredBars stored, SignalStore signals, TechnicalSettings settings, Clock clock) {
        this.engine = engine;
        this.stored = stored;
        this.signals = signals;
        this.settings = settings;
        this.clock = clock;
    }

    /** The body of POST /api/signals. */
    public record SignalsRequest(List<String> symbols, String timeframe) {
    }

    /** A stored signal as the API shows it; prices to 1/10,000, the score to 4 decimals. */
    record SignalJson(long id, String symbol, String timeframe, Instant time, Action action, BigDecimal score,
                      BigDecimal close, BigDecimal atr, BigDecimal suggestedStop, List<Reason> reasons, Instant createdAt) {
        static SignalJson of(long id, SignalStore.Evaluated e, Instant createdAt) {
            Signal s = e.signal();
            return new SignalJson(id, e.symbol(), e.timeframe().label(), s.time(), s.action(), SignalStore.score(s.score()),
                    SignalStore.price(s.close()), price(s.atr()), price(s.suggestedStop()), s.reasons(), createdAt);
        }

        private static BigDecimal price(OptionalDouble value) {
            return value.isPresent() ? SignalStore.price(value.getAsDouble()) : null;
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{symbol}", this::one)
                .post("/", this::batch);
    }

    private void one(ServerRequest req, ServerResponse res) {
        String symbol = stored.known(req.path().pathParameters().get("symbol"));
        Timeframe timeframe = QueryParams.of(req, Set.of("timeframe")).parsed("timeframe", Timeframe::parse).orElse(Timeframe.MIN_1);
        List<Bar> bars = stored.latest(symbol, timeframe, settings.signalBars());
        if (bars.isEmpty()) {
            throw ApiException.conflict("No " + timeframe.label() + " bars of " + symbol
                    + " are stored yet; the scanner stores them as the market runs.");
        }
        Json.send(res, save(List.of(evaluate(symbol, timeframe, bars))).getFirst());
    }

    private void batch(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        SignalsRequest body = Json.read(req, SignalsRequest.class);
        Validation v = new Validation();
        Timeframe timeframe = Timeframe.MIN_1;
        if (body.timeframe() != null) {
            try {
                timeframe = Timeframe.parse(body.timeframe());
            } catch (IllegalArgumentException e) {
                v.require(false, "timeframe", e.getMessage());
            }
        }
        List<String> symbols = symbols(body.symbols(), v);
        v.throwIfInvalid();

        List<SignalStore.Evaluated> evaluated = new ArrayList<>();
        List<ApiException.FieldError> missing = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            List<Bar> bars = stored.latest(symbols.get(i), timeframe, settings.signalBars());
            if (bars.isEmpty()) {
                missing.add(new ApiException.FieldError("symbols[" + i + "]", "has no stored " + timeframe.label() + " bars yet"));
            } else {
                evaluated.add(evaluate(symbols.get(i), timeframe, bars));
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException(Status.CONFLICT_409, "Conflict", "No signals were computed: "
                    + missing.size() + " of the symbols have no stored " + timeframe.label() + " bars yet.", missing);
        }
        Json.send(res, Status.CREATED_201, Map.of("signals", save(evaluated)));
    }

    /** The symbols normalised, each checked against the universe; problems go to {@code v} as symbols[i]. */
    private List<String> symbols(List<String> raw, Validation v) {
        if (raw == null || raw.isEmpty()) {
            v.require(false, "symbols", "must list at least one symbol, e.g. [\"AAPL\", \"MSFT\"]");
            return List.of();
        }
        if (raw.size() > settings.maxSymbols()) {
            v.require(false, "symbols", "lists " + raw.size() + " symbols; at most " + settings.maxSymbols() + " are accepted per request");
            return List.of();
        }
        Set<String> universe = stored.universe();
        Map<String, Integer> seen = new HashMap<>();
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String field = "symbols[" + i + "]";
            if (raw.get(i) == null) {
                v.require(false, field, "must be a symbol, not null");
                continue;
            }
            String symbol = StoredBars.normalise(raw.get(i));
            Integer first = seen.putIfAbsent(symbol, i);
            v.require(universe.contains(symbol), field, "unknown symbol '" + raw.get(i) + "': it is not in the scanner's universe")
                    .require(first == null, field, "repeats symbols[" + first + "]");
            symbols.add(symbol);
        }
        return symbols;
    }

    private SignalStore.Evaluated evaluate(String symbol, Timeframe timeframe, List<Bar> bars) {
        return new SignalStore.Evaluated(symbol, timeframe, engine.evaluate(BarSeries.of(bars), settings.rules()));
    }

    private List<SignalJson> save(List<SignalStore.Evaluated> evaluated) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored
        List<Long> ids = signals.save(evaluated, now);
        List<SignalJson> json = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            json.add(SignalJson.of(ids.get(i), evaluated.get(i), now));
        }
        return json;
    }
}
