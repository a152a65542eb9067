package io.tradeloom.broker;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One immutable line of the ledger. Cash and positions are nothing but these lines replayed
 * ({@link Portfolio#replay}): a DEPOSIT opens the account, a FILL moves shares and cash, a FEE is a commission.
 *
 * @param seq      1, 2, 3, ... in the order the engine wrote them
 * @param amount   the signed change of cash: negative for a buy and for a fee
 * @param qty      shares filled (FILL only; 0 otherwise)
 * @param price    the fill price (FILL only)
 * @param cumQty   the order's filled quantity after this fill (FILL only)
 * @param leavesQty what the order still had open after this fill (FILL only)
 * @param orderStatus the order's status after this fill (FILL only)
 */
public record LedgerEntry(long seq, Instant time, Kind kind, String orderId, String symbol, Side side, long qty,
                          BigDecimal price, BigDecimal amount, long cumQty, long leavesQty,
                          OrderStatus orderStatus, String description) {

    public enum Kind { DEPOSIT, FILL, FEE }

    public LedgerEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        if (kind == Kind.FILL) {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(price, "price");
            if (qty <= 0) {
                throw new IllegalArgumentException("a fill's qty must be positive: " + qty);
            }
        }
    }

    /** A fill's signed share change: + for a buy, - for a sell. */
    public long signedQty() {
        return kind != Kind.FILL ? 0 : side == Side.BUY ? qty : -qty;
    }
}
