package io.tradeloom.broker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cash and positions as the ledger makes them. The engine applies each entry as it writes it; {@link #replay}
 * rebuilds the same state from the ledger alone (recovery does exactly that, and the property test checks that the
 * two never differ).
 */
public final class Portfolio {

    /** Cost removed on a partial close is rounded to this scale (a 1/10,000 of a dollar), half-even. */
    public static final int COST_SCALE = 4;

    private BigDecimal cash = BigDecimal.ZERO;
    private BigDecimal realizedPl = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private long lastSeq;
    private final Map<String, Position> positions = new TreeMap<>();

    public static Portfolio replay(Iterable<LedgerEntry> ledger) {
        Portfolio p = new Portfolio();
        for (LedgerEntry e : ledger) {
            p.apply(e);
        }
        return p;
    }

    public void apply(LedgerEntry e) {
        if (e.seq() != lastSeq + 1) {
            throw new IllegalStateException("ledger entry " + e.seq() + " after " + lastSeq);
        }
        lastSeq = e.seq();
        cash = cash.add(e.amount());
        switch (e.kind()) {
            case DEPOSIT -> { }
            case FEE -> {
                fees = fees.subtract(e.amount());
                if (e.symbol() != null) {
                    Position p = position(e.symbol());
                    positions.put(e.symbol(), new Position(p.symbol(), p.qty(), p.costBasis(), p.realizedPl(),
                            p.fees().subtract(e.amount())));
                }
            }
            case FILL -> fill(e);
        }
    }

    private void fill(LedgerEntry e) {
        Position p = position(e.symbol());
        long q = e.signedQty();
        BigDecimal price = e.price();
        long qty = p.qty();
        BigDecimal cost = p.costBasis();
        BigDecimal realized = p.realizedPl();
        if (qty == 0 || Long.signum(qty) == Long.signum(q)) {
            qty += q;
            cost = cost.add(price.multiply(BigDecimal.valueOf(q)));
        } else {
            long closing = Math.min(Math.abs(q), Math.abs(qty));
            // The closed shares take their share of the cost basis with them; the rest keeps its average.
            BigDecimal removed = closing == Math.abs(qty) ? cost
                    : cost.multiply(BigDecimal.valueOf(closing))
                    .divide(BigDecimal.valueOf(Math.abs(qty)), COST_SCALE, RoundingMode.HALF_EVEN);
            // Long: proceeds minus cost; short (cost negative): what was received minus what the cover costs.
            BigDecimal closeValue = price.multiply(BigDecimal.valueOf(closing));
            BigDecimal pnl = qty > 0 ? closeValue.subtract(removed) : removed.negate().subtract(closeValue);
            realized = realized.add(pnl);
            realizedPl = realizedPl.add(pnl);
            cost = cost.subtract(removed);
            qty += Long.signum(q) * closing;
            long opening = Math.abs(q) - closing;
            if (opening > 0) {
                qty += Long.signum(q) * opening;
                cost = cost.add(price.multiply(BigDecimal.valueOf(Long.signum(q) * opening)));
            }
        }
        positions.put(e.symbol(), new Position(e.symbol(), qty, cost, realized, p.fees()));
    }

    private Position position(String symbol) {
        Position p = positions.get(symbol);
        return p != null ? p : new Position(symbol, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public BigDecimal cash() {
        return cash;
    }

    /** Closed trading profit of every symbol, before fees. */
    public BigDecimal realizedPl() {
        return realizedPl;
    }

    public BigDecimal fees() {
        return fees;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public long qty(String symbol) {
        Position p = positions.get(symbol);
        return p == null ? 0 : p.qty();
    }

    /** Every symbol ever traded, flat ones included (they carry realised P&L), by symbol. */
    public Map<String, Position> allPositions() {
        return Collections.unmodifiableMap(positions);
    }

    public Position get(String symbol) {
        return position(symbol);
    }
}
