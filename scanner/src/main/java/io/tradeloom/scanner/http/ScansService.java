package io.tradeloom.scanner.http;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.util.RawValue;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.market.scan.Candidate;
import io.tradeloom.market.scan.Preset;
import io.tradeloom.market.scan.ScanCriteria;
import io.tradeloom.market.scan.ScanEngine;
import io.tradeloom.market.scan.ScanResult;
import io.tradeloom.market.scan.SortKey;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.scanner.ingest.MarketRuntime;
import io.tradeloom.scanner.scan.Snapshots;
import io.tradeloom.scanner.store.ScanStore;

/**
 * {@code POST /api/scan} ranks the universe by the given criteria (optionally starting from a
 * preset) and stores the scan; {@code GET /api/scans/{id}} and {@code GET /api/scans?limit=} read them back.
 */
public final class ScansService implements HttpService {

    private final MarketRuntime market;
    private final Snapshots snapshots;
    private final ScanEngine engine;
    private final ScanStore scans;
    private final Clock clock;

    public ScansService(MarketRuntime market, Snapshots snapshots, ScanEngine engine, ScanStore scans, Clock clock) {
        this.market = market;
        this.snapshots = snapshots;
        this.engine = engine;
        this.scans = scans;
        this.clock = clock;
    }

    /** The body of POST /api/scan: a preset and/or criteria; given criteria override the preset's. */
    public record ScanRequest(String preset, BigDecimal minPrice, BigDecimal maxPrice, BigDecimal minAvgVolume,
                              BigDecimal minRelativeVolume, BigDecimal minGapPercent, BigDecimal maxGapPercent,
                              BigDecimal minAbsGapPercent, BigDecimal minChangePercent, BigDecimal maxChangePercent,
                              BigDecimal minChangeFromOpenPercent, BigDecimal minAtrPercent, BigDecimal maxAtrPercent,
                              Integer topN, String sortBy, Boolean sortDescending) {
    }

    /** The scan routes: POST /api/scan lives beside GET /api/scans, so both are registered at /api. */
    @Override
    public void routing(HttpRules rules) {
        rules.post("/scan", this::scan)
                .get("/scans", this::list)
                .get("/scans/{id}", this::find);
    }

    private void scan(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        ScanRequest body = req.content().hasEntity() ? Json.read(req, ScanRequest.class) : emptyRequest();
        List<ApiException.FieldError> errors = new ArrayList<>();
        Optional<Preset> preset = Optional.ofNullable(body.preset()).flatMap(p -> parse("preset", () -> Preset.parse(p), errors));
        SortKey sortBy = Optional.ofNullable(body.sortBy()).flatMap(k -> parse("sort_by", () -> SortKey.parse(k), errors))
                .orElse(null);
        ScanCriteria given = new ScanCriteria(body.minPrice(), body.maxPrice(), body.minAvgVolume(),
                body.minRelativeVolume(), body.minGapPercent(), body.maxGapPercent(), body.minAbsGapPercent(),
                body.minChangePercent(), body.maxChangePercent(), body.minChangeFromOpenPercent(),
                body.minAtrPercent(), body.maxAtrPercent(), body.topN(), sortBy, body.sortDescending());
        ScanCriteria criteria = preset.map(p -> p.criteria().overriddenBy(given)).orElse(given);
        criteria.validate(engine.maxTopN()).forEach(p -> errors.add(new ApiException.FieldError(p.field(), p.message())));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }

        long start = System.nanoTime();
        ScanResult result = engine.scan(snapshots.all(), criteria);
        long tookMicros = (System.nanoTime() - start) / 1000;
        Map<String, String> names = market.source().universe();
        List<ScanStore.StoredCandidate> candidates = result.candidates().stream()
                .map(c -> new ScanStore.StoredCandidate(c.rank(), c.symbol(), new String(Json.bytes(c.metrics())),
                        new String(Json.bytes(c.qualifiedBy()))))
                .toList();
        // Times at the millisecond the database keeps, so this answer and GET /api/scans/{id} agree.
        ScanStore.StoredScan stored = new ScanStore.StoredScan(0, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                market.clock().now().truncatedTo(ChronoUnit.MILLIS),
                preset.map(Preset::label), new String(Json.bytes(criteriaJson(criteria))), result.universeSize(), result.matched(),
                tookMicros, candidates);
        long id = scans.save(stored);
        Map<String, Object> answer = summary(id, stored);
        answer.put("candidates", result.candidates().stream().map(c -> candidate(c, names)).toList());
        Json.send(res, Status.CREATED_201, answer);
    }

    private static ScanRequest emptyRequest() {
        return new ScanRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static <T> Optional<T> parse(String field, Supplier<T> parser, List<ApiException.FieldError> errors) {
        try {
            return Optional.of(parser.get());
        } catch (IllegalArgumentException e) {
            errors.add(new ApiException.FieldError(field, e.getMessage()));
            return Optional.empty();
        }
    }

    /** The criteria as stored and shown: only what was set, sort keys by their API names. */
    static Map<String, Object> criteriaJson(ScanCriteria c) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "min_price", c.minPrice());
        put(m, "max_price", c.maxPrice());
        put(m, "min_avg_volume", c.minAvgVolume());
        put(m, "min_relative_volume", c.minRelativeVolume());
        put(m, "min_gap_percent", c.minGapPercent());
        put(m, "max_gap_percent", c.maxGapPercent());
        put(m, "min_abs_gap_percent", c.minAbsGapPercent());
        put(m, "min_change_percent", c.minChangePercent());
        put(m, "max_change_percent", c.maxChangePercent());
        put(m, "min_change_from_open_percent", c.minChangeFromOpenPercent());
        put(m, "min_atr_percent", c.minAtrPercent());
        put(m, "max_atr_percent", c.maxAtrPercent());
        m.put("top_n", c.topNOrDefault());
        m.put("sort_by", c.sortByOrDefault().label());
        m.put("sort_descending", c.sortDescendingOrDefault());
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Map<String, Object> candidate(Candidate c, Map<String, String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", c.rank());
        m.put("symbol", c.symbol());
        m.put("name", names.getOrDefault(c.symbol(), c.symbol()));
        m.put("metrics", c.metrics());
        m.put("qualified_by", c.qualifiedBy());
        return m;
    }

    private void list(ServerRequest req, ServerResponse res) {
        int limit = QueryParams.of(req, Set.of("limit")).integer("limit", 20, 1, 500);
        List<Map<String, Object>> latest = scans.latest(limit).stream().map(s -> {
            Map<String, Object> m = summary(s.id(), s);
            m.put("symbols", s.candidates().stream().map(ScanStore.StoredCandidate::symbol).toList());
            return m;
        }).toList();
        Json.send(res, Map.of("scans", latest));
    }

    private void find(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        String raw = req.path().pathParameters().get("id");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("id", "must be a scan id (a whole number), was '" + raw + "'");
        }
        ScanStore.StoredScan s = scans.find(id).orElseThrow(() -> ApiException.notFound("No scan " + id + "."));
        Map<String, String> names = market.source().universe();
        Map<String, Object> answer = summary(id, s);
        answer.put("candidates", s.candidates().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", c.rank());
            m.put("symbol", c.symbol());
            m.put("name", names.getOrDefault(c.symbol(), c.symbol()));
            m.put("metrics", raw(c.metricsJson()));
            m.put("qualified_by", raw(c.qualifiedByJson()));
            return m;
        }).toList());
        Json.send(res, answer);
    }

    private static Map<String, Object> summary(long id, ScanStore.StoredScan s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("created_at", s.createdAt());
        m.put("market_time", s.marketTime());
        m.put("preset", s.preset().orElse(null));
        m.put("criteria", raw(s.criteriaJson()));
        m.put("universe_size", s.universeSize());
        m.put("matched", s.matched());
        m.put("took_ms", s.tookMicros() / 1000.0);
        return m;
    }

    /**
     * A stored JSON column written out as stored: parsing it into a tree would reformat its decimals (523.30 as
     * 523.3, 180.00 as 1.8E+2), so that GET /api/scans/{id} would not show the numbers POST /api/scan answered.
     */
    private static RawValue raw(String json) {
        return new RawValue(json);
    }

}
