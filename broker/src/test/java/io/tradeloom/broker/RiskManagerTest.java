package io.tradeloom.broker;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static io.tradeloom.broker.Desk.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskManagerTest {

    private static RiskLimits limits(BigDecimal pct, Long shares, Integer positions, BigDecimal notional,
                                     boolean allowShort, boolean marketHoursOnly) {
        return new RiskLimits(pct, shares, positions, notional, d("2"), d("3"), d("10"), allowShort,
                marketHoursOnly, d("25000"));
    }

    private static void refused(Desk desk, OrderRequest r, String message) {
        int ledger = desk.broker.ledger().size();
        int orders = desk.broker.orders().size();
        assertThatThrownBy(() -> desk.submit(r)).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).contains(message);
        });
        assertThat(desk.broker.ledger()).hasSize(ledger);
        assertThat(desk.broker.orders()).hasSize(orders);
    }

    private static Desk desk(RiskLimits limits) {
        Desk desk = new Desk(BrokerConfig.defaults(), limits);
        for (String s : Desk.SYMBOLS) {
            desk.broker.mark(s, d("100.00"));
        }
        return desk;
    }

    @Test
    void refusesAnOrderAboveTheMaximumNotional() {
        refused(desk(limits(null, null, null, d("5000"), true, false)),
                OrderRequest.market("AAPL", 51, Side.BUY, null), "exceeds the limit of 5000");
    }

    @Test
    void refusesAPositionAboveTheShareLimitOrItsShareOfEquity() {
        refused(desk(limits(null, 40L, null, null, true, false)),
                OrderRequest.market("AAPL", 41, Side.BUY, null), "exceed the limit of 40");
        // 10% of 100,000 is 10,000: 101 shares at the 100.00 limit is 10,100.
        refused(desk(limits(d("10"), null, null, null, true, false)),
                OrderRequest.limit("AAPL", 101, Side.BUY, d("100.00"), TimeInForce.DAY, null), "10% of equity");
    }

    @Test
    void refusesAPositionBeyondTheMaximumOpenPositions() {
        Desk desk = desk(limits(null, null, 2, null, true, false));
        desk.submit(OrderRequest.market("AAPL", 1, Side.BUY, null));
        desk.submit(OrderRequest.market("MSFT", 1, Side.BUY, null));
        refused(desk, OrderRequest.market("TSLA", 1, Side.BUY, null), "2 open positions");
        // Adding to a symbol already held is no new position.
        desk.submit(OrderRequest.market("AAPL", 1, Side.BUY, null));
    }

    @Test
    void refusesShortsWhenShortingIsOff() {
        refused(desk(limits(null, null, null, null, false, false)),
                OrderRequest.market("AAPL", 1, Side.SELL, null), "short selling is not allowed");
    }

    @Test
    void refusesOrdersWhileTheMarketIsClosedWhenAskedTo() {
        Desk desk = desk(limits(null, null, null, null, true, true));
        int orders = desk.broker.orders().size();
        assertThatThrownBy(() -> desk.broker.submit(OrderRequest.market("AAPL", 1, Side.BUY, null),
                Desk.CLOSE.plusSeconds(60))).hasMessageContaining("market is closed");
        assertThat(desk.broker.orders()).hasSize(orders);
    }

    @Test
    void refusesWhatTheCashCannotPayFor() {
        Desk desk = desk(RiskLimits.none());
        // 1000 shares at 100 spend all 100,000; the next share is one too many.
        desk.submit(OrderRequest.limit("AAPL", 1000, Side.BUY, d("100.00"), TimeInForce.DAY, null));
        refused(desk, OrderRequest.limit("MSFT", 1, Side.BUY, d("1.00"), TimeInForce.DAY, null),
                "insufficient buying power");
    }

    @Test
    void intradayMarginMultipliesBuyingPower() {
        Desk desk = new Desk(BrokerConfig.defaults().withMarginMultiplier(d("4")), RiskLimits.none());
        desk.broker.mark("AAPL", d("100.00"));
        assertThat(desk.broker.account(Desk.T0).buyingPower()).isEqualByComparingTo("400000");
        desk.submit(OrderRequest.limit("AAPL", 3999, Side.BUY, d("100.00"), TimeInForce.DAY, null));
        assertThat(desk.broker.account(Desk.T0).buyingPower()).isEqualByComparingTo("100");
    }

    @Test
    void lossesMoveActiveToReducingToHaltedAndResetRestoresActive() {
        Desk desk = desk(limits(null, null, null, null, true, false));
        desk.submit(OrderRequest.market("AAPL", 500, Side.BUY, null));
        desk.bar("AAPL", 1, "100.00", "100.00", "100.00", "100.00", 1_000_000);
        assertThat(desk.broker.risk().state()).isEqualTo(RiskState.ACTIVE);

        // 500 shares down 4.00 = -2,000 = 2% of the day's 100,000.
        desk.bar("AAPL", 2, "96.00", "96.00", "96.00", "96.00", 1_000);
        RiskStatus reducing = desk.broker.risk();
        assertThat(reducing.state()).isEqualTo(RiskState.REDUCING);
        assertThat(reducing.reason()).contains("daily loss 2.00%");
        refused(desk, OrderRequest.market("AAPL", 1, Side.BUY, null), "only orders that reduce a position");
        refused(desk, OrderRequest.market("MSFT", 1, Side.SELL, null), "only orders that reduce a position");
        Order exit = desk.submit(OrderRequest.market("AAPL", 100, Side.SELL, null));
        assertThat(exit.status()).isEqualTo(OrderStatus.NEW);
        desk.broker.cancel(exit.id(), Desk.T0);

        // Down 6.00: -3,000 = 3%.
        desk.bar("AAPL", 3, "94.00", "94.00", "94.00", "94.00", 1_000);
        assertThat(desk.broker.risk().state()).isEqualTo(RiskState.HALTED);
        refused(desk, OrderRequest.market("AAPL", 100, Side.SELL, null), "trading is halted: daily loss 3.00%");

        RiskStatus reset = desk.broker.resetRisk(Desk.T0.plusSeconds(300));
        assertThat(reset.state()).isEqualTo(RiskState.ACTIVE);
        assertThat(reset.dayStartEquity()).isEqualByComparingTo("97000");
        desk.submit(OrderRequest.market("AAPL", 1, Side.BUY, null));
    }

    @Test
    void drawdownFromThePeakHaltsAcrossDays() {
        Desk desk = desk(new RiskLimits(null, null, null, null, null, null, d("10"), true, false, null));
        desk.submit(OrderRequest.market("AAPL", 1000, Side.BUY, null));
        desk.bar("AAPL", 1, "100.00", "100.00", "100.00", "100.00", 1_000_000);
        desk.bar("AAPL", 2, "110.00", "110.00", "110.00", "110.00", 1_000);   // peak 110,000
        Instant tomorrow = Desk.T0.plusSeconds(24 * 3600);
        desk.broker.onBar(Desk.bar("AAPL", tomorrow, "99.00", "99.00", "99.00", "99.00", 1_000), Desk.MINUTE);
        // 99,000 is exactly 10% under 110,000.
        assertThat(desk.broker.risk().state()).isEqualTo(RiskState.HALTED);
        assertThat(desk.broker.risk().reason()).contains("drawdown 10.00%");
        assertThat(desk.broker.risk().dayStartEquity()).isEqualByComparingTo("99000");
    }

    @Test
    void riskStateSurvivesARestart() {
        Desk desk = desk(limits(null, null, null, null, true, false));
        desk.submit(OrderRequest.market("AAPL", 500, Side.BUY, null));
        desk.bar("AAPL", 1, "100.00", "100.00", "100.00", "100.00", 1_000_000);
        desk.bar("AAPL", 2, "96.00", "96.00", "96.00", "96.00", 1_000);
        Desk restarted = new Desk(BrokerConfig.defaults(), desk.broker.limits(), desk.store);
        assertThat(restarted.broker.risk().state()).isEqualTo(RiskState.REDUCING);
    }

    @Test
    void fourDayTradesFlagAPatternDayTraderUnderTheEquityThreshold() {
        Desk desk = new Desk(BrokerConfig.defaults().withStartingCash(d("20000")),
                limits(null, null, null, null, true, false));
        desk.broker.mark("AAPL", d("10.00"));
        for (int i = 0; i < 4; i++) {
            desk.submit(OrderRequest.market("AAPL", 10, Side.BUY, null));
            desk.bar("AAPL", 2 * i, "10.00", "10.00", "10.00", "10.00", 1_000_000);
            desk.submit(OrderRequest.market("AAPL", 10, Side.SELL, null));
            desk.bar("AAPL", 2 * i + 1, "10.00", "10.00", "10.00", "10.00", 1_000_000);
        }
        Account a = desk.broker.account(Desk.T0);
        assertThat(a.daytradeCount()).isEqualTo(4);
        assertThat(a.patternDayTrader()).isTrue();
    }
}
