package io.tradeloom.technical.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.indicators.IndicatorEngine;
import io.tradeloom.indicators.IndicatorResult;
import io.tradeloom.indicators.IndicatorSpec;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.BarsInput;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.technical.TechnicalSettings;

/**
 * {@code POST /api/indicators}: indicators over the bars in the body, as CONTRACTS.md fixes it;
 * {@code GET /api/indicators/{symbol}?timeframe=&indicators=&limit=}: the same over the latest stored bars.
 */
public final class IndicatorsService implements HttpService {

    private static final Set<String> BODY = Set.of("bars", "indicators");
    private static final Set<String> PARAMS = Set.of("timeframe", "indicators", "limit");

    private final IndicatorEngine engine;
    private final StoredBars stored;
    private final TechnicalSettings settings;

    public IndicatorsService(IndicatorEngine engine, StoredBars stored, TechnicalSettings settings) {
        this.engine = engine;
        this.stored = stored;
        this.settings = settings;
    }

    /** A stored bar as CONTRACTS.md writes bars. */
    record BarJson(Instant time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, long volume) {
        static BarJson of(Bar b) {
            return new BarJson(b.time(), b.open(), b.high(), b.low(), b.close(), b.volume());
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::compute)
                .get("/{symbol}", this::stored);
    }

    private void compute(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        JsonNode body = Json.readObject(req, BODY);
        List<IndicatorSpec> specs = Specs.fromJson(body.get("indicators"), "indicators", settings.maxCount());
        BarSeries bars = BarsInput.parse(body.get("bars"), "bars", settings.maxBars());
        Json.send(res, Map.of("indicators", json(engine.compute(bars, specs))));
    }

    private void stored(ServerRequest req, ServerResponse res) {
        String symbol = stored.known(req.path().pathParameters().get("symbol"));
        QueryParams q = QueryParams.of(req, PARAMS);
        Timeframe timeframe = q.parsed("timeframe", Timeframe::parse).orElse(Timeframe.MIN_1);
        int limit = q.integer("limit", settings.defaultLimit(), 1, settings.maxBars());
        String indicators = q.string("indicators").orElseThrow(() -> ApiException.invalid("indicators",
                "is required: comma-separated indicators such as indicators=SMA(20),MACD(12,26,9)"));
        List<IndicatorSpec> specs = Specs.fromQuery(indicators, "indicators", settings.maxCount());
        List<Bar> bars = stored.latest(symbol, timeframe, limit);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("symbol", symbol);
        answer.put("timeframe", timeframe.label());
        answer.put("bars", bars.stream().map(BarJson::of).toList());
        answer.put("indicators", json(engine.compute(BarSeries.of(bars), specs)));
        Json.send(res, answer);
    }

    /** Each result as {output: [values]}, keyed by the spec as the client wrote it; undefined values are null. */
    private static Map<String, Map<String, Double[]>> json(Map<String, IndicatorResult> results) {
        Map<String, Map<String, Double[]>> json = new LinkedHashMap<>();
        results.forEach((text, result) -> {
            Map<String, Double[]> outputs = new LinkedHashMap<>();
            result.outputs().forEach((name, values) -> {
                Double[] boxed = new Double[values.length];
                for (int i = 0; i < values.length; i++) {
                    boxed[i] = Double.isFinite(values[i]) ? values[i] : null;
                }
                outputs.put(name, boxed);
            });
            json.put(text, outputs);
        });
        return json;
    }
}
