package io.tradeloom.broker;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.function.UnaryOperator;

import static io.tradeloom.broker.Desk.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad orders are refused with 422 and leave no trace; duplicates of a client_order_id likewise. */
class OrderIntakeTest {

    private static final OrderRequest GOOD = OrderRequest.limit("AAPL", 10, Side.BUY, d("100.00"), TimeInForce.DAY,
            null);

    private static OrderRequest with(UnaryOperator<Object[]> change) {
        Object[] f = {GOOD.symbol(), GOOD.qty(), GOOD.notional(), GOOD.side(), GOOD.type(), GOOD.timeInForce(),
                GOOD.limitPrice(), GOOD.stopPrice(), GOOD.trailPrice(), GOOD.trailPercent(), GOOD.extendedHours(),
                GOOD.clientOrderId(), GOOD.orderClass(), null, null, null};
        f = change.apply(f);
        return new OrderRequest((String) f[0], (Long) f[1], (BigDecimal) f[2], (Side) f[3], (OrderType) f[4],
                (TimeInForce) f[5], (BigDecimal) f[6], (BigDecimal) f[7], (BigDecimal) f[8], (BigDecimal) f[9],
                (Boolean) f[10], (String) f[11], (OrderClass) f[12], (BigDecimal) f[13], (BigDecimal) f[14],
                (BigDecimal) f[15]);
    }

    private static UnaryOperator<Object[]> set(int i, Object v) {
        return f -> {
            f[i] = v;
            return f;
        };
    }

    private static void invalid(OrderRequest r, String message) {
        Desk desk = Desk.plain();
        desk.broker.mark("AAPL", d("100.00"));
        assertThatThrownBy(() -> desk.submit(r)).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.getMessage()).contains(message);
        });
        assertThat(desk.broker.orders()).isEmpty();
        assertThat(desk.broker.ledger()).hasSize(1);
    }

    @Test
    void refusesZeroOrNegativeQuantities() {
        invalid(with(set(1, 0L)), "qty must be");
        invalid(with(set(1, -5L)), "qty must be");
    }

    @Test
    void refusesBothQtyAndNotionalAndNeither() {
        invalid(with(set(2, d("100"))), "not both");
        invalid(with(set(1, null)), "qty or notional is required");
    }

    @Test
    void refusesAnUnknownSymbol() {
        invalid(with(set(0, "NOPE")), "asset \"NOPE\" not found");
    }

    @Test
    void refusesALimitOrderWithoutALimitPrice() {
        invalid(with(set(6, null)), "limit_price is required");
    }

    @Test
    void refusesAbsurdAndSubPennyPrices() {
        invalid(with(set(6, new BigDecimal("1e308"))), "limit_price must be positive and at most");
        invalid(with(set(6, d("-1"))), "limit_price must be positive");
        invalid(with(set(6, d("100.001"))), "sub-penny");
    }

    @Test
    void refusesAStopOrderWithoutAStopAndAMarketOrderWithALimit() {
        invalid(with(f -> {
            f[4] = OrderType.STOP;
            f[6] = null;
            return f;
        }), "stop_price is required");
        invalid(with(set(4, OrderType.MARKET)), "limit_price is not allowed");
    }

    @Test
    void refusesBracketLegsOnTheWrongSide() {
        invalid(with(f -> {
            f[12] = OrderClass.BRACKET;
            f[13] = d("90.00");
            f[14] = d("95.00");
            return f;
        }), "take_profit.limit_price must be above stop_loss.stop_price");
    }

    @Test
    void refusesAClientOrderIdLongerThan128Characters() {
        invalid(with(set(11, "x".repeat(129))), "client_order_id");
    }

    @Test
    void acceptsAClientOrderIdOf128Characters() {
        Desk desk = Desk.plain();
        assertThat(desk.submit(with(set(11, "x".repeat(128)))).clientOrderId()).hasSize(128);
    }

    @Test
    void aDuplicateClientOrderIdIsRefusedAndCreatesNothing() {
        Desk desk = Desk.plain();
        Order first = desk.submit(with(set(11, "default:c42:AAPL:entry")));
        assertThatThrownBy(() -> desk.submit(with(set(11, "default:c42:AAPL:entry"))))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessageContaining("client_order_id must be unique");
        assertThat(desk.broker.orders()).containsExactly(first);
        assertThat(desk.broker.orderByClientId("default:c42:AAPL:entry")).contains(first);
    }

    @Test
    void cancelingAFilledOrderIs422AndAnUnknownOne404() {
        Desk desk = Desk.plain();
        desk.broker.mark("AAPL", d("10.00"));
        Order o = desk.submit(OrderRequest.market("AAPL", 1, Side.BUY, null));
        desk.bar("AAPL", 1, "10.00", "10.00", "10.00", "10.00", 1_000);
        assertThatThrownBy(() -> desk.broker.cancel(o.id(), Desk.T0))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> desk.broker.cancel("nope", Desk.T0))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aBatchIsCheckedOrderByOrderAndCommittedOnce() {
        InMemoryBrokerStore backing = new InMemoryBrokerStore();
        int[] commits = {0};
        BrokerStore counting = new BrokerStore() {
            @Override
            public State load() {
                return backing.load();
            }

            @Override
            public void commit(Changes changes) {
                commits[0]++;
                backing.commit(changes);
            }
        };
        Broker broker = new Broker(BrokerConfig.defaults(), RiskLimits.none(),
                new io.tradeloom.market.clock.NyseCalendar(), counting, s -> !s.equals("NOPE"), Desk.T0);
        int before = commits[0];
        java.util.List<Object> results = broker.submitAll(java.util.List.of(
                OrderRequest.limit("AAPL", 10, Side.BUY, d("100.00"), TimeInForce.DAY, "a"),
                OrderRequest.limit("NOPE", 10, Side.BUY, d("100.00"), TimeInForce.DAY, "b"),
                OrderRequest.limit("AAPL", 10, Side.BUY, d("100.00"), TimeInForce.DAY, "a"),
                // 999 x 100 = 99,900 fits the 100,000 alone, not after the first order's 1,000
                OrderRequest.limit("MSFT", 999, Side.BUY, d("100.00"), TimeInForce.DAY, "c"),
                OrderRequest.limit("MSFT", 5, Side.BUY, d("100.00"), TimeInForce.DAY, "d")), Desk.T0);
        assertThat(commits[0] - before).isEqualTo(1);
        assertThat(results.get(0)).isInstanceOfSatisfying(Order.class, o -> assertThat(o.clientOrderId()).isEqualTo("a"));
        assertThat(results.get(1)).isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThat(results.get(2)).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.getMessage()).contains("client_order_id must be unique"));
        assertThat(results.get(3)).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.getMessage()).contains("insufficient buying power"));
        assertThat(results.get(4)).isInstanceOf(Order.class);
        assertThat(backing.load().orders()).extracting(Order::clientOrderId).containsExactly("a", "d");
    }

    @Test
    void aStoreThatFailsToCommitLeavesTheEngineAsTheStoreIs() {
        InMemoryBrokerStore backing = new InMemoryBrokerStore();
        boolean[] fail = {false};
        BrokerStore flaky = new BrokerStore() {
            @Override
            public State load() {
                return backing.load();
            }

            @Override
            public void commit(Changes changes) {
                if (fail[0]) {
                    throw new IllegalStateException("disk full");
                }
                backing.commit(changes);
            }
        };
        Broker broker = new Broker(BrokerConfig.defaults(), RiskLimits.none(), new io.tradeloom.market.clock.NyseCalendar(),
                flaky, s -> true, Desk.T0);
        broker.mark("AAPL", d("10.00"));
        Order o = broker.submit(OrderRequest.market("AAPL", 5, Side.BUY, "a"), Desk.T0);
        fail[0] = true;
        assertThatThrownBy(() -> broker.onBar(Desk.bar("AAPL", Desk.T0, "10.00", "10.00", "10.00", "10.00", 1_000),
                Desk.MINUTE)).hasMessage("disk full");
        assertThat(broker.order(o.id()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        assertThat(broker.positionQty("AAPL")).isZero();
        fail[0] = false;
        broker.onBar(Desk.bar("AAPL", Desk.T0, "10.00", "10.00", "10.00", "10.00", 1_000), Desk.MINUTE);
        assertThat(broker.positionQty("AAPL")).isEqualTo(5);
    }
}
