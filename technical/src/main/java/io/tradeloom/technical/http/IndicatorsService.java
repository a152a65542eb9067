package io.tradeloom.technical.http;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.helidon.http.HeaderValues;
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
import io.tradeloom.platform.http.BarsBody;
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
        BarsBody body = BarsBody.read(req, BODY, "bars", settings.maxBars());
        List<IndicatorSpec> specs = Specs.fromJson(body.field("indicators"), "indicators", settings.maxCount());
        Map<String, IndicatorResult> results = engine.compute(body.bars(), specs);
        StringBuilder answer = new StringBuilder(size(results));
        answer.append("{\"indicators\":");
        indicators(answer, results);
        send(res, answer.append('}'));
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
        Map<String, IndicatorResult> results = engine.compute(BarSeries.of(bars), specs);
        StringBuilder answer = new StringBuilder(size(results) + bars.size() * 120);
        answer.append("{\"symbol\":");
        string(answer, symbol);
        answer.append(",\"timeframe\":");
        string(answer, timeframe.label());
        answer.append(",\"bars\":").append(new String(Json.bytes(bars.stream().map(BarJson::of).toList()), StandardCharsets.UTF_8));
        answer.append(",\"indicators\":");
        indicators(answer, results);
        send(res, answer.append('}'));
    }

    private static void send(ServerResponse res, CharSequence json) {
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Each result as {output: [values]}, keyed by the spec as the client wrote it; undefined values are null. An
     * answer is mostly numbers (10 indicators over 500 bars are 7,500), so they are appended straight from the
     * engine's arrays: no boxing into a tree for Jackson, and no String per number (StringBuilder.append(double)
     * formats into the builder). The text is what Jackson writes for the same values, byte for byte: a double as
     * Double.toString, the shortest decimal that reads back as the same double, and keys escaped as Jackson escapes
     * them.
     */
    private static void indicators(StringBuilder out, Map<String, IndicatorResult> results) {
        out.append('{');
        boolean firstResult = true;
        for (Map.Entry<String, IndicatorResult> result : results.entrySet()) {
            out.append(firstResult ? "" : ",");
            firstResult = false;
            string(out, result.getKey());
            out.append(":{");
            boolean firstOutput = true;
            for (Map.Entry<String, double[]> output : result.getValue().outputs().entrySet()) {
                out.append(firstOutput ? "" : ",");
                firstOutput = false;
                string(out, output.getKey());
                out.append(":[");
                double[] values = output.getValue();
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    if (Double.isFinite(values[i])) {
                        out.append(values[i]);
                    } else {
                        out.append("null");
                    }
                }
                out.append(']');
            }
            out.append('}');
        }
        out.append('}');
    }

    private static void string(StringBuilder out, String value) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        out.append('"');
    }

    /** Room for the answer's numbers (up to 24 characters each), so the builder does not grow while appending. */
    private static int size(Map<String, IndicatorResult> results) {
        long chars = 64;
        for (IndicatorResult result : results.values()) {
            for (double[] values : result.outputs().values()) {
                chars += 32 + 24L * values.length;
            }
        }
        return (int) Math.min(chars, 1 << 28);
    }
}
