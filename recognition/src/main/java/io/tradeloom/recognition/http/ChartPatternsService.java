package io.tradeloom.recognition.http;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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

import io.tradeloom.charts.ChartAnalysis;
import io.tradeloom.charts.ChartEngine;
import io.tradeloom.charts.ChartPatternType;
import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.ApiException.FieldError;
import io.tradeloom.platform.http.BarsInput;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.recognition.store.ChartPatternStore;

/**
 * {@code POST /api/chart-patterns}: chart patterns in the posted bars; nothing is stored, since posted bars belong
 * to no symbol.
 * <p>
 * {@code GET /api/chart-patterns/{symbol}?timeframe=&limit=&types=}: the same over a universe symbol's latest
 * {@code limit} stored bars; what it finds is stored (updated in place as patterns develop).
 * <p>
 * {@code GET /api/chart-patterns?symbol=&limit=}: the latest stored patterns, the background scan's among them.
 * <p>
 * Every check runs before anything is computed or stored, so a refused request leaves no trace.
 */
public final class ChartPatternsService implements HttpService {

    private static final Set<String> BODY = Set.of("bars", "types");
    private static final Set<String> PARAMS = Set.of("timeframe", "limit", "types");
    private static final Set<String> LIST_PARAMS = Set.of("symbol", "limit");
    private static final int DEFAULT_LIMIT = 500;
    private static final int DEFAULT_LIST = 100;
    private static final int MAX_LIST = 1000;
    /** The upper bound of "every stored bar"; Instant.MAX has no epoch-millisecond form. */
    private static final Instant END_OF_TIME = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final ChartEngine engine;
    private final BarStore bars;
    private final UniverseStore universe;
    private final ChartPatternStore store;
    private final int maxBars;
    private final Clock clock;

    public ChartPatternsService(ChartEngine engine, BarStore bars, UniverseStore universe, ChartPatternStore store,
                                int maxBars, Clock clock) {
        this.engine = engine;
        this.bars = bars;
        this.universe = universe;
        this.store = store;
        this.maxBars = maxBars;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::posted)
                .get("/", this::list)
                .get("/{symbol}", this::stored);
    }

    private void posted(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        JsonNode body = Json.readObject(req, BODY);
        Set<ChartPatternType> types = typesField(body.get("types"));
        BarSeries series = BarsInput.parse(body.get("bars"), "bars", maxBars);
        Json.send(res, answer(null, null, engine.analyse(series, types)));
    }

    private void stored(ServerRequest req, ServerResponse res) {
        QueryParams q = QueryParams.of(req, PARAMS);
        Timeframe timeframe = q.parsed("timeframe", Timeframe::parse).orElse(Timeframe.MIN_1);
        int limit = q.integer("limit", Math.min(DEFAULT_LIMIT, maxBars), 1, maxBars);
        Set<ChartPatternType> types = q.string("types").map(ChartPatternsService::typesParameter)
                .orElse(EnumSet.allOf(ChartPatternType.class));
        String symbol = symbol(req.path().pathParameters().get("symbol"));

        ChartAnalysis analysis = engine.analyse(BarSeries.of(bars.latest(symbol, timeframe, END_OF_TIME, limit)), types);
        store.save(symbol, timeframe, analysis.patterns(), clock.instant());
        Json.send(res, answer(symbol, timeframe, analysis));
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams q = QueryParams.of(req, LIST_PARAMS);
        int limit = q.integer("limit", DEFAULT_LIST, 1, MAX_LIST);
        String symbol = q.string("symbol").map(this::symbol).orElse(null);
        Json.send(res, Map.of("patterns", store.latest(symbol, limit)));
    }

    private String symbol(String raw) {
        return universe.find(raw.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.notFound("Unknown symbol '" + raw
                        + "': it is not in the scanner's universe (GET /api/universe on the scanner)."))
                .symbol();
    }

    private static Map<String, Object> answer(String symbol, Timeframe timeframe, ChartAnalysis analysis) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (symbol != null) {
            answer.put("symbol", symbol);
            answer.put("timeframe", timeframe.label());
        }
        answer.put("bias", PatternJson.ratio(analysis.bias(), 4));
        answer.put("patterns", analysis.patterns().stream().map(PatternJson::of).toList());
        answer.put("swings", analysis.pivots().stream().map(PatternJson.PivotJson::of).toList());
        return answer;
    }

    /** The body's optional {@code types}: absent or null means every type; each unknown item is named by its index. */
    private static Set<ChartPatternType> typesField(JsonNode node) {
        if (node == null || node.isNull()) {
            return EnumSet.allOf(ChartPatternType.class);
        }
        if (!node.isArray()) {
            throw ApiException.invalid("types", "must be an array of pattern types, e.g. [\"double_top\", \"bull_flag\"]");
        }
        if (node.isEmpty()) {
            throw ApiException.invalid("types", "must name at least one type; leave it out for all");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<ChartPatternType> types = EnumSet.noneOf(ChartPatternType.class);
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String field = "types[" + i + "]";
            if (!item.isTextual()) {
                errors.add(new FieldError(field, "must be a pattern type string; known: " + ChartPatternType.known()));
            } else {
                find(item.asText(), field, errors).ifPresent(types::add);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return types;
    }

    /** The query's {@code types=double_top,bull_flag}. */
    private static Set<ChartPatternType> typesParameter(String raw) {
        List<FieldError> errors = new ArrayList<>();
        Set<ChartPatternType> types = EnumSet.noneOf(ChartPatternType.class);
        for (String id : raw.split(",", -1)) {
            if (id.isBlank()) {
                errors.add(new FieldError("types", "has an empty item in '" + raw + "'"));
            } else {
                find(id, "types", errors).ifPresent(types::add);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return types;
    }

    private static Optional<ChartPatternType> find(String id, String field, List<FieldError> errors) {
        Optional<ChartPatternType> type = ChartPatternType.find(id);
        if (type.isEmpty()) {
            errors.add(new FieldError(field, "unknown pattern type '" + id + "'; known: " + ChartPatternType.known()));
        }
        return type;
    }
}
