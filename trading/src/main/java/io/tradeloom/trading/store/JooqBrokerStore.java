package io.tradeloom.trading.store;

import io.tradeloom.broker.BrokerStore;
import io.tradeloom.broker.EquitySnapshot;
import io.tradeloom.broker.LedgerEntry;
import io.tradeloom.broker.Order;
import io.tradeloom.broker.OrderClass;
import io.tradeloom.broker.OrderStatus;
import io.tradeloom.broker.OrderType;
import io.tradeloom.broker.RiskState;
import io.tradeloom.broker.RiskStatus;
import io.tradeloom.broker.Side;
import io.tradeloom.broker.TimeInForce;
import io.tradeloom.db.Database;
import io.tradeloom.db.PriceUnits;
import io.tradeloom.db.schema.tables.records.PaperEquityRecord;
import io.tradeloom.db.schema.tables.records.PaperLedgerRecord;
import io.tradeloom.db.schema.tables.records.PaperOrderRecord;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.tradeloom.db.schema.Tables.PAPER_EQUITY;
import static io.tradeloom.db.schema.Tables.PAPER_LEDGER;
import static io.tradeloom.db.schema.Tables.PAPER_ORDER;
import static io.tradeloom.db.schema.Tables.PAPER_RISK;

/** The paper account in SQLite: each engine step in one write transaction. */
public final class JooqBrokerStore implements BrokerStore {

    private final Database db;

    public JooqBrokerStore(Database db) {
        this.db = db;
    }

    @Override
    public State load() {
        return db.read("paper.load", ctx -> {
            List<Order> orders = ctx.selectFrom(PAPER_ORDER).orderBy(PAPER_ORDER.SEQ).fetch(JooqBrokerStore::order);
            List<LedgerEntry> ledger = ctx.selectFrom(PAPER_LEDGER).orderBy(PAPER_LEDGER.SEQ)
                    .fetch(JooqBrokerStore::entry);
            RiskStatus risk = ctx.selectFrom(PAPER_RISK).fetchOptional()
                    .map(r -> new RiskStatus(RiskState.valueOf(r.getState()), r.getReason(),
                            LocalDate.parse(r.getTradingDay()), PriceUnits.fromE4(r.getDayStartEquityE4()),
                            PriceUnits.fromE4(r.getPeakEquityE4()), Instant.ofEpochMilli(r.getUpdatedAt())))
                    .orElse(null);
            return new State(orders, ledger, risk);
        });
    }

    @Override
    public void commit(Changes c) {
        db.write("paper.commit", ctx -> {
            for (Order o : c.orders()) {
                PaperOrderRecord r = record(ctx, o);
                ctx.insertInto(PAPER_ORDER).set(r).onConflict(PAPER_ORDER.ID).doUpdate().set(r).execute();
            }
            if (!c.ledger().isEmpty()) {
                List<PaperLedgerRecord> rows = new ArrayList<>(c.ledger().size());
                for (LedgerEntry e : c.ledger()) {
                    rows.add(record(ctx, e));
                }
                ctx.batchInsert(rows).execute();
            }
            if (c.risk() != null) {
                RiskStatus r = c.risk();
                var rec = ctx.newRecord(PAPER_RISK);
                rec.setId(1);
                rec.setState(r.state().name());
                rec.setReason(r.reason());
                rec.setTradingDay(r.tradingDay().toString());
                rec.setDayStartEquityE4(PriceUnits.toE4(r.dayStartEquity()));
                rec.setPeakEquityE4(PriceUnits.toE4(r.peakEquity()));
                rec.setUpdatedAt(r.updatedAt().toEpochMilli());
                ctx.insertInto(PAPER_RISK).set(rec).onConflict(PAPER_RISK.ID).doUpdate().set(rec).execute();
            }
            for (EquitySnapshot s : c.equity()) {
                PaperEquityRecord rec = ctx.newRecord(PAPER_EQUITY);
                rec.setTime(s.time().toEpochMilli());
                rec.setEquityE4(PriceUnits.toE4(s.equity()));
                rec.setCashE4(PriceUnits.toE4(s.cash()));
                ctx.insertInto(PAPER_EQUITY).set(rec).execute();
            }
            return null;
        });
    }

    /** Equity snapshots with {@code from <= time <= to}, oldest first. */
    public List<EquitySnapshot> equity(Instant from, Instant to) {
        return db.read("paper.equity", ctx -> ctx.selectFrom(PAPER_EQUITY)
                .where(PAPER_EQUITY.TIME.between(from.toEpochMilli(), to.toEpochMilli()))
                .orderBy(PAPER_EQUITY.TIME, PAPER_EQUITY.ID)
                .fetch(r -> new EquitySnapshot(Instant.ofEpochMilli(r.getTime()), PriceUnits.fromE4(r.getEquityE4()),
                        PriceUnits.fromE4(r.getCashE4()))));
    }

    private static PaperOrderRecord record(DSLContext ctx, Order o) {
        PaperOrderRecord r = ctx.newRecord(PAPER_ORDER);
        r.setId(o.id());
        r.setSeq((int) o.seq());
        r.setClientOrderId(o.clientOrderId());
        r.setCreatedAt(millis(o.createdAt()));
        r.setUpdatedAt(millis(o.updatedAt()));
        r.setSubmittedAt(millis(o.submittedAt()));
        r.setFilledAt(millis(o.filledAt()));
        r.setExpiredAt(millis(o.expiredAt()));
        r.setCanceledAt(millis(o.canceledAt()));
        r.setReplacedAt(millis(o.replacedAt()));
        r.setReplacedBy(o.replacedBy());
        r.setReplaces(o.replaces());
        r.setSymbol(o.symbol());
        r.setNotionalE4(e4(o.notional()));
        r.setQty(o.qty());
        r.setFilledQty(o.filledQty());
        r.setFilledNotionalE4(PriceUnits.toE4(o.filledNotional()));
        r.setOrderClass(o.orderClass().wire());
        r.setType(o.type().wire());
        r.setSide(o.side().wire());
        r.setTimeInForce(o.timeInForce().wire());
        r.setLimitPriceE4(e4(o.limitPrice()));
        r.setStopPriceE4(e4(o.stopPrice()));
        r.setTrailPriceE4(e4(o.trailPrice()));
        r.setTrailPercentE4(e4(o.trailPercent()));
        r.setHwmE4(e4(o.hwm()));
        r.setStatus(o.status().wire());
        r.setExtendedHours(o.extendedHours() ? 1 : 0);
        r.setParentId(o.parentId());
        r.setLeg(o.leg().name());
        r.setExpiresAt(millis(o.expiresAt()));
        r.setTriggered(o.triggered() ? 1 : 0);
        r.setRejectReason(o.rejectReason());
        return r;
    }

    private static Order order(PaperOrderRecord r) {
        return Order.builder().seq(r.getSeq()).id(r.getId()).clientOrderId(r.getClientOrderId())
                .createdAt(instant(r.getCreatedAt())).updatedAt(instant(r.getUpdatedAt()))
                .submittedAt(instant(r.getSubmittedAt())).filledAt(instant(r.getFilledAt()))
                .expiredAt(instant(r.getExpiredAt())).canceledAt(instant(r.getCanceledAt()))
                .replacedAt(instant(r.getReplacedAt())).replacedBy(r.getReplacedBy()).replaces(r.getReplaces())
                .symbol(r.getSymbol()).notional(decimal(r.getNotionalE4())).qty(r.getQty())
                .filledQty(r.getFilledQty()).filledNotional(PriceUnits.fromE4(r.getFilledNotionalE4()))
                .orderClass(OrderClass.parse(r.getOrderClass())).type(OrderType.parse(r.getType()))
                .side(Side.parse(r.getSide())).timeInForce(TimeInForce.parse(r.getTimeInForce()))
                .limitPrice(decimal(r.getLimitPriceE4())).stopPrice(decimal(r.getStopPriceE4()))
                .trailPrice(decimal(r.getTrailPriceE4())).trailPercent(decimal(r.getTrailPercentE4()))
                .hwm(decimal(r.getHwmE4())).status(OrderStatus.parse(r.getStatus()))
                .extendedHours(r.getExtendedHours() == 1).parentId(r.getParentId())
                .leg(Order.Leg.valueOf(r.getLeg())).expiresAt(instant(r.getExpiresAt()))
                .triggered(r.getTriggered() == 1).rejectReason(r.getRejectReason()).build();
    }

    private static PaperLedgerRecord record(DSLContext ctx, LedgerEntry e) {
        PaperLedgerRecord r = ctx.newRecord(PAPER_LEDGER);
        r.setSeq((int) e.seq());
        r.setTime(e.time().toEpochMilli());
        r.setKind(e.kind().name());
        r.setOrderId(e.orderId());
        r.setSymbol(e.symbol());
        r.setSide(e.side() == null ? null : e.side().wire());
        r.setQty(e.qty());
        r.setPriceE4(e4(e.price()));
        r.setAmountE4(PriceUnits.toE4(e.amount()));
        r.setCumQty(e.cumQty());
        r.setLeavesQty(e.leavesQty());
        r.setOrderStatus(e.orderStatus() == null ? null : e.orderStatus().wire());
        r.setDescription(e.description());
        return r;
    }

    private static LedgerEntry entry(PaperLedgerRecord r) {
        return new LedgerEntry(r.getSeq(), Instant.ofEpochMilli(r.getTime()), LedgerEntry.Kind.valueOf(r.getKind()),
                r.getOrderId(), r.getSymbol(), r.getSide() == null ? null : Side.parse(r.getSide()), r.getQty(),
                decimal(r.getPriceE4()), PriceUnits.fromE4(r.getAmountE4()), r.getCumQty(), r.getLeavesQty(),
                r.getOrderStatus() == null ? null : OrderStatus.parse(r.getOrderStatus()), r.getDescription());
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static Instant instant(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    private static Long e4(BigDecimal v) {
        return v == null ? null : PriceUnits.toE4(v);
    }

    private static BigDecimal decimal(Long e4) {
        return e4 == null ? null : PriceUnits.fromE4(e4);
    }
}
