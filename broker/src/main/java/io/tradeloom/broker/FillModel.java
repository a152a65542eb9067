package io.tradeloom.broker;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.clock.Session;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decides whether and at what price one working order executes against one market event. Pure: the engine owns
 * the order's lifecycle (eligibility, time in force, partial fills across events).
 *
 * <p>Against a quote a buy takes the ask and a sell the bid. Against a bar: market orders take the open; limits fill
 * when the price trades through them (at the open if it gapped through, else at the limit); stops trigger when the
 * price trades at or through them and fill at the worse of the stop and the open (a gap fills at the open).
 * Market and triggered stop fills carry the configured slippage. Opening (opg) and closing (cls) orders fill only
 * in their auction: the session's first bar at its open, the last bar at its close.
 */
public final class FillModel {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BrokerConfig config;

    public FillModel(BrokerConfig config) {
        this.config = config;
    }

    /**
     * The outcome of one evaluation: {@code order} carries any state the event changed (a trailing stop's water
     * mark, a stop_limit's trigger); {@code qty} is 0 when nothing executes.
     */
    public record Match(Order order, long qty, BigDecimal price) {
        static Match none(Order o) {
            return new Match(o, 0, null);
        }
    }

    /**
     * @param available shares the event offers this order (the engine's liquidity cap)
     * @param session   the session the event belongs to, or null outside one (for opg and cls)
     */
    public Match evaluate(Order o, MarketEvent event, long available, Session session) {
        long leaves = o.qty() - o.filledQty();
        long qty = Math.min(leaves, available);
        if (qty <= 0 && o.type() != OrderType.TRAILING_STOP) {
            return Match.none(o);
        }
        TimeInForce tif = o.timeInForce();
        if (tif == TimeInForce.OPG || tif == TimeInForce.CLS) {
            return auction(o, event, qty, session);
        }
        return switch (event) {
            case MarketEvent.QuoteEvent q -> onQuote(o, q.quote(), qty);
            case MarketEvent.BarEvent b -> onBar(o, b.bar(), qty);
        };
    }

    private Match auction(Order o, MarketEvent event, long qty, Session session) {
        if (!(event instanceof MarketEvent.BarEvent b) || session == null) {
            return Match.none(o);
        }
        BigDecimal price;
        if (o.timeInForce() == TimeInForce.OPG && b.time().equals(session.open())) {
            price = b.bar().open();
        } else if (o.timeInForce() == TimeInForce.CLS && b.end().equals(session.close())) {
            price = b.bar().close();
        } else {
            return Match.none(o);
        }
        if (o.type() == OrderType.LIMIT && !marketable(o.side(), price, o.limitPrice())) {
            return Match.none(o);
        }
        return new Match(o, qty, price);
    }

    private Match onQuote(Order o, Quote q, long qty) {
        Side side = o.side();
        BigDecimal px = side == Side.BUY ? q.ask() : q.bid();
        return switch (o.type()) {
            case MARKET -> new Match(o, qty, config.slip(px, side));
            case LIMIT -> marketable(side, px, o.limitPrice()) ? new Match(o, qty, px) : Match.none(o);
            case STOP -> stopHit(side, px, o.stopPrice()) ? new Match(o, qty, config.slip(px, side)) : Match.none(o);
            case STOP_LIMIT -> {
                Order t = o.triggered() || stopHit(side, px, o.stopPrice()) ? triggered(o) : o;
                yield t.triggered() && marketable(side, px, o.limitPrice()) ? new Match(t, qty, px) : Match.none(t);
            }
            case TRAILING_STOP -> {
                Order t = o.hwm() == null ? trail(o, px) : o;
                if (qty > 0 && stopHit(side, px, t.stopPrice())) {
                    yield new Match(t, qty, config.slip(px, side));
                }
                yield Match.none(trail(t, px));
            }
        };
    }

    private Match onBar(Order o, Bar bar, long qty) {
        Side side = o.side();
        boolean buy = side == Side.BUY;
        BigDecimal open = bar.open();
        // The worst price the bar traded at for this side's stop, the best for its limit.
        BigDecimal adverse = buy ? bar.high() : bar.low();
        BigDecimal favourable = buy ? bar.low() : bar.high();
        return switch (o.type()) {
            case MARKET -> new Match(o, qty, config.slip(open, side));
            case LIMIT -> limitOnBar(o, open, favourable, qty);
            case STOP -> {
                if (stopHit(side, open, o.stopPrice())) {
                    yield new Match(o, qty, config.slip(open, side));
                }
                yield stopHit(side, adverse, o.stopPrice())
                        ? new Match(o, qty, config.slip(o.stopPrice(), side)) : Match.none(o);
            }
            case STOP_LIMIT -> {
                if (o.triggered()) {
                    yield limitOnBar(o, open, favourable, qty);
                }
                BigDecimal trigger = stopHit(side, open, o.stopPrice()) ? open
                        : stopHit(side, adverse, o.stopPrice()) ? o.stopPrice() : null;
                if (trigger == null) {
                    yield Match.none(o);
                }
                Order t = triggered(o);
                // Within the bar we cannot tell what traded after the trigger: fill only if the trigger price
                // itself satisfies the limit, else keep working as a limit from the next event.
                yield marketable(side, trigger, o.limitPrice()) ? new Match(t, qty, trigger) : Match.none(t);
            }
            case TRAILING_STOP -> {
                Order t = o.hwm() == null ? trail(o, open) : o;
                if (qty > 0) {
                    if (stopHit(side, open, t.stopPrice())) {
                        yield new Match(t, qty, config.slip(open, side));
                    }
                    if (stopHit(side, adverse, t.stopPrice())) {
                        yield new Match(t, qty, config.slip(t.stopPrice(), side));
                    }
                }
                // Not triggered: the bar's best price for the holder raises (lowers) the mark.
                yield Match.none(trail(t, favourable));
            }
        };
    }

    private Match limitOnBar(Order o, BigDecimal open, BigDecimal favourable, long qty) {
        Side side = o.side();
        BigDecimal limit = o.limitPrice();
        if (through(side, open, limit)) {
            return new Match(o, qty, open);
        }
        return through(side, favourable, limit) ? new Match(o, qty, limit) : Match.none(o);
    }

    /** A buy at or below its limit, a sell at or above. */
    static boolean marketable(Side side, BigDecimal price, BigDecimal limit) {
        int c = price.compareTo(limit);
        return side == Side.BUY ? c <= 0 : c >= 0;
    }

    /** Strictly through the limit: a trade there proves the limit would have been reached in the queue. */
    static boolean through(Side side, BigDecimal price, BigDecimal limit) {
        int c = price.compareTo(limit);
        return side == Side.BUY ? c < 0 : c > 0;
    }

    /** A buy stop triggers at or above its stop, a sell stop at or below. */
    static boolean stopHit(Side side, BigDecimal price, BigDecimal stop) {
        int c = price.compareTo(stop);
        return side == Side.BUY ? c >= 0 : c <= 0;
    }

    private static Order triggered(Order o) {
        return o.triggered() ? o : o.toBuilder().triggered(true).build();
    }

    /**
     * Moves a trailing stop's water mark to {@code price} if it is better for the holder (higher for a sell, lower
     * for a buy) and recomputes the stop from it.
     */
    static Order trail(Order o, BigDecimal price) {
        boolean sell = o.side() == Side.SELL;
        BigDecimal hwm = o.hwm();
        if (hwm != null && (sell ? price.compareTo(hwm) <= 0 : price.compareTo(hwm) >= 0)) {
            return o;
        }
        BigDecimal offset = o.trailPrice() != null ? o.trailPrice()
                : price.multiply(o.trailPercent()).divide(HUNDRED, 4, RoundingMode.HALF_UP);
        BigDecimal stop = sell ? price.subtract(offset) : price.add(offset);
        return o.toBuilder().hwm(price).stopPrice(stop).build();
    }
}
