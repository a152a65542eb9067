package io.tradeloom.scanner.store;

import static io.tradeloom.db.schema.Tables.SCAN;
import static io.tradeloom.db.schema.Tables.SCAN_CANDIDATE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;

import io.tradeloom.db.Database;
import io.tradeloom.db.schema.tables.records.ScanRecord;

/** Scans as they ran: criteria, counts and the ranked candidates with their metrics. */
public final class ScanStore {

    private final Database db;

    public ScanStore(Database db) {
        this.db = db;
    }

    /** A stored scan; JSON columns are kept as the JSON text they were written as. */
    public record StoredScan(long id, Instant createdAt, Instant marketTime, Optional<String> preset, String criteriaJson,
                             int universeSize, int matched, long tookMicros, List<StoredCandidate> candidates) {
    }

    public record StoredCandidate(int rank, String symbol, String metricsJson, String qualifiedByJson) {
    }

    /** Stores a scan and its candidates in one transaction; returns its id. */
    public long save(StoredScan scan) {
        return db.write("scans.save", ctx -> {
            long id = ctx.insertInto(SCAN)
                    .set(SCAN.CREATED_AT, scan.createdAt().toEpochMilli())
                    .set(SCAN.MARKET_TIME, scan.marketTime().toEpochMilli())
                    .set(SCAN.PRESET, scan.preset().orElse(null))
                    .set(SCAN.CRITERIA, scan.criteriaJson())
                    .set(SCAN.UNIVERSE_SIZE, scan.universeSize())
                    .set(SCAN.MATCHED, scan.matched())
                    .set(SCAN.TOOK_MICROS, scan.tookMicros())
                    .returningResult(SCAN.ID)
                    .fetchOne(0, Long.class);
            if (!scan.candidates().isEmpty()) {
                var insert = ctx.insertInto(SCAN_CANDIDATE, SCAN_CANDIDATE.SCAN_ID, SCAN_CANDIDATE.RANK,
                        SCAN_CANDIDATE.SYMBOL, SCAN_CANDIDATE.METRICS, SCAN_CANDIDATE.QUALIFIED_BY);
                for (StoredCandidate c : scan.candidates()) {
                    insert = insert.values((int) id, c.rank(), c.symbol(), c.metricsJson(), c.qualifiedByJson());
                }
                insert.execute();
            }
            return id;
        });
    }

    public Optional<StoredScan> find(long id) {
        return db.read("scans.find", ctx -> ctx.selectFrom(SCAN).where(SCAN.ID.eq((int) id)).fetchOptional()
                .map(r -> scan(ctx, r, true)));
    }

    /** The latest scans, newest first, with their candidates' symbols but not their metrics. */
    public List<StoredScan> latest(int limit) {
        return db.read("scans.latest", ctx -> ctx.selectFrom(SCAN).orderBy(SCAN.ID.desc()).limit(limit)
                .fetch(r -> scan(ctx, r, false)));
    }

    private static StoredScan scan(DSLContext ctx, ScanRecord r, boolean withMetrics) {
        List<StoredCandidate> candidates = ctx.selectFrom(SCAN_CANDIDATE)
                .where(SCAN_CANDIDATE.SCAN_ID.eq(r.getId()))
                .orderBy(SCAN_CANDIDATE.RANK)
                .fetch(c -> new StoredCandidate(c.getRank(), c.getSymbol(),
                        withMetrics ? c.getMetrics() : "{}", withMetrics ? c.getQualifiedBy() : "[]"));
        return new StoredScan(r.getId(), Instant.ofEpochMilli(r.getCreatedAt()), Instant.ofEpochMilli(r.getMarketTime()),
                Optional.ofNullable(r.getPreset()), r.getCriteria(), r.getUniverseSize(), r.getMatched(), r.getTookMicros(),
                candidates);
    }
}
