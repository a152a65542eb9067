package io.tradeloom.broker;

import org.junit.jupiter.api.Test;

import static io.tradeloom.broker.Desk.d;
import static org.assertj.core.api.Assertions.assertThat;

/** P&L by hand: every expected figure below is worked out in the comment beside it. */
class ProfitAndLossTest {

    /** $0.01 a share plus $1 an order, 0 bps. */
    private static Desk desk() {
        return new Desk(BrokerConfig.defaults().withCommission(d("0.01"), d("1.00"), d("0")), RiskLimits.none());
    }

    private static void fill(Desk desk, int minute, Side side, long qty, String price) {
        desk.broker.mark("AAPL", d(price));
        desk.broker.submit(OrderRequest.market("AAPL", qty, side, null), Desk.T0.plus(Desk.MINUTE.multipliedBy(minute)));
        desk.bar("AAPL", minute, price, price, price, price, 1_000_000);
    }

    @Test
    void longPartialCloseWithCommissions() {
        Desk desk = desk();
        fill(desk, 1, Side.BUY, 100, "10.00");   // cost 1000, fee 1 + 1.00 = 2.00
        fill(desk, 2, Side.SELL, 40, "12.50");   // realised 40 * (12.50 - 10) = 100, fee 0.40 + 1 = 1.40
        Position p = desk.broker.position("AAPL").orElseThrow();
        assertThat(p.qty()).isEqualTo(60);
        assertThat(p.avgEntryPrice()).isEqualByComparingTo("10.00");
        assertThat(p.realizedPl()).isEqualByComparingTo("100.00");
        assertThat(p.fees()).isEqualByComparingTo("3.40");
        // cash: 100000 - 1000 - 2 + 500 - 1.40 = 99496.60
        assertThat(desk.broker.cash()).isEqualByComparingTo("99496.60");
        // marked at the last bar's close 12.50: unrealised 60 * 2.50 = 150, equity 99496.60 + 750 = 100246.60
        Account a = desk.broker.account(Desk.T0);
        assertThat(a.unrealizedPl()).isEqualByComparingTo("150.00");
        assertThat(a.equity()).isEqualByComparingTo("100246.60");
        assertThat(a.realizedPl()).isEqualByComparingTo("100.00");
        assertThat(a.fees()).isEqualByComparingTo("3.40");
    }

    @Test
    void shortOpenedAddedToAndCoveredInPartsWithALoss() {
        Desk desk = desk();
        fill(desk, 1, Side.SELL, 100, "50.00");  // short 100 @ 50, cost basis -5000
        fill(desk, 2, Side.SELL, 100, "54.00");  // short 200, basis -10400, avg 52
        assertThat(desk.broker.position("AAPL").orElseThrow().avgEntryPrice()).isEqualByComparingTo("52.00");
        fill(desk, 3, Side.BUY, 50, "55.00");    // cover 50: (52 - 55) * 50 = -150
        fill(desk, 4, Side.BUY, 150, "51.00");   // cover 150: (52 - 51) * 150 = +150
        Position p = desk.broker.holdings().positions().get("AAPL");
        assertThat(p.qty()).isZero();
        assertThat(p.costBasis()).isEqualByComparingTo("0");
        assertThat(p.realizedPl()).isEqualByComparingTo("0");
        // fees: 4 orders x $1 + 400 shares x 0.01 = 8
        assertThat(p.fees()).isEqualByComparingTo("8.00");
        // cash: 100000 + 5000 + 5400 - 2750 - 7650 - 8 = 99992
        assertThat(desk.broker.cash()).isEqualByComparingTo("99992.00");
        assertThat(desk.broker.positions()).isEmpty();
    }

    @Test
    void sellingThroughALongOpensAShortAtTheFillPrice() {
        Desk desk = desk();
        fill(desk, 1, Side.BUY, 100, "20.00");
        fill(desk, 2, Side.SELL, 150, "22.00");  // closes 100 for +200, opens short 50 @ 22
        Position p = desk.broker.position("AAPL").orElseThrow();
        assertThat(p.qty()).isEqualTo(-50);
        assertThat(p.avgEntryPrice()).isEqualByComparingTo("22.00");
        assertThat(p.realizedPl()).isEqualByComparingTo("200.00");
        // short 50 marked at 22: unrealised 0; later marked at 21: +50
        desk.broker.mark("AAPL", d("21.00"));
        assertThat(desk.broker.account(Desk.T0).unrealizedPl()).isEqualByComparingTo("50.00");
        assertThat(desk.broker.account(Desk.T0).shortMarketValue()).isEqualByComparingTo("-1050.00");
    }

    @Test
    void thirdsOfAPositionKeepTheCostExactToTheTenThousandth() {
        Desk desk = desk();
        fill(desk, 1, Side.BUY, 3, "10.01");     // basis 30.03
        fill(desk, 2, Side.SELL, 1, "10.00");    // removes 30.03 / 3 = 10.01: realised -0.01
        fill(desk, 3, Side.SELL, 1, "10.00");    // again -0.01
        fill(desk, 4, Side.SELL, 1, "10.00");    // the last share takes the rest, 10.01: -0.01
        Position p = desk.broker.holdings().positions().get("AAPL");
        assertThat(p.realizedPl()).isEqualByComparingTo("-0.03");
        assertThat(p.costBasis()).isEqualByComparingTo("0");
    }

    @Test
    void basisPointCommissionIsChargedOnNotionalRoundedToTheCent() {
        Desk desk = new Desk(BrokerConfig.defaults().withCommission(d("0"), d("0"), d("2.5")), RiskLimits.none());
        fill(desk, 1, Side.BUY, 333, "12.34");   // 333 * 12.34 = 4109.22; x 2.5 bps = 1.027305 -> 1.03
        assertThat(desk.broker.holdings().fees()).isEqualByComparingTo("1.03");
        assertThat(desk.broker.ledger()).filteredOn(e -> e.kind() == LedgerEntry.Kind.FEE).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("-1.03"));
    }
}
