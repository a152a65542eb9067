package io.tradeloom.recognition.store;

import static io.tradeloom.db.schema.Tables.CHART_PATTERN;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.tradeloom.charts.Breakout;
import io.tradeloom.charts.ChartPattern;
import io.tradeloom.charts.Pivot;
import io.tradeloom.db.Database;
import io.tradeloom.db.PriceUnits;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.http.Json;

/**
 * Chart patterns found in stored bars, one row per (symbol, timeframe, type, first bar). Storing a pattern again
 * updates its row: a forming pattern that has broken out since, or a level with a new touch, is the same pattern.
 */
public final class ChartPatternStore {

    private final Database db;

    public ChartPatternStore(Database db) {
        this.db = db;
    }

    /** One stored row, as the API lists it. */
    public record Stored(long id, String symbol, String timeframe, String type, String direction, String status,
                         Instant startTime, Instant endTime, BigDecimal level, BigDecimal target, BigDecimal confidence,
                         Object pivots, Object breakout, Instant detectedAt, Instant updatedAt) {
    }

    /** Stores (inserts or updates) {@code patterns} in one transaction; returns how many rows were new. */
    public int save(String symbol, Timeframe timeframe, List<ChartPattern> patterns, Instant now) {
        if (patterns.isEmpty()) {
            return 0;
        }
        return db.write("chart_patterns.save", ctx -> {
            int before = ctx.fetchCount(CHART_PATTERN, CHART_PATTERN.SYMBOL.eq(symbol), CHART_PATTERN.TIMEFRAME.eq(timeframe.label()));
            for (ChartPattern p : patterns) {
                long level = PriceUnits.toE4(price(p.level()));
                Long target = p.target() == null ? null : PriceUnits.toE4(price(p.target()));
                String pivots = json(pivots(p.pivots()));
                String breakout = p.breakout() == null ? null : json(breakout(p.breakout()));
                long end = p.endTime().toEpochMilli();
                ctx.insertInto(CHART_PATTERN)
                        .set(CHART_PATTERN.SYMBOL, symbol)
                        .set(CHART_PATTERN.TIMEFRAME, timeframe.label())
                        .set(CHART_PATTERN.TYPE, p.type().id())
                        .set(CHART_PATTERN.DIRECTION, p.direction().label())
                        .set(CHART_PATTERN.STATUS, p.status())
                        .set(CHART_PATTERN.START_TIME, p.startTime().toEpochMilli())
                        .set(CHART_PATTERN.END_TIME, end)
                        .set(CHART_PATTERN.LEVEL_E4, level)
                        .set(CHART_PATTERN.TARGET_E4, target)
                        .set(CHART_PATTERN.CONFIDENCE, p.confidence())
                        .set(CHART_PATTERN.PIVOTS, pivots)
                        .set(CHART_PATTERN.BREAKOUT, breakout)
                        .set(CHART_PATTERN.DETECTED_AT, now.toEpochMilli())
                        .set(CHART_PATTERN.UPDATED_AT, now.toEpochMilli())
                        .onConflict(CHART_PATTERN.SYMBOL, CHART_PATTERN.TIMEFRAME, CHART_PATTERN.TYPE, CHART_PATTERN.START_TIME)
                        .doUpdate()
                        .set(CHART_PATTERN.DIRECTION, p.direction().label())
                        .set(CHART_PATTERN.STATUS, p.status())
                        .set(CHART_PATTERN.END_TIME, end)
                        .set(CHART_PATTERN.LEVEL_E4, level)
                        .set(CHART_PATTERN.TARGET_E4, target)
                        .set(CHART_PATTERN.CONFIDENCE, p.confidence())
                        .set(CHART_PATTERN.PIVOTS, pivots)
                        .set(CHART_PATTERN.BREAKOUT, breakout)
                        .set(CHART_PATTERN.UPDATED_AT, now.toEpochMilli())
                        .execute();
            }
            int after = ctx.fetchCount(CHART_PATTERN, CHART_PATTERN.SYMBOL.eq(symbol), CHART_PATTERN.TIMEFRAME.eq(timeframe.label()));
            return after - before;
        });
    }

    /** The latest stored patterns (by end time, newest first), optionally of one symbol. */
    public List<Stored> latest(String symbol, int limit) {
        return db.read("chart_patterns.latest", ctx -> ctx.selectFrom(CHART_PATTERN)
                .where(symbol == null ? CHART_PATTERN.SYMBOL.isNotNull() : CHART_PATTERN.SYMBOL.eq(symbol))
                .orderBy(CHART_PATTERN.END_TIME.desc(), CHART_PATTERN.ID.desc())
                .limit(limit)
                .fetch(r -> new Stored(r.getId(), r.getSymbol(), r.getTimeframe(), r.getType(), r.getDirection(),
                        r.getStatus(), Instant.ofEpochMilli(r.getStartTime()), Instant.ofEpochMilli(r.getEndTime()),
                        PriceUnits.fromE4(r.getLevelE4()), r.getTargetE4() == null ? null : PriceUnits.fromE4(r.getTargetE4()),
                        BigDecimal.valueOf(r.getConfidence()).setScale(4, RoundingMode.HALF_UP), tree(r.getPivots()), r.getBreakout() == null ? null : tree(r.getBreakout()),
                        Instant.ofEpochMilli(r.getDetectedAt()), Instant.ofEpochMilli(r.getUpdatedAt()))));
    }

    public int count() {
        return db.read("chart_patterns.count", ctx -> ctx.fetchCount(CHART_PATTERN));
    }

    /** A price to the 1/10,000 the database keeps. */
    public static BigDecimal price(double value) {
        return BigDecimal.valueOf(value).setScale(PriceUnits.SCALE, RoundingMode.HALF_UP);
    }

    private static List<Map<String, Object>> pivots(List<Pivot> pivots) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Pivot p : pivots) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", p.time().toString());
            m.put("price", price(p.price()));
            m.put("kind", p.kind().label());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> breakout(Breakout b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", b.time().toString());
        m.put("price", price(b.price()));
        m.put("level", price(b.level()));
        m.put("direction", b.direction().label());
        m.put("volume_ratio", b.volumeRatio() == null ? null : BigDecimal.valueOf(b.volumeRatio()).setScale(2, RoundingMode.HALF_UP));
        m.put("volume_confirmed", b.volumeConfirmed());
        return m;
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    private static Object tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + json, e);
        }
    }
}
