package io.tradeloom.pattern.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.candles.CandleEngine;
import io.tradeloom.candles.CandlePattern;
import io.tradeloom.candles.CandlePatterns;
import io.tradeloom.candles.Detection;
import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.pattern.store.PatternStore;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.ApiException.FieldError;
import io.tradeloom.platform.http.BarsInput;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;

/**
 * {@code POST /api/patterns}: TA-Lib's candlestick patterns in the posted bars. It stores nothing: posted bars belong
 * to no symbol, so there is nothing to file a detection under.
 * <p>
 * {@code GET /api/patterns/{symbol}?timeframe=&limit=&patterns=}: the same over the latest {@code limit} stored bars
 * of a universe symbol; its detections are stored, once per bar and pattern however often it is asked.
 * <p>
 * Every check runs before anything is computed or stored, so a refused request leaves no trace.
 */
public final class PatternsService implements HttpService {

    private static final Set<String> BODY = Set.of("bars", "patterns");
    private static final Set<String> PARAMS = Set.of("timeframe", "limit", "patterns");
    private static final int DEFAULT_LIMIT = 500;
    /** The upper bound of "every stored bar"; Instant.MAX has no epoch-millisecond form. */
    private static final Instant END_OF_TIME = Instant.ofEpochMilli(Long.MAX_VALUE);
    private static final String ID_HINT = "expected a TA-Lib candlestick function name such as CDLENGULFING";

    private final CandleEngine engine;
    private final BarStore bars;
    private final UniverseStore universe;
    private final PatternStore store;
    private final int maxBars;

    public PatternsService(CandleEngine engine, BarStore bars, UniverseStore universe, PatternStore store, int maxBars) {
        this.engine = engine;
        this.bars = bars;
        this.universe = universe;
        this.store = store;
        this.maxBars = maxBars;
    }

    /**
     * One detection as CONTRACTS.md defines it.
     *
     * @param index the bar's position in the posted bars, or in the analysed window of stored bars
     */
    public record PatternJson(int index, Instant time, String id, String name, String direction, int value) {
        static PatternJson of(Detection d) {
            return new PatternJson(d.index(), d.time(), d.pattern().id(), d.pattern().name(), d.direction().label(), d.value());
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::posted)
                .get("/{symbol}", this::stored);
    }

    private void posted(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        JsonNode body = Json.readObject(req, BODY);
        List<CandlePattern> patterns = patternsField(body.get("patterns"));
        BarSeries series = BarsInput.parse(body.get("bars"), "bars", maxBars);
        Json.send(res, Map.of("patterns", json(engine.detect(series, patterns))));
    }

    private void stored(ServerRequest req, ServerResponse res) {
        QueryParams q = QueryParams.of(req, PARAMS);
        Timeframe timeframe = q.parsed("timeframe", Timeframe::parse).orElse(Timeframe.MIN_1);
        int limit = q.integer("limit", Math.min(DEFAULT_LIMIT, maxBars), 1, maxBars);
        List<CandlePattern> patterns = q.string("patterns").map(PatternsService::patternsParameter)
                .orElse(CandlePatterns.all());
        String raw = req.path().pathParameters().get("symbol");
        String symbol = universe.find(raw.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.notFound("Unknown symbol '" + raw
                        + "': it is not in the scanner's universe (GET /api/universe on the scanner)."))
                .symbol();

        List<Detection> found = engine.detect(BarSeries.of(bars.latest(symbol, timeframe, END_OF_TIME, limit)), patterns);
        store.save(symbol, timeframe, found);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("symbol", symbol);
        answer.put("timeframe", timeframe.label());
        answer.put("patterns", json(found));
        Json.send(res, answer);
    }

    /** The body's optional {@code patterns}: absent or null means all 61; each unknown item is named by its index. */
    private static List<CandlePattern> patternsField(JsonNode node) {
        if (node == null || node.isNull()) {
            return CandlePatterns.all();
        }
        if (!node.isArray()) {
            throw ApiException.invalid("patterns", "must be an array of pattern ids, " + ID_HINT);
        }
        if (node.isEmpty()) {
            throw ApiException.invalid("patterns", "must name at least one pattern; leave it out for all 61");
        }
        List<FieldError> errors = new ArrayList<>();
        List<CandlePattern> patterns = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String field = "patterns[" + i + "]";
            if (!item.isTextual()) {
                errors.add(new FieldError(field, "must be a pattern id string, " + ID_HINT));
            } else {
                find(item.asText(), field, errors).ifPresent(patterns::add);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return patterns;
    }

    /** The query's {@code patterns=CDLDOJI,CDLHAMMER}. */
    private static List<CandlePattern> patternsParameter(String raw) {
        List<FieldError> errors = new ArrayList<>();
        List<CandlePattern> patterns = new ArrayList<>();
        for (String id : raw.split(",", -1)) {
            if (id.isBlank()) {
                errors.add(new FieldError("patterns", "has an empty item in '" + raw + "'"));
            } else {
                find(id, "patterns", errors).ifPresent(patterns::add);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return patterns;
    }

    private static Optional<CandlePattern> find(String id, String field, List<FieldError> errors) {
        Optional<CandlePattern> pattern = CandlePatterns.find(id);
        if (pattern.isEmpty()) {
            errors.add(new FieldError(field, "unknown pattern '" + id + "', " + ID_HINT));
        }
        return pattern;
    }

    private static List<PatternJson> json(List<Detection> detections) {
        return detections.stream().map(PatternJson::of).toList();
    }
}
