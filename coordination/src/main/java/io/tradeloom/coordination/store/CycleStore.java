package io.tradeloom.coordination.store;

import static io.tradeloom.db.schema.Tables.CYCLE;
import static io.tradeloom.db.schema.Tables.CYCLE_DECISION;
import static io.tradeloom.db.schema.Tables.CYCLE_STEP;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.jooq.Record;
import org.jooq.impl.DSL;

import io.tradeloom.db.Database;
import io.tradeloom.db.schema.tables.records.CycleRecord;
import io.tradeloom.platform.http.Json;

/** Cycles with their steps and decisions: a cycle row when it starts, the rest in one transaction when it ends. */
public final class CycleStore {

    private final Database db;

    public CycleStore(Database db) {
        this.db = db;
    }

    /** One step of a cycle, as stored and shown. */
    public record Step(int seq, String name, String service, String status, Instant startedAt, BigDecimal durationMs,
                       String detail) {
    }

    /** One symbol's decision, as stored and shown. */
    public record Decision(String symbol, String decision, BigDecimal score, JsonNode inputs, List<String> reasons,
                           String clientOrderId, String orderStatus, JsonNode orderResult) {
    }

    /** A cycle; steps and decisions are empty in listings. */
    public record Cycle(long id, String trigger, String strategy, String status, Instant startedAt, Instant finishedAt,
                        Instant marketTime, List<String> degradedServices, String entriesBlocked,
                        Map<String, BigDecimal> timings, Integer candidates, Integer orders, String error,
                        List<Step> steps, List<Decision> decisions) {
    }

    /** What a finished cycle writes. */
    public record Outcome(String status, Instant finishedAt, Collection<String> degradedServices, String entriesBlocked,
                          Map<String, BigDecimal> timings, int candidates, int orders, String error, List<Step> steps,
                          List<Decision> decisions) {
    }

    /** Inserts a RUNNING cycle and returns its id. */
    public long start(String trigger, String strategy, Instant startedAt, Instant marketTime) {
        return db.write("cycle.start", ctx -> ctx.insertInto(CYCLE)
                .set(CYCLE.TRIGGER, trigger)
                .set(CYCLE.STRATEGY, strategy)
                .set(CYCLE.STATUS, "RUNNING")
                .set(CYCLE.STARTED_AT, startedAt.toEpochMilli())
                .set(CYCLE.MARKET_TIME, marketTime == null ? null : marketTime.toEpochMilli())
                .returningResult(CYCLE.ID)
                .fetchOne(0, Long.class));
    }

    /** Writes the cycle's outcome, steps and decisions in one transaction. */
    public void finish(long id, Outcome o) {
        db.write("cycle.finish", ctx -> {
            ctx.update(CYCLE)
                    .set(CYCLE.STATUS, o.status())
                    .set(CYCLE.FINISHED_AT, o.finishedAt().toEpochMilli())
                    .set(CYCLE.DEGRADED_SERVICES, json(o.degradedServices()))
                    .set(CYCLE.ENTRIES_BLOCKED, o.entriesBlocked())
                    .set(CYCLE.TIMINGS, json(o.timings()))
                    .set(CYCLE.CANDIDATES, o.candidates())
                    .set(CYCLE.ORDERS, o.orders())
                    .set(CYCLE.ERROR, o.error())
                    .where(CYCLE.ID.eq(key(id)))
                    .execute();
            for (Step s : o.steps()) {
                ctx.insertInto(CYCLE_STEP)
                        .set(CYCLE_STEP.CYCLE_ID, key(id))
                        .set(CYCLE_STEP.SEQ, s.seq())
                        .set(CYCLE_STEP.NAME, s.name())
                        .set(CYCLE_STEP.SERVICE, s.service())
                        .set(CYCLE_STEP.STATUS, s.status())
                        .set(CYCLE_STEP.STARTED_AT, s.startedAt().toEpochMilli())
                        .set(CYCLE_STEP.DURATION_US, s.durationMs().movePointRight(3).longValue())
                        .set(CYCLE_STEP.DETAIL, s.detail())
                        .execute();
            }
            for (Decision d : o.decisions()) {
                ctx.insertInto(CYCLE_DECISION)
                        .set(CYCLE_DECISION.CYCLE_ID, key(id))
                        .set(CYCLE_DECISION.SYMBOL, d.symbol())
                        .set(CYCLE_DECISION.DECISION, d.decision())
                        .set(CYCLE_DECISION.SCORE, d.score() == null ? null : d.score().toPlainString())
                        .set(CYCLE_DECISION.INPUTS, json(d.inputs()))
                        .set(CYCLE_DECISION.REASONS, json(d.reasons()))
                        .set(CYCLE_DECISION.CLIENT_ORDER_ID, d.clientOrderId())
                        .set(CYCLE_DECISION.ORDER_STATUS, d.orderStatus())
                        .set(CYCLE_DECISION.ORDER_RESULT, d.orderResult() == null ? null : json(d.orderResult()))
                        .execute();
            }
            return null;
        });
    }

    /** The latest cycles, newest first, without steps and decisions. */
    public List<Cycle> latest(int limit) {
        return db.read("cycle.latest", ctx -> ctx.selectFrom(CYCLE).orderBy(CYCLE.ID.desc()).limit(limit)
                .fetch(r -> cycle(r, List.of(), List.of())));
    }

    public Optional<Cycle> find(long id) {
        return db.read("cycle.find", ctx -> {
            CycleRecord r = ctx.selectFrom(CYCLE).where(CYCLE.ID.eq(key(id))).fetchOne();
            if (r == null) {
                return Optional.empty();
            }
            List<Step> steps = ctx.selectFrom(CYCLE_STEP).where(CYCLE_STEP.CYCLE_ID.eq(key(id))).orderBy(CYCLE_STEP.SEQ)
                    .fetch(s -> new Step(s.getSeq(), s.getName(), s.getService(), s.getStatus(),
                            Instant.ofEpochMilli(s.getStartedAt()), BigDecimal.valueOf(s.getDurationUs(), 3), s.getDetail()));
            List<Decision> decisions = ctx.selectFrom(CYCLE_DECISION).where(CYCLE_DECISION.CYCLE_ID.eq(key(id)))
                    .orderBy(CYCLE_DECISION.SYMBOL)
                    .fetch(d -> new Decision(d.getSymbol(), d.getDecision(), d.getScore() == null ? null : new BigDecimal(d.getScore()),
                            tree(d.getInputs()), read(d.getReasons(), new TypeReference<List<String>>() { }),
                            d.getClientOrderId(), d.getOrderStatus(), d.getOrderResult() == null ? null : tree(d.getOrderResult())));
            return Optional.of(cycle(r, steps, decisions));
        });
    }

    /**
     * For each symbol, the market time of the latest cycle whose entry in it the broker accepted: when the position
     * was opened, as far as coordination knows (Alpaca's positions do not say).
     */
    public Map<String, Instant> lastEntries(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Map.of();
        }
        return db.read("cycle.last_entries", ctx -> {
            Map<String, Instant> m = new HashMap<>();
            for (Record r : ctx.select(CYCLE_DECISION.SYMBOL, DSL.max(CYCLE.MARKET_TIME))
                    .from(CYCLE_DECISION).join(CYCLE).on(CYCLE.ID.eq(CYCLE_DECISION.CYCLE_ID))
                    .where(CYCLE_DECISION.SYMBOL.in(symbols))
                    .and(CYCLE_DECISION.DECISION.in("ENTER_LONG", "ENTER_SHORT"))
                    .and(CYCLE_DECISION.ORDER_STATUS.in("SUBMITTED", "ALREADY_SUBMITTED"))
                    .and(CYCLE.MARKET_TIME.isNotNull())
                    .groupBy(CYCLE_DECISION.SYMBOL)
                    .fetch()) {
                m.put(r.get(CYCLE_DECISION.SYMBOL), Instant.ofEpochMilli(r.get(1, Long.class)));
            }
            return m;
        });
    }

    private static Cycle cycle(CycleRecord r, List<Step> steps, List<Decision> decisions) {
        return new Cycle(r.getId(), r.getTrigger(), r.getStrategy(), r.getStatus(), Instant.ofEpochMilli(r.getStartedAt()),
                r.getFinishedAt() == null ? null : Instant.ofEpochMilli(r.getFinishedAt()),
                r.getMarketTime() == null ? null : Instant.ofEpochMilli(r.getMarketTime()),
                read(r.getDegradedServices(), new TypeReference<List<String>>() { }), r.getEntriesBlocked(),
                read(r.getTimings(), new TypeReference<Map<String, BigDecimal>>() { }),
                r.getCandidates(), r.getOrders(), r.getError(), steps, decisions);
    }

    /** Cycle ids are SQLite rowids, generated as Integer by jOOQ; they stay far below 2^31. */
    private static int key(long id) {
        return Math.toIntExact(id);
    }

    private static String json(Object value) {
        return new String(Json.bytes(value), StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.tree(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
