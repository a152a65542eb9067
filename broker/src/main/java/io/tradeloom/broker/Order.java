package io.tradeloom.broker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * One order as the broker keeps it: an immutable snapshot, changed only by the engine through {@link #toBuilder()}.
 * Quantities are whole shares; prices exact decimals.
 *
 * @param seq the engine's sequence number: creation order, the tiebreak for sorting
 * @param filledAt nullable
 * @param expiredAt nullable
 * @param canceledAt nullable
 * @param replacedAt nullable
 * @param replacedBy nullable
 * @param replaces nullable
 * @param notional nullable: set when the order was placed by notional (qty is then derived at acceptance)
 * @param filledNotional sum of fill qty x price, so the average is exact
 * @param limitPrice nullable
 * @param stopPrice nullable; for a trailing stop the current trigger price
 * @param trailPrice nullable
 * @param trailPercent nullable
 * @param hwm nullable: the trailing stop's high (sell) or low (buy) water mark
 * @param parentId nullable: the entry (or the oco's first leg) this leg belongs to
 * @param leg the order's role: ENTRY, TAKE_PROFIT or STOP_LOSS
 * @param expiresAt nullable: when a day, opg or cls order expires
 * @param triggered whether a stop or stop_limit has triggered (a triggered stop_limit works as a limit)
 * @param rejectReason nullable
 */
public record Order(long seq,
                    String id,
                    String clientOrderId,
                    Instant createdAt,
                    Instant updatedAt,
                    Instant submittedAt,
                    Instant filledAt,
                    Instant expiredAt,
                    Instant canceledAt,
                    Instant replacedAt,
                    String replacedBy,
                    String replaces,
                    String symbol,
                    BigDecimal notional,
                    long qty,
                    long filledQty,
                    BigDecimal filledNotional,
                    OrderClass orderClass,
                    OrderType type,
                    Side side,
                    TimeInForce timeInForce,
                    BigDecimal limitPrice,
                    BigDecimal stopPrice,
                    BigDecimal trailPrice,
                    BigDecimal trailPercent,
                    BigDecimal hwm,
                    OrderStatus status,
                    boolean extendedHours,
                    String parentId,
                    Leg leg,
                    Instant expiresAt,
                    boolean triggered,
                    String rejectReason) {

    /** The roles an order plays in its class. */
    public enum Leg { ENTRY, TAKE_PROFIT, STOP_LOSS }

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledNotional, "filledNotional");
    }

    public long leavesQty() {
        return status.isTerminal() ? 0 : qty - filledQty;
    }

    /** The average fill price, to the 1/10,000; null before the first fill. */
    public BigDecimal filledAvgPrice() {
        return filledQty == 0 ? null
                : filledNotional.divide(BigDecimal.valueOf(filledQty), 4, RoundingMode.HALF_EVEN);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A mutable copy of every field, for the engine's state changes and the stores' reads. */
    public static final class Builder {
        private long seq;
        private String id;
        private String clientOrderId;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant submittedAt;
        private Instant filledAt;
        private Instant expiredAt;
        private Instant canceledAt;
        private Instant replacedAt;
        private String replacedBy;
        private String replaces;
        private String symbol;
        private BigDecimal notional;
        private long qty;
        private long filledQty;
        private BigDecimal filledNotional;
        private OrderClass orderClass;
        private OrderType type;
        private Side side;
        private TimeInForce timeInForce;
        private BigDecimal limitPrice;
        private BigDecimal stopPrice;
        private BigDecimal trailPrice;
        private BigDecimal trailPercent;
        private BigDecimal hwm;
        private OrderStatus status;
        private boolean extendedHours;
        private String parentId;
        private Leg leg;
        private Instant expiresAt;
        private boolean triggered;
        private String rejectReason;

        private Builder() {
            this.filledNotional = BigDecimal.ZERO;
            this.orderClass = OrderClass.SIMPLE;
            this.leg = Leg.ENTRY;
        }

        private Builder(Order o) {
            this.seq = o.seq;
            this.id = o.id;
            this.clientOrderId = o.clientOrderId;
            this.createdAt = o.createdAt;
            this.updatedAt = o.updatedAt;
            this.submittedAt = o.submittedAt;
            this.filledAt = o.filledAt;
            this.expiredAt = o.expiredAt;
            this.canceledAt = o.canceledAt;
            this.replacedAt = o.replacedAt;
            this.replacedBy = o.replacedBy;
            this.replaces = o.replaces;
            this.symbol = o.symbol;
            this.notional = o.notional;
            this.qty = o.qty;
            this.filledQty = o.filledQty;
            this.filledNotional = o.filledNotional;
            this.orderClass = o.orderClass;
            this.type = o.type;
            this.side = o.side;
            this.timeInForce = o.timeInForce;
            this.limitPrice = o.limitPrice;
            this.stopPrice = o.stopPrice;
            this.trailPrice = o.trailPrice;
            this.trailPercent = o.trailPercent;
            this.hwm = o.hwm;
            this.status = o.status;
            this.extendedHours = o.extendedHours;
            this.parentId = o.parentId;
            this.leg = o.leg;
            this.expiresAt = o.expiresAt;
            this.triggered = o.triggered;
            this.rejectReason = o.rejectReason;
        }

        public Builder seq(long v) {
            this.seq = v;
            return this;
        }

        public Builder id(String v) {
            this.id = v;
            return this;
        }

        public Builder clientOrderId(String v) {
            this.clientOrderId = v;
            return this;
        }

        public Builder createdAt(Instant v) {
            this.createdAt = v;
            return this;
        }

        public Builder updatedAt(Instant v) {
            this.updatedAt = v;
            return this;
        }

        public Builder submittedAt(Instant v) {
            this.submittedAt = v;
            return this;
        }

        public Builder filledAt(Instant v) {
            this.filledAt = v;
            return this;
        }

        public Builder expiredAt(Instant v) {
            this.expiredAt = v;
            return this;
        }

        public Builder canceledAt(Instant v) {
            this.canceledAt = v;
            return this;
        }

        public Builder replacedAt(Instant v) {
            this.replacedAt = v;
            return this;
        }

        public Builder replacedBy(String v) {
            this.replacedBy = v;
            return this;
        }

        public Builder replaces(String v) {
            this.replaces = v;
            return this;
        }

        public Builder symbol(String v) {
            this.symbol = v;
            return this;
        }

        public Builder notional(BigDecimal v) {
            this.notional = v;
            return this;
        }

        public Builder qty(long v) {
            this.qty = v;
            return this;
        }

        public Builder filledQty(long v) {
            this.filledQty = v;
            return this;
        }

        public Builder filledNotional(BigDecimal v) {
            this.filledNotional = v;
            return this;
        }

        public Builder orderClass(OrderClass v) {
            this.orderClass = v;
            return this;
        }

        public Builder type(OrderType v) {
            this.type = v;
            return this;
        }

        public Builder side(Side v) {
            this.side = v;
            return this;
        }

        public Builder timeInForce(TimeInForce v) {
            this.timeInForce = v;
            return this;
        }

        public Builder limitPrice(BigDecimal v) {
            this.limitPrice = v;
            return this;
        }

        public Builder stopPrice(BigDecimal v) {
            this.stopPrice = v;
            return this;
        }

        public Builder trailPrice(BigDecimal v) {
            this.trailPrice = v;
            return this;
        }

        public Builder trailPercent(BigDecimal v) {
            this.trailPercent = v;
            return this;
        }

        public Builder hwm(BigDecimal v) {
            this.hwm = v;
            return this;
        }

        public Builder status(OrderStatus v) {
            this.status = v;
            return this;
        }

        public Builder extendedHours(boolean v) {
            this.extendedHours = v;
            return this;
        }

        public Builder parentId(String v) {
            this.parentId = v;
            return this;
        }

        public Builder leg(Leg v) {
            this.leg = v;
            return this;
        }

        public Builder expiresAt(Instant v) {
            this.expiresAt = v;
            return this;
        }

        public Builder triggered(boolean v) {
            this.triggered = v;
            return this;
        }

        public Builder rejectReason(String v) {
            this.rejectReason = v;
            return this;
        }

        public Order build() {
            return new Order(seq, id, clientOrderId, createdAt, updatedAt, submittedAt, filledAt, expiredAt, canceledAt, replacedAt, replacedBy, replaces, symbol, notional, qty, filledQty, filledNotional, orderClass, type, side, timeInForce, limitPrice, stopPrice, trailPrice, trailPercent, hwm, status, extendedHours, parentId, leg, expiresAt, triggered, rejectReason);
        }
    }
}
