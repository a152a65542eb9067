package io.tradeloom.broker;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.tradeloom.broker.Desk.d;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random sequences of orders, cancels, replaces, quotes, bars and clock moves; after each, the engine's
 * live cash and positions must equal the ledger replayed, sums taken straight off the ledger, and a second engine
 * rebuilt from the same store.
 */
class LedgerPropertyTest {

    private static final String[] SYMBOLS = {"AAPL", "MSFT", "TSLA"};
    private static final int SEQUENCES = 2_000;
    private static final int STEPS = 60;

    @Test
    void cashAndPositionsAlwaysEqualTheLedgerReplayed() {
        Random seeds = new Random(20250303);
        for (int i = 0; i < SEQUENCES; i++) {
            long seed = seeds.nextLong();
            try {
                runSequence(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("sequence with seed " + seed + " failed: " + e.getMessage(), e);
            }
        }
        // The sequences must exercise what they claim to: fills, partial fills, shorts, bracket legs.
        assertThat(fills).isGreaterThan(SEQUENCES * 4L);
        assertThat(partials).isGreaterThan(SEQUENCES / 10L);
        assertThat(shorts).isGreaterThan(SEQUENCES / 10L);
        assertThat(legFills).isGreaterThan(SEQUENCES / 20L);
    }

    private long fills;
    private long partials;
    private long shorts;
    private long legFills;

    private void runSequence(long seed) {
        Random rnd = new Random(seed);
        BrokerConfig config = BrokerConfig.defaults()
                .withCommission(d(rnd.nextBoolean() ? "0.005" : "0"), d(rnd.nextBoolean() ? "1" : "0"),
                        d(rnd.nextBoolean() ? "1.5" : "0"))
                .withSlippageBps(d(String.valueOf(rnd.nextInt(20))));
        Desk desk = new Desk(config, RiskLimits.none());
        Map<String, BigDecimal> price = new HashMap<>();
        for (String s : SYMBOLS) {
            price.put(s, BigDecimal.valueOf(2000 + rnd.nextInt(8000), 2));
            desk.broker.mark(s, price.get(s));
        }
        Instant now = Desk.T0;
        List<String> ids = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            now = now.plusSeconds(20);
            String sym = SYMBOLS[rnd.nextInt(SYMBOLS.length)];
            BigDecimal px = price.get(sym);
            int action = rnd.nextInt(10);
            try {
                if (action < 4) {
                    ids.add(desk.broker.submit(randomOrder(rnd, sym, px), now).id());
                } else if (action < 5 && !ids.isEmpty()) {
                    desk.broker.cancel(ids.get(rnd.nextInt(ids.size())), now);
                } else if (action < 6 && !ids.isEmpty()) {
                    desk.broker.replace(ids.get(rnd.nextInt(ids.size())), new ReplaceRequest(
                            (long) (1 + rnd.nextInt(300)), null, null, null, null, null), now);
                } else if (action < 8) {
                    BigDecimal bid = px;
                    BigDecimal ask = px.add(BigDecimal.valueOf(1 + rnd.nextInt(5), 2));
                    desk.broker.onQuote(Desk.quote(sym, now, bid.toPlainString(), ask.toPlainString()));
                } else if (action < 9) {
                    BigDecimal move = BigDecimal.valueOf(rnd.nextInt(201) - 100, 2);
                    BigDecimal open = px;
                    BigDecimal close = px.add(move).max(d("1.00"));
                    BigDecimal high = open.max(close).add(BigDecimal.valueOf(rnd.nextInt(50), 2));
                    BigDecimal low = open.min(close).subtract(BigDecimal.valueOf(rnd.nextInt(50), 2)).max(d("0.50"));
                    desk.broker.onBar(Desk.bar(sym, now, open.toPlainString(), high.toPlainString(),
                            low.toPlainString(), close.toPlainString(), rnd.nextInt(3000)), Desk.MINUTE);
                    price.put(sym, close);
                } else {
                    now = now.plusSeconds(rnd.nextInt(3) == 0 ? 8 * 3600 : 600);
                    desk.broker.advance(now);
                }
            } catch (BrokerException refused) {
                // Random orders are sometimes invalid or refused: that must change nothing, which the checks see.
            }
        }
        check(desk);
    }

    private static OrderRequest randomOrder(Random rnd, String sym, BigDecimal px) {
        long qty = 1 + rnd.nextInt(rnd.nextBoolean() ? 50 : 2000);
        Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
        TimeInForce tif = TimeInForce.values()[rnd.nextInt(TimeInForce.values().length)];
        BigDecimal off = BigDecimal.valueOf(rnd.nextInt(200) - 100, 2);
        BigDecimal level = px.add(off).max(d("1.00"));
        return switch (rnd.nextInt(6)) {
            case 0, 1 -> OrderRequest.simple(sym, qty, side, OrderType.MARKET, tif, null, null, null);
            case 2 -> OrderRequest.simple(sym, qty, side, OrderType.LIMIT, tif, level, null, null);
            case 3 -> OrderRequest.simple(sym, qty, side, OrderType.STOP, tif, null, level, null);
            case 4 -> new OrderRequest(sym, qty, null, side, OrderType.TRAILING_STOP, TimeInForce.GTC, null, null,
                    null, BigDecimal.valueOf(1 + rnd.nextInt(5)), false, null, OrderClass.SIMPLE, null, null, null);
            default -> {
                BigDecimal up = px.add(d("0.50"));
                BigDecimal down = px.subtract(d("0.50")).max(d("0.50"));
                yield new OrderRequest(sym, qty, null, side, OrderType.MARKET, TimeInForce.GTC, null, null, null,
                        null, false, null, OrderClass.BRACKET, side == Side.BUY ? up : down,
                        side == Side.BUY ? down : up, null);
            }
        };
    }

    private void check(Desk desk) {
        List<LedgerEntry> ledger = desk.store.ledger();
        Broker.Holdings live = desk.broker.holdings();
        Portfolio replayed = Portfolio.replay(ledger);

        assertThat(live.cash()).isEqualByComparingTo(replayed.cash());
        assertThat(live.realizedPl()).isEqualByComparingTo(replayed.realizedPl());
        assertThat(live.fees()).isEqualByComparingTo(replayed.fees());
        assertThat(live.positions()).isEqualTo(replayed.allPositions());

        // Independently of Portfolio: sums straight off the ledger.
        BigDecimal cash = BigDecimal.ZERO;
        Map<String, Long> qty = new HashMap<>();
        Map<String, BigDecimal> flows = new HashMap<>();
        Map<String, Long> filledByOrder = new HashMap<>();
        for (LedgerEntry e : ledger) {
            cash = cash.add(e.amount());
            if (e.kind() == LedgerEntry.Kind.FILL) {
                fills++;
                partials += e.orderStatus() == OrderStatus.PARTIALLY_FILLED ? 1 : 0;
                qty.merge(e.symbol(), e.signedQty(), Long::sum);
                flows.merge(e.symbol(), e.amount(), BigDecimal::add);
                filledByOrder.merge(e.orderId(), e.qty(), Long::sum);
                assertThat(e.cumQty()).isEqualTo(filledByOrder.get(e.orderId()));
            }
        }
        assertThat(live.cash()).isEqualByComparingTo(cash);
        for (Position p : live.positions().values()) {
            assertThat(p.qty()).isEqualTo(qty.getOrDefault(p.symbol(), 0L));
            // Realised P&L less the cost still held is exactly the cash the symbol's fills moved.
            assertThat(p.realizedPl().subtract(p.costBasis())).isEqualByComparingTo(flows.get(p.symbol()));
        }
        shorts += live.positions().values().stream().filter(p -> p.qty() < 0).count();
        for (Order o : desk.broker.orders()) {
            legFills += o.leg() != Order.Leg.ENTRY && o.filledQty() > 0 ? 1 : 0;
            assertThat(o.filledQty()).isEqualTo(filledByOrder.getOrDefault(o.id(), 0L));
            assertThat(o.filledQty()).isBetween(0L, o.qty());
            if (o.status() == OrderStatus.FILLED) {
                assertThat(o.filledQty()).isEqualTo(o.qty());
            }
        }

        // A second engine on the same store (a restart) sees the same account and the same orders.
        Desk restarted = new Desk(desk.broker.config(), RiskLimits.none(), desk.store);
        assertThat(restarted.broker.holdings()).isEqualTo(live);
        assertThat(restarted.broker.orders()).isEqualTo(desk.broker.orders());
    }
}
