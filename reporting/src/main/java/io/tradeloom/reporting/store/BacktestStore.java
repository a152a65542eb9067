package io.tradeloom.reporting.store;

import static io.tradeloom.db.schema.Tables.BACKTEST;
import static io.tradeloom.db.schema.Tables.BACKTEST_EQUITY;
import static io.tradeloom.db.schema.Tables.BACKTEST_FILL;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jooq.Record;

import io.tradeloom.backtest.BacktestResult;
import io.tradeloom.backtest.EquitySample;
import io.tradeloom.backtest.SimFill;
import io.tradeloom.db.Database;
import io.tradeloom.db.PriceUnits;
import io.tradeloom.db.schema.tables.records.BacktestEquityRecord;
import io.tradeloom.db.schema.tables.records.BacktestFillRecord;
import io.tradeloom.reporting.performance.AccountHistory;
import io.tradeloom.reporting.performance.EquityPoint;
import io.tradeloom.reporting.performance.Fill;
import io.tradeloom.reporting.performance.Side;

/** Backtests and their results in the V5 tables: backtest, backtest_fill, backtest_equity. */
public final class BacktestStore {

    /** Rows per insert batch: large results are written in several statements of one transaction. */
    private static final int BATCH = 5_000;

    private final Database db;

    public BacktestStore(Database db) {
        this.db = db;
    }

    /** A backtest's row (money in dollars). */
    public record Row(String id, Instant createdAt, String status, String request, String strategy,
                      BigDecimal startingCash, BigDecimal finalEquity, Long bars, Long elapsedMs, String error) {
    }

    public void create(String id, Instant createdAt, String requestJson, String strategy, BigDecimal startingCash) {
        db.write("backtests.create", ctx -> ctx.insertInto(BACKTEST)
                .set(BACKTEST.ID, id)
                .set(BACKTEST.CREATED_AT, createdAt.toEpochMilli())
                .set(BACKTEST.STATUS, "RUNNING")
                .set(BACKTEST.REQUEST, requestJson)
                .set(BACKTEST.STRATEGY, strategy)
                .set(BACKTEST.STARTING_CASH_E4, PriceUnits.toE4(startingCash))
                .execute());
    }

    /** Stores the fills and the equity curve and marks the backtest COMPLETED, in one transaction. */
    public void complete(String id, BacktestResult result) {
        db.write("backtests.complete", ctx -> {
            List<BacktestFillRecord> fills = new ArrayList<>(Math.min(result.fills().size(), BATCH));
            for (SimFill f : result.fills()) {
                fills.add(new BacktestFillRecord(id, f.seq(), f.time().toEpochMilli(), f.symbol(), f.side(), f.qty(),
                        PriceUnits.toE4(f.price()), PriceUnits.toE4(f.commission()), f.clientOrderId()));
                if (fills.size() == BATCH) {
                    ctx.batchInsert(fills).execute();
                    fills.clear();
                }
            }
            if (!fills.isEmpty()) {
                ctx.batchInsert(fills).execute();
            }
            List<BacktestEquityRecord> equity = new ArrayList<>(Math.min(result.equity().size(), BATCH));
            for (EquitySample e : result.equity()) {
                equity.add(new BacktestEquityRecord(id, e.time().toEpochMilli(), PriceUnits.toE4(e.equity()),
                        PriceUnits.toE4(e.cash())));
                if (equity.size() == BATCH) {
                    ctx.batchInsert(equity).execute();
                    equity.clear();
                }
            }
            if (!equity.isEmpty()) {
                ctx.batchInsert(equity).execute();
            }
            return ctx.update(BACKTEST)
                    .set(BACKTEST.STATUS, "COMPLETED")
                    .set(BACKTEST.FINAL_EQUITY_E4, PriceUnits.toE4(result.finalEquity()))
                    .set(BACKTEST.BARS, result.bars())
                    .set(BACKTEST.ELAPSED_MS, result.elapsedMs())
                    .where(BACKTEST.ID.eq(id))
                    .execute();
        });
    }

    public void fail(String id, String error, long elapsedMs) {
        db.write("backtests.fail", ctx -> ctx.update(BACKTEST)
                .set(BACKTEST.STATUS, "FAILED")
                .set(BACKTEST.ERROR, error)
                .set(BACKTEST.ELAPSED_MS, elapsedMs)
                .where(BACKTEST.ID.eq(id))
                .execute());
    }

    /** Marks backtests left RUNNING by a stopped process as FAILED; returns how many. */
    public int failInterrupted() {
        return db.write("backtests.interrupted", ctx -> ctx.update(BACKTEST)
                .set(BACKTEST.STATUS, "FAILED")
                .set(BACKTEST.ERROR, "interrupted: the reporting service stopped while it ran")
                .where(BACKTEST.STATUS.eq("RUNNING"))
                .execute());
    }

    public Optional<Row> find(String id) {
        return db.read("backtests.find", ctx -> ctx.selectFrom(BACKTEST).where(BACKTEST.ID.eq(id)).fetchOptional())
                .map(BacktestStore::row);
    }

    /** The latest backtests first. */
    public List<Row> list(int limit) {
        return db.read("backtests.list", ctx -> ctx.selectFrom(BACKTEST)
                        .orderBy(BACKTEST.CREATED_AT.desc(), BACKTEST.ID.desc()).limit(limit).fetch())
                .stream().map(BacktestStore::row).toList();
    }

    /** A backtest's fills and equity curve, as reports read them; fills of one order share its client id. */
    public AccountHistory history(String id) {
        return db.read("backtests.history", ctx -> {
            List<Fill> fills = new ArrayList<>();
            for (BacktestFillRecord r : ctx.selectFrom(BACKTEST_FILL).where(BACKTEST_FILL.BACKTEST_ID.eq(id))
                    .orderBy(BACKTEST_FILL.SEQ).fetch()) {
                fills.add(new Fill(Instant.ofEpochMilli(r.getTime()), r.getSymbol(), Side.parse(r.getSide()),
                        BigDecimal.valueOf(r.getQty()), BigDecimal.valueOf(r.getPriceE4(), PriceUnits.SCALE),
                        BigDecimal.valueOf(r.getCommissionE4(), PriceUnits.SCALE), r.getClientOrderId(),
                        r.getClientOrderId()));
            }
            List<EquityPoint> equity = new ArrayList<>();
            for (Record r : ctx.select(BACKTEST_EQUITY.TIME, BACKTEST_EQUITY.EQUITY_E4).from(BACKTEST_EQUITY)
                    .where(BACKTEST_EQUITY.BACKTEST_ID.eq(id)).orderBy(BACKTEST_EQUITY.TIME).fetch()) {
                equity.add(new EquityPoint(Instant.ofEpochMilli(r.get(BACKTEST_EQUITY.TIME)),
                        BigDecimal.valueOf(r.get(BACKTEST_EQUITY.EQUITY_E4), PriceUnits.SCALE)));
            }
            return new AccountHistory(fills, equity);
        });
    }

    private static Row row(io.tradeloom.db.schema.tables.records.BacktestRecord r) {
        return new Row(r.getId(), Instant.ofEpochMilli(r.getCreatedAt()), r.getStatus(), r.getRequest(), r.getStrategy(),
                PriceUnits.fromE4(r.getStartingCashE4()),
                r.getFinalEquityE4() == null ? null : PriceUnits.fromE4(r.getFinalEquityE4()),
                r.getBars(), r.getElapsedMs(), r.getError());
    }
}
