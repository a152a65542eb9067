package io.tradeloom.technical.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
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
import io.tradeloom.platform.http.JsonDoubles;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.technical.TechnicalSettings;

/**
 * {@code POST /api/indicators}: indicators over the bars in the body, as CONTRACTS.md fixes it;
 * {@code GET /api/indicators/{symbol}?timeframe=&indicators=&limit=}: the same over the latest stored bars.
 */
public final class IndicatorsService implements HttpService {

    private static final Set<String> BODY = Set.of("bars", "indicators");
    private static final Set<String> PARAMS = Set.of("timeframe", "indicators", "limit");
    /** Digits per number in an answer; see {@link #indicators}. */
    private static final int SIGNIFICANT_DIGITS = 12;

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
        Answer answer = new Answer(size(results));
        answer.ascii("{\"indicators\":");
        indicators(answer, results);
        send(res, answer.ascii("}"));
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
        byte[] barsJson = Json.bytes(bars.stream().map(BarJson::of).toList());
        Answer answer = new Answer(size(results) + 96 + 6 * symbol.length() + barsJson.length);
        answer.ascii("{\"symbol\":");
        answer.string(symbol);
        answer.ascii(",\"timeframe\":");
        answer.string(timeframe.label());
        answer.ascii(",\"bars\":").bytes(barsJson);
        answer.ascii(",\"indicators\":");
        indicators(answer, results);
        send(res, answer.ascii("}"));
    }

    private static void send(ServerResponse res, Answer answer) {
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(answer.bytes, 0, answer.length);
    }

    /**
     * Each result as {output: [values]}, keyed by the spec as the client wrote it; undefined values are null. An
     * answer is mostly numbers (10 indicators over 500 bars are 7,500), so they are written straight from the
     * engine's arrays into the answer's bytes: no boxing into a tree for Jackson, no String per number. Each is
     * rounded to 12 significant digits (JsonDoubles), a relative error of at most 5e-12, far inside the 1e-9 the
     * engine keeps to TA-Lib, and about three times cheaper than the shortest exact decimal, which was the largest
     * cost of the whole request. Keys are escaped as Jackson escapes them.
     */
    private static void indicators(Answer out, Map<String, IndicatorResult> results) {
        out.ascii("{");
        boolean firstResult = true;
        for (Map.Entry<String, IndicatorResult> result : results.entrySet()) {
            out.ascii(firstResult ? "" : ",");
            firstResult = false;
            out.string(result.getKey());
            out.ascii(":{");
            boolean firstOutput = true;
            for (Map.Entry<String, double[]> output : result.getValue().outputs().entrySet()) {
                out.ascii(firstOutput ? "" : ",");
                firstOutput = false;
                out.string(output.getKey());
                out.ascii(":[");
                out.values(output.getValue());
                out.ascii("]");
            }
            out.ascii("}");
        }
        out.ascii("}");
    }

    /** Room for the answer's numbers (each with its comma), so the buffer does not grow while writing. */
    private static int size(Map<String, IndicatorResult> results) {
        long bytes = 64;
        for (Map.Entry<String, IndicatorResult> result : results.entrySet()) {
            bytes += 8 + 6L * result.getKey().length();
            for (Map.Entry<String, double[]> output : result.getValue().outputs().entrySet()) {
                bytes += 8 + 6L * output.getKey().length() + JsonDoubles.ROOM + (JsonDoubles.MAX_LENGTH + 1L) * output.getValue().length;
            }
        }
        return (int) Math.min(bytes, 1 << 28);
    }

    /** The answer's UTF-8 bytes, written in place and sent as they are. */
    private static final class Answer {

        private static final byte[] NULL = {'n', 'u', 'l', 'l'};

        private byte[] bytes;
        private int length;

        Answer(int capacity) {
            bytes = new byte[capacity];
        }

        /** A literal of ASCII characters. */
        Answer ascii(String text) {
            room(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[length++] = (byte) text.charAt(i);
            }
            return this;
        }

        Answer bytes(byte[] more) {
            room(more.length);
            System.arraycopy(more, 0, bytes, length, more.length);
            length += more.length;
            return this;
        }

        void string(String value) {
            ascii("\"");
            bytes(JsonStringEncoder.getInstance().quoteAsUTF8(value));
            ascii("\"");
        }

        /** The values comma-separated, null for NaN (warm-up) and any infinity, each rounded to 12 digits. */
        void values(double[] values) {
            room(JsonDoubles.ROOM + (JsonDoubles.MAX_LENGTH + 1L) * values.length);
            byte[] out = bytes;
            int at = length;
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out[at++] = ',';
                }
                double v = values[i];
                if (Double.isFinite(v)) {
                    at = JsonDoubles.write(out, at, v, SIGNIFICANT_DIGITS);
                } else {
                    System.arraycopy(NULL, 0, out, at, 4);
                    at += 4;
                }
            }
            length = at;
        }

        private void room(long more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max(2L * bytes.length, length + more), Integer.MAX_VALUE - 8));
            }
        }
    }
}
