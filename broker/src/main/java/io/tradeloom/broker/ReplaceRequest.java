package io.tradeloom.broker;

import java.math.BigDecimal;

/**
 * Alpaca's {@code PATCH /v2/orders/{id}}: each null field keeps the order's value. {@code qty} is the order's new
 * total; the replacement works what is left of it after the original's fills.
 */
public record ReplaceRequest(Long qty, TimeInForce timeInForce, BigDecimal limitPrice, BigDecimal stopPrice,
                             BigDecimal trail, String clientOrderId) {
}
