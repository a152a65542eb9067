package io.tradeloom.reporting.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs fills into round trips, per symbol, first in first out. A fill on the side of the open position (or on
 * a flat one) opens a lot; a fill against it closes the oldest lots first, and what it has left over opens a
 * position the other way (a reversal). Matched pieces sharing an entry order and an exit order become one round
 * trip, so an order filled in parts counts once.
 *
 * <p>Commissions follow quantity: a piece of {@code q} shares out of a fill's {@code R} still unmatched takes
 * {@code C q / R} of its {@code C} still unallocated, rounded half up to 1/10,000 dollar, and the last piece takes
 * what is left, so round trips (and open lots) add up to the fills' commissions exactly.
 */
public final class RoundTrips {

    private RoundTrips() {
    }

    /** A position still open after the last fill: what it cost and the commission not yet allocated. */
    public record OpenLot(String symbol, String strategy, Direction direction, BigDecimal qty, BigDecimal price,
                          Instant time, BigDecimal commission, String clientOrderId) {
    }

    /** Round trips ordered by exit time (then entry time, symbol), and the lots still open. */
    public record Result(List<RoundTrip> closed, List<OpenLot> open) {
    }

    private static final class Lot {
        final Fill fill;
        BigDecimal qty;
        BigDecimal commission;

        Lot(Fill fill, BigDecimal qty, BigDecimal commission) {
            this.fill = fill;
            this.qty = qty;
            this.commission = commission;
        }
    }

    private static final class Piece {
        final Lot entryLot;
        final Fill exit;
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal entryValue = BigDecimal.ZERO;
        BigDecimal exitValue = BigDecimal.ZERO;
        BigDecimal commission = BigDecimal.ZERO;
        Instant entryTime;
        Instant exitTime;

        Piece(Lot entryLot, Fill exit) {
            this.entryLot = entryLot;
            this.exit = exit;
        }
    }

    /** Matches {@code fills}, taken in time order (fills at one instant keep their given order). */
    public static Result match(List<Fill> fills) {
        List<Fill> ordered = new ArrayList<>(fills);
        ordered.sort(Comparator.comparing(Fill::time)); // stable
        Map<String, Deque<Lot>> books = new HashMap<>();
        Map<String, Piece> pieces = new LinkedHashMap<>();
        for (Fill fill : ordered) {
            Deque<Lot> book = books.computeIfAbsent(fill.symbol(), s -> new ArrayDeque<>());
            BigDecimal left = fill.qty();
            BigDecimal commissionLeft = fill.commission();
            while (left.signum() > 0 && !book.isEmpty() && book.peekFirst().fill.side() != fill.side()) {
                Lot lot = book.peekFirst();
                BigDecimal q = left.min(lot.qty);
                BigDecimal entryCommission = share(lot.commission, q, lot.qty);
                BigDecimal exitCommission = share(commissionLeft, q, left);
                lot.qty = lot.qty.subtract(q);
                lot.commission = lot.commission.subtract(entryCommission);
                left = left.subtract(q);
                commissionLeft = commissionLeft.subtract(exitCommission);
                if (lot.qty.signum() == 0) {
                    book.removeFirst();
                }
                String key = fill.symbol() + '\u0000' + lot.fill.orderKey() + '\u0000' + fill.orderKey();
                Piece p = pieces.computeIfAbsent(key, k -> new Piece(lot, fill));
                p.qty = p.qty.add(q);
                p.entryValue = p.entryValue.add(q.multiply(lot.fill.price()));
                p.exitValue = p.exitValue.add(q.multiply(fill.price()));
                p.commission = p.commission.add(entryCommission).add(exitCommission);
                p.entryTime = min(p.entryTime, lot.fill.time());
                p.exitTime = max(p.exitTime, fill.time());
            }
            if (left.signum() > 0) {
                book.addLast(new Lot(fill, left, commissionLeft));
            }
        }
        List<RoundTrip> closed = new ArrayList<>(pieces.size());
        for (Piece p : pieces.values()) {
            Fill entry = p.entryLot.fill;
            closed.add(new RoundTrip(entry.symbol(), Fill.strategyOf(entry.clientOrderId()), Direction.of(entry.side()),
                    p.qty, p.entryTime, p.exitTime, p.entryValue, p.exitValue, p.commission,
                    entry.clientOrderId(), p.exit.clientOrderId()));
        }
        closed.sort(Comparator.comparing(RoundTrip::exitTime).thenComparing(RoundTrip::entryTime)
                .thenComparing(RoundTrip::symbol));
        List<OpenLot> open = new ArrayList<>();
        books.values().forEach(book -> book.forEach(lot -> open.add(new OpenLot(lot.fill.symbol(),
                Fill.strategyOf(lot.fill.clientOrderId()), Direction.of(lot.fill.side()), lot.qty, lot.fill.price(),
                lot.fill.time(), lot.commission, lot.fill.clientOrderId()))));
        open.sort(Comparator.comparing(OpenLot::time).thenComparing(OpenLot::symbol));
        return new Result(List.copyOf(closed), List.copyOf(open));
    }

    /** {@code total q / of}, to 1/10,000; all of what is left when {@code q} is all that is left. */
    public static BigDecimal share(BigDecimal total, BigDecimal q, BigDecimal of) {
        if (q.compareTo(of) == 0) {
            return total;
        }
        return total.multiply(q).divide(of, 4, RoundingMode.HALF_UP);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
