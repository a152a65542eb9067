package io.tradeloom.broker;

import java.math.BigDecimal;

/**
 * An order as submitted (Alpaca's {@code POST /v2/orders} body, already parsed): {@code qty} or {@code notional},
 * prices as exact decimals, a null where the field was absent. {@link OrderValidator} decides whether it is valid.
 */
public record OrderRequest(String symbol, Long qty, BigDecimal notional, Side side, OrderType type,
                           TimeInForce timeInForce, BigDecimal limitPrice, BigDecimal stopPrice,
                           BigDecimal trailPrice, BigDecimal trailPercent, boolean extendedHours,
                           String clientOrderId, OrderClass orderClass, BigDecimal takeProfitLimitPrice,
                           BigDecimal stopLossStopPrice, BigDecimal stopLossLimitPrice) {

    /** A simple order with nothing but the essentials, for tests and backtests. */
    public static OrderRequest simple(String symbol, long qty, Side side, OrderType type, TimeInForce tif,
                                      BigDecimal limitPrice, BigDecimal stopPrice, String clientOrderId) {
        return new OrderRequest(symbol, qty, null, side, type, tif, limitPrice, stopPrice, null, null, false,
                clientOrderId, OrderClass.SIMPLE, null, null, null);
    }

    public static OrderRequest market(String symbol, long qty, Side side, String clientOrderId) {
        return simple(symbol, qty, side, OrderType.MARKET, TimeInForce.DAY, null, null, clientOrderId);
    }

    public static OrderRequest limit(String symbol, long qty, Side side, BigDecimal limitPrice, TimeInForce tif,
                                     String clientOrderId) {
        return simple(symbol, qty, side, OrderType.LIMIT, tif, limitPrice, null, clientOrderId);
    }
}
