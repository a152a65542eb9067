package io.tradeloom.broker;

import java.math.BigDecimal;

/**
 * Alpaca's rules for a well-formed order, checked before anything is written. Each failure is a 422 naming the
 * field, as Alpaca's are.
 */
public final class OrderValidator {

    /** No listed stock trades above this; a larger price is a mistake (or 1e308). */
    public static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
    public static final long MAX_QTY = 10_000_000L;
    public static final BigDecimal MAX_NOTIONAL = new BigDecimal("1000000000");
    public static final int MAX_CLIENT_ORDER_ID = 128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OrderValidator() {
    }

    public static void validate(OrderRequest r) {
        if (r.symbol() == null || r.symbol().isBlank()) {
            throw BrokerException.invalid("symbol is required");
        }
        if (r.side() == null) {
            throw BrokerException.invalid("side is required");
        }
        if (r.type() == null) {
            throw BrokerException.invalid("type is required");
        }
        if (r.timeInForce() == null) {
            throw BrokerException.invalid("time_in_force is required");
        }
        if (r.clientOrderId() != null
                && (r.clientOrderId().isEmpty() || r.clientOrderId().length() > MAX_CLIENT_ORDER_ID)) {
            throw BrokerException.invalid("client_order_id must be 1 to 128 characters");
        }
        quantity(r);
        prices(r);
        orderClass(r);
        if (r.extendedHours() && (r.type() != OrderType.LIMIT || r.timeInForce() != TimeInForce.DAY)) {
            throw BrokerException.invalid("extended hours order must be DAY limit orders");
        }
    }

    private static void quantity(OrderRequest r) {
        if ((r.qty() == null) == (r.notional() == null)) {
            throw BrokerException.invalid("qty or notional is required, but not both");
        }
        if (r.qty() != null && (r.qty() <= 0 || r.qty() > MAX_QTY)) {
            throw BrokerException.invalid("qty must be a whole number from 1 to " + MAX_QTY);
        }
        if (r.notional() != null) {
            if (r.notional().signum() <= 0 || r.notional().compareTo(MAX_NOTIONAL) > 0
                    || r.notional().stripTrailingZeros().scale() > 2) {
                throw BrokerException.invalid("notional must be a positive amount in cents up to " + MAX_NOTIONAL);
            }
            if (r.type() != OrderType.MARKET || r.timeInForce() != TimeInForce.DAY
                    || r.orderClass() != OrderClass.SIMPLE) {
                throw BrokerException.invalid("notional orders must be simple DAY market orders");
            }
        }
    }

    private static void prices(OrderRequest r) {
        OrderType t = r.type();
        boolean needsLimit = t == OrderType.LIMIT || t == OrderType.STOP_LIMIT;
        boolean needsStop = t == OrderType.STOP || t == OrderType.STOP_LIMIT;
        presence("limit_price", r.limitPrice(), needsLimit);
        presence("stop_price", r.stopPrice(), needsStop);
        price("limit_price", r.limitPrice());
        price("stop_price", r.stopPrice());
        if (t == OrderType.TRAILING_STOP) {
            if ((r.trailPrice() == null) == (r.trailPercent() == null)) {
                throw BrokerException.invalid("trailing_stop needs exactly one of trail_price or trail_percent");
            }
            price("trail_price", r.trailPrice());
            if (r.trailPercent() != null && (r.trailPercent().signum() <= 0
                    || r.trailPercent().compareTo(HUNDRED) >= 0 || r.trailPercent().scale() > 4)) {
                throw BrokerException.invalid("trail_percent must be above 0 and below 100");
            }
            if (r.timeInForce() != TimeInForce.DAY && r.timeInForce() != TimeInForce.GTC) {
                throw BrokerException.invalid("trailing_stop orders must be day or gtc");
            }
        } else if (r.trailPrice() != null || r.trailPercent() != null) {
            throw BrokerException.invalid("trail_price and trail_percent are only for trailing_stop orders");
        }
        if (t == OrderType.STOP_LIMIT) {
            // A stop-limit whose limit is on the wrong side of its stop could never fill once triggered.
            int cmp = r.limitPrice().compareTo(r.stopPrice());
            if (r.side() == Side.BUY ? cmp < 0 : cmp > 0) {
                throw BrokerException.invalid("limit_price must be " + (r.side() == Side.BUY ? "at or above" : "at or below")
                        + " stop_price for a " + r.side().wire() + " stop_limit order");
            }
        }
        if ((r.timeInForce() == TimeInForce.OPG || r.timeInForce() == TimeInForce.CLS)
                && t != OrderType.MARKET && t != OrderType.LIMIT) {
            throw BrokerException.invalid(r.timeInForce().wire() + " orders must be market or limit orders");
        }
    }

    private static void orderClass(OrderRequest r) {
        OrderClass c = r.orderClass() == null ? OrderClass.SIMPLE : r.orderClass();
        boolean tp = r.takeProfitLimitPrice() != null;
        boolean sl = r.stopLossStopPrice() != null;
        if (r.stopLossLimitPrice() != null && !sl) {
            throw BrokerException.invalid("stop_loss.stop_price is required with stop_loss.limit_price");
        }
        price("take_profit.limit_price", r.takeProfitLimitPrice());
        price("stop_loss.stop_price", r.stopLossStopPrice());
        price("stop_loss.limit_price", r.stopLossLimitPrice());
        switch (c) {
            case SIMPLE -> {
                if (tp || sl) {
                    throw BrokerException.invalid("take_profit and stop_loss need order_class bracket, oco or oto");
                }
            }
            case BRACKET, OCO -> {
                if (!tp || !sl) {
                    throw BrokerException.invalid(c.wire() + " orders need take_profit.limit_price and stop_loss.stop_price");
                }
                // The exit side is the entry's opposite for a bracket, the order's own side for an oco.
                Side exit = c == OrderClass.BRACKET ? opposite(r.side()) : r.side();
                int cmp = r.takeProfitLimitPrice().compareTo(r.stopLossStopPrice());
                if (exit == Side.SELL ? cmp <= 0 : cmp >= 0) {
                    throw BrokerException.invalid("take_profit.limit_price must be "
                            + (exit == Side.SELL ? "above" : "below") + " stop_loss.stop_price");
                }
                if (r.stopLossLimitPrice() != null) {
                    int lc = r.stopLossLimitPrice().compareTo(r.stopLossStopPrice());
                    if (exit == Side.SELL ? lc > 0 : lc < 0) {
                        throw BrokerException.invalid("stop_loss.limit_price must not be better than its stop_price");
                    }
                }
                if (c == OrderClass.OCO && r.type() != OrderType.LIMIT) {
                    throw BrokerException.invalid("oco orders must be limit orders");
                }
                classCommon(r, c);
            }
            case OTO -> {
                if (tp == sl) {
                    throw BrokerException.invalid("oto orders need exactly one of take_profit or stop_loss");
                }
                classCommon(r, c);
            }
        }
    }

    private static void classCommon(OrderRequest r, OrderClass c) {
        if (r.timeInForce() != TimeInForce.DAY && r.timeInForce() != TimeInForce.GTC) {
            throw BrokerException.invalid(c.wire() + " orders must be day or gtc");
        }
        if (c != OrderClass.OCO && r.type() != OrderType.MARKET && r.type() != OrderType.LIMIT) {
            throw BrokerException.invalid(c.wire() + " entries must be market or limit orders");
        }
    }

    static Side opposite(Side s) {
        return s == Side.BUY ? Side.SELL : Side.BUY;
    }

    private static void presence(String field, BigDecimal value, boolean required) {
        if (required && value == null) {
            throw BrokerException.invalid(field + " is required for this order type");
        }
        if (!required && value != null) {
            throw BrokerException.invalid(field + " is not allowed for this order type");
        }
    }

    /** Positive, sane and on Alpaca's tick: cents at $1 and above, 1/10,000 below. */
    private static void price(String field, BigDecimal p) {
        if (p == null) {
            return;
        }
        if (p.signum() <= 0 || p.compareTo(MAX_PRICE) > 0) {
            throw BrokerException.invalid(field + " must be positive and at most " + MAX_PRICE.toPlainString());
        }
        int scale = p.stripTrailingZeros().scale();
        if (scale > 4 || (scale > 2 && p.compareTo(BigDecimal.ONE) >= 0)) {
            throw BrokerException.invalid("invalid " + field + " " + p.toPlainString()
                    + ". sub-penny increment does not fulfill minimum pricing criteria");
        }
    }
}
