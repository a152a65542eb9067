package io.tradeloom.trading.http;

import io.tradeloom.broker.Account;
import io.tradeloom.broker.Broker;
import io.tradeloom.broker.LedgerEntry;
import io.tradeloom.broker.Order;
import io.tradeloom.broker.OrderClass;
import io.tradeloom.broker.Position;
import io.tradeloom.market.clock.NyseCalendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alpaca's JSON shapes, field for field: decimals as strings, times in RFC 3339, enums in lower case. Built as
 * ordered maps so the field order matches Alpaca's documentation.
 */
public final class AlpacaJson {

    /** Alpaca's account and asset ids are UUIDs; ours are fixed ones derived from a name. */
    public static final String ACCOUNT_ID = uuid("tradeloom-paper-account");
    private static final DateTimeFormatter ACTIVITY_ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private AlpacaJson() {
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String money(BigDecimal v) {
        return v == null ? null : v.setScale(Math.max(2, v.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    static String decimal(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().scale() < 0 ? v.setScale(0).toPlainString()
                : v.stripTrailingZeros().toPlainString();
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    public static Map<String, Object> order(Order o, Broker broker, boolean nested) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("client_order_id", o.clientOrderId());
        m.put("created_at", time(o.createdAt()));
        m.put("updated_at", time(o.updatedAt()));
        m.put("submitted_at", time(o.submittedAt()));
        m.put("filled_at", time(o.filledAt()));
        m.put("expired_at", time(o.expiredAt()));
        m.put("canceled_at", time(o.canceledAt()));
        m.put("failed_at", null);
        m.put("replaced_at", time(o.replacedAt()));
        m.put("replaced_by", o.replacedBy());
        m.put("replaces", o.replaces());
        m.put("asset_id", uuid("asset:" + o.symbol()));
        m.put("symbol", o.symbol());
        m.put("asset_class", "us_equity");
        m.put("notional", o.notional() == null ? null : money(o.notional()));
        m.put("qty", Long.toString(o.qty()));
        m.put("filled_qty", Long.toString(o.filledQty()));
        m.put("filled_avg_price", o.filledAvgPrice() == null ? null : decimal(o.filledAvgPrice()));
        m.put("order_class", o.orderClass() == OrderClass.SIMPLE ? "" : o.orderClass().wire());
        m.put("order_type", o.type().wire());
        m.put("type", o.type().wire());
        m.put("side", o.side().wire());
        m.put("position_intent", null);
        m.put("time_in_force", o.timeInForce().wire());
        m.put("limit_price", decimal(o.limitPrice()));
        m.put("stop_price", decimal(o.stopPrice()));
        m.put("status", o.status().wire());
        m.put("extended_hours", o.extendedHours());
        List<Order> legs = o.orderClass() == OrderClass.SIMPLE ? List.of() : broker.legsOf(o.id());
        if (legs.isEmpty() || !nested) {
            m.put("legs", null);
        } else {
            List<Object> rendered = new ArrayList<>();
            for (Order leg : legs) {
                rendered.add(order(leg, broker, true));
            }
            m.put("legs", rendered);
        }
        m.put("trail_percent", decimal(o.trailPercent()));
        m.put("trail_price", decimal(o.trailPrice()));
        m.put("hwm", decimal(o.hwm()));
        m.put("subtag", null);
        m.put("source", null);
        m.put("expires_at", time(o.expiresAt()));
        return m;
    }

    public static Map<String, Object> position(Position p, BigDecimal mark) {
        BigDecimal qty = BigDecimal.valueOf(p.qty());
        BigDecimal marketValue = mark.multiply(qty);
        BigDecimal unrealized = p.unrealizedPl(mark);
        BigDecimal costAbs = p.costBasis().abs();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asset_id", uuid("asset:" + p.symbol()));
        m.put("symbol", p.symbol());
        m.put("exchange", "");
        m.put("asset_class", "us_equity");
        m.put("asset_marginable", true);
        m.put("qty", Long.toString(p.qty()));
        m.put("qty_available", Long.toString(p.qty()));
        m.put("avg_entry_price", decimal(p.avgEntryPrice()));
        m.put("side", p.qty() > 0 ? "long" : "short");
        m.put("market_value", money(marketValue));
        m.put("cost_basis", money(p.costBasis()));
        m.put("unrealized_pl", money(unrealized));
        m.put("unrealized_plpc", costAbs.signum() == 0 ? "0"
                : decimal(unrealized.divide(costAbs, 6, RoundingMode.HALF_EVEN)));
        m.put("current_price", decimal(mark));
        // Not Alpaca's: this symbol's closed profit and commissions, for reporting.
        m.put("realized_pl", money(p.realizedPl()));
        m.put("fees", money(p.fees()));
        return m;
    }

    public static Map<String, Object> account(Account a, Instant createdAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ACCOUNT_ID);
        m.put("account_number", "PA-TRADELOOM");
        m.put("status", "ACTIVE");
        m.put("crypto_status", "INACTIVE");
        m.put("currency", "USD");
        m.put("buying_power", money(a.buyingPower()));
        m.put("regt_buying_power", money(a.buyingPower()));
        m.put("daytrading_buying_power", money(a.buyingPower()));
        m.put("non_marginable_buying_power", money(a.buyingPower()));
        m.put("cash", money(a.cash()));
        m.put("accrued_fees", "0");
        m.put("portfolio_value", money(a.equity()));
        m.put("pattern_day_trader", a.patternDayTrader());
        m.put("trading_blocked", a.risk().state() == io.tradeloom.broker.RiskState.HALTED);
        m.put("transfers_blocked", false);
        m.put("account_blocked", false);
        m.put("created_at", time(createdAt));
        m.put("trade_suspended_by_user", false);
        m.put("multiplier", decimal(a.multiplier()));
        m.put("shorting_enabled", true);
        m.put("equity", money(a.equity()));
        m.put("last_equity", money(a.lastEquity()));
        m.put("long_market_value", money(a.longMarketValue()));
        m.put("short_market_value", money(a.shortMarketValue()));
        m.put("position_market_value", money(a.longMarketValue().subtract(a.shortMarketValue())));
        m.put("initial_margin", money(a.longMarketValue().subtract(a.shortMarketValue())));
        m.put("maintenance_margin", "0");
        m.put("sma", "0");
        m.put("daytrade_count", a.daytradeCount());
        // Not Alpaca's: the risk manager's state, and P&L totals.
        m.put("trading_state", a.risk().state().name());
        m.put("trading_state_reason", a.risk().reason());
        m.put("realized_pl", money(a.realizedPl()));
        m.put("unrealized_pl", money(a.unrealizedPl()));
        m.put("fees", money(a.fees()));
        return m;
    }

    /** An activity id: the time (to the millisecond) and the ledger sequence, so ids sort as the ledger does. */
    public static String activityId(LedgerEntry e) {
        return LocalDateTime.ofInstant(e.time(), ZoneOffset.UTC).format(ACTIVITY_ID) + "::" + String.format("%012d", e.seq());
    }

    public static Map<String, Object> activity(LedgerEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", activityId(e));
        switch (e.kind()) {
            case FILL -> {
                m.put("activity_type", "FILL");
                m.put("transaction_time", time(e.time()));
                m.put("type", e.leavesQty() == 0 ? "fill" : "partial_fill");
                m.put("price", decimal(e.price()));
                m.put("qty", Long.toString(e.qty()));
                m.put("side", e.side().wire());
                m.put("symbol", e.symbol());
                m.put("leaves_qty", Long.toString(e.leavesQty()));
                m.put("order_id", e.orderId());
                m.put("cum_qty", Long.toString(e.cumQty()));
                m.put("order_status", e.orderStatus().wire());
            }
            case FEE -> {
                m.put("activity_type", "FEE");
                m.put("date", NyseCalendar.dateOf(e.time()).toString());
                m.put("net_amount", money(e.amount()));
                m.put("symbol", e.symbol());
                m.put("description", e.description());
                m.put("status", "executed");
                m.put("order_id", e.orderId());
                m.put("transaction_time", time(e.time()));
            }
            case DEPOSIT -> {
                m.put("activity_type", "CSD");
                m.put("date", NyseCalendar.dateOf(e.time()).toString());
                m.put("net_amount", money(e.amount()));
                m.put("description", e.description());
                m.put("status", "executed");
                m.put("transaction_time", time(e.time()));
            }
        }
        return m;
    }

    /** Alpaca's activity type for a ledger line. */
    public static String activityType(LedgerEntry e) {
        return switch (e.kind()) {
            case FILL -> "FILL";
            case FEE -> "FEE";
            case DEPOSIT -> "CSD";
        };
    }
}
