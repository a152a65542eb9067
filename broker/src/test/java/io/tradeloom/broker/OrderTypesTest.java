package io.tradeloom.broker;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradeloom.broker.Desk.d;
import static org.assertj.core.api.Assertions.assertThat;

class OrderTypesTest {

    private static OrderRequest stop(String symbol, long qty, Side side, String stop, TimeInForce tif) {
        return OrderRequest.simple(symbol, qty, side, OrderType.STOP, tif, null, d(stop), null);
    }

    private static OrderRequest trailing(long qty, Side side, String trailPrice, String trailPercent) {
        return new OrderRequest("AAPL", qty, null, side, OrderType.TRAILING_STOP, TimeInForce.GTC, null, null,
                trailPrice == null ? null : d(trailPrice), trailPercent == null ? null : d(trailPercent), false, null,
                OrderClass.SIMPLE, null, null, null);
    }

    @Test
    void marketBuyFillsAtTheNextQuotesAskPlusSlippage() {
        Desk desk = new Desk(BrokerConfig.defaults().withSlippageBps(d("10")), RiskLimits.none());
        desk.quote("AAPL", -1, "99.90", "100.00");
        Order o = desk.submit(OrderRequest.market("AAPL", 10, Side.BUY, "m1"));
        assertThat(desk.get(o.id()).status()).isEqualTo(OrderStatus.NEW);

        desk.quote("AAPL", 1, "100.10", "100.20");

        Order filled = desk.get(o.id());
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        // 100.20 * 1.001 = 100.3002
        assertThat(filled.filledAvgPrice()).isEqualByComparingTo("100.3002");
        assertThat(desk.broker.cash()).isEqualByComparingTo("98996.998");
    }

    @Test
    void marketSellFillsAtTheBidLessSlippageRoundedAgainstTheSeller() {
        Desk desk = new Desk(BrokerConfig.defaults().withSlippageBps(d("3")), RiskLimits.none());
        desk.quote("AAPL", -1, "50.00", "50.02");
        desk.submit(OrderRequest.market("AAPL", 10, Side.BUY, "b"));
        desk.quote("AAPL", 0, "50.00", "50.02");
        Order sell = desk.submit(OrderRequest.market("AAPL", 10, Side.SELL, "s"));
        desk.quote("AAPL", 1, "50.01", "50.03");
        // 50.01 * 0.9997 = 49.994997 -> 49.9949
        assertThat(desk.get(sell.id()).filledAvgPrice()).isEqualByComparingTo("49.9949");
    }

    @Test
    void limitBuyThroughAGapFillsAtTheOpen() {
        Desk desk = Desk.plain();
        Order o = desk.submit(OrderRequest.limit("AAPL", 10, Side.BUY, d("100.00"), TimeInForce.DAY, null));
        desk.bar("AAPL", 1, "98.50", "99.00", "98.00", "98.80", 10_000);
        assertThat(desk.get(o.id()).filledAvgPrice()).isEqualByComparingTo("98.50");
    }

    @Test
    void limitBuyFillsAtTheLimitWhenTheBarTradesThroughIt() {
        Desk desk = Desk.plain();
        Order o = desk.submit(OrderRequest.limit("AAPL", 10, Side.BUY, d("100.00"), TimeInForce.DAY, null));
        desk.bar("AAPL", 1, "101.00", "101.50", "99.90", "100.50", 10_000);
        assertThat(desk.get(o.id()).filledAvgPrice()).isEqualByComparingTo("100.00");
    }

    @Test
    void limitBuyMerelyTouchedDoesNotFill() {
        Desk desk = Desk.plain();
        Order o = desk.submit(OrderRequest.limit("AAPL", 10, Side.BUY, d("100.00"), TimeInForce.DAY, null));
        desk.bar("AAPL", 1, "101.00", "101.50", "100.00", "100.50", 10_000);
        assertThat(desk.get(o.id()).status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void sellStopOnAGapDownFillsAtTheOpenNotTheStop() {
        Desk desk = Desk.plain();
        desk.quote("AAPL", -1, "99.99", "100.01");
        desk.submit(OrderRequest.market("AAPL", 10, Side.BUY, null));
        desk.quote("AAPL", 0, "99.99", "100.01");
        Order stop = desk.submit(stop("AAPL", 10, Side.SELL, "95.00", TimeInForce.GTC));
        desk.bar("AAPL", 1, "92.00", "93.00", "91.50", "92.50", 10_000);
        assertThat(desk.get(stop.id()).filledAvgPrice()).isEqualByComparingTo("92.00");
    }

    @Test
    void buyStopTriggeredWithinTheBarFillsAtTheStop() {
        Desk desk = Desk.plain();
        Order stop = desk.submit(stop("AAPL", 10, Side.BUY, "101.00", TimeInForce.DAY));
        desk.bar("AAPL", 1, "100.00", "100.90", "99.50", "100.20", 10_000);
        assertThat(desk.get(stop.id()).status()).isEqualTo(OrderStatus.NEW);
        desk.bar("AAPL", 2, "100.20", "101.40", "100.10", "101.30", 10_000);
        assertThat(desk.get(stop.id()).filledAvgPrice()).isEqualByComparingTo("101.00");
    }

    @Test
    void stopLimitTriggersThenWorksAsALimit() {
        Desk desk = Desk.plain();
        Order o = desk.submit(OrderRequest.simple("AAPL", 10, Side.BUY, OrderType.STOP_LIMIT, TimeInForce.DAY,
                d("101.50"), d("101.00"), null));
        // Gaps over the stop and the limit: triggered, but 102 is above the limit.
        desk.bar("AAPL", 1, "102.00", "102.50", "101.80", "102.20", 10_000);
        Order triggered = desk.get(o.id());
        assertThat(triggered.triggered()).isTrue();
        assertThat(triggered.status()).isEqualTo(OrderStatus.NEW);
        desk.bar("AAPL", 2, "101.90", "102.00", "101.20", "101.40", 10_000);
        assertThat(desk.get(o.id()).filledAvgPrice()).isEqualByComparingTo("101.50");
    }

    @Test
    void partialFillsWhenTheOrderIsLargeAgainstTheBarsVolume() {
        Desk desk = Desk.plain();
        desk.broker.mark("AAPL", d("10.00"));
        Order o = desk.submit(OrderRequest.market("AAPL", 1000, Side.BUY, null));
        desk.bar("AAPL", 1, "10.00", "10.10", "9.90", "10.00", 2_000);
        Order part = desk.get(o.id());
        assertThat(part.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(part.filledQty()).isEqualTo(500);
        desk.bar("AAPL", 2, "10.20", "10.30", "10.10", "10.20", 4_000);
        Order done = desk.get(o.id());
        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        // (500 * 10.00 + 500 * 10.20) / 1000
        assertThat(done.filledAvgPrice()).isEqualByComparingTo("10.10");
        assertThat(desk.broker.ledger()).filteredOn(e -> e.kind() == LedgerEntry.Kind.FILL)
                .extracting(LedgerEntry::cumQty, LedgerEntry::leavesQty)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(500L, 500L),
                        org.assertj.core.groups.Tuple.tuple(1000L, 0L));
    }

    @Test
    void twoOrdersShareOneBarsVolumeInArrivalOrder() {
        Desk desk = Desk.plain();
        desk.broker.mark("AAPL", d("10.00"));
        Order first = desk.submit(OrderRequest.market("AAPL", 300, Side.BUY, null));
        Order second = desk.submit(OrderRequest.market("AAPL", 300, Side.BUY, null));
        desk.bar("AAPL", 1, "10.00", "10.10", "9.90", "10.00", 2_000);
        assertThat(desk.get(first.id()).filledQty()).isEqualTo(300);
        assertThat(desk.get(second.id()).filledQty()).isEqualTo(200);
    }

    @Test
    void trailingStopFollowsTheHighWaterMarkAndTriggersOffIt() {
        Desk desk = Desk.plain();
        desk.quote("AAPL", -1, "99.99", "100.01");
        desk.submit(OrderRequest.market("AAPL", 10, Side.BUY, null));
        desk.quote("AAPL", 0, "99.99", "100.01");
        Order trail = desk.submit(trailing(10, Side.SELL, null, "5"));
        assertThat(desk.get(trail.id()).hwm()).isEqualByComparingTo("100.00");
        assertThat(desk.get(trail.id()).stopPrice()).isEqualByComparingTo("95.00");
        desk.bar("AAPL", 1, "100.00", "110.00", "99.00", "109.00", 10_000);
        Order raised = desk.get(trail.id());
        assertThat(raised.hwm()).isEqualByComparingTo("110.00");
        assertThat(raised.stopPrice()).isEqualByComparingTo("104.50");
        assertThat(raised.status()).isEqualTo(OrderStatus.NEW);
        desk.bar("AAPL", 2, "108.00", "108.50", "104.00", "104.20", 10_000);
        assertThat(desk.get(trail.id()).filledAvgPrice()).isEqualByComparingTo("104.50");
    }

    @Test
    void trailingBuyStopByPriceTrailsTheLowAndFillsAtTheOpenOnAGapUp() {
        Desk desk = Desk.plain();
        desk.quote("AAPL", -1, "99.99", "100.01");
        Order trail = desk.submit(trailing(10, Side.BUY, "2.00", null));
        desk.bar("AAPL", 1, "99.00", "99.50", "97.00", "97.50", 10_000);
        assertThat(desk.get(trail.id()).stopPrice()).isEqualByComparingTo("99.00");
        desk.bar("AAPL", 2, "100.00", "100.50", "99.80", "100.20", 10_000);
        assertThat(desk.get(trail.id()).filledAvgPrice()).isEqualByComparingTo("100.00");
    }

    @Test
    void iocFillsWhatItCanAtOnceAndCancelsTheRest() {
        Desk desk = Desk.plain();
        desk.broker.mark("AAPL", d("10.00"));
        Order o = desk.submit(OrderRequest.simple("AAPL", 1000, Side.BUY, OrderType.MARKET, TimeInForce.IOC,
                null, null, null));
        desk.bar("AAPL", 1, "10.00", "10.10", "9.90", "10.00", 2_000);
        Order done = desk.get(o.id());
        assertThat(done.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(done.filledQty()).isEqualTo(500);
    }

    @Test
    void iocLimitThatIsNotMarketableIsCanceledUnfilled() {
        Desk desk = Desk.plain();
        Order o = desk.submit(OrderRequest.limit("AAPL", 10, Side.BUY, d("9.00"), TimeInForce.IOC, null));
        desk.quote("AAPL", 1, "9.99", "10.01");
        assertThat(desk.get(o.id()).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(desk.broker.ledger()).hasSize(1);
    }

    @Test
    void fokFillsEverythingOrNothing() {
        Desk desk = Desk.plain();
        desk.broker.mark("AAPL", d("10.00"));
        desk.broker.mark("MSFT", d("20.00"));
        Order big = desk.submit(OrderRequest.simple("AAPL", 1000, Side.BUY, OrderType.MARKET, TimeInForce.FOK,
                null, null, null));
        Order small = desk.submit(OrderRequest.simple("MSFT", 100, Side.BUY, OrderType.MARKET, TimeInForce.FOK,
                null, null, null));
        desk.bar("AAPL", 1, "10.00", "10.10", "9.90", "10.00", 2_000);
        desk.bar("MSFT", 1, "20.00", "20.10", "19.90", "20.00", 2_000);
        assertThat(desk.get(big.id()).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(desk.get(big.id()).filledQty()).isZero();
        assertThat(desk.get(small.id()).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void dayOrderExpiresAtTheCloseAndGtcKeepsWorking() {
        Desk desk = Desk.plain();
        Order day = desk.submit(OrderRequest.limit("AAPL", 10, Side.BUY, d("50.00"), TimeInForce.DAY, null));
        Order gtc = desk.submit(OrderRequest.limit("AAPL", 10, Side.BUY, d("50.00"), TimeInForce.GTC, null));
        desk.broker.advance(Desk.CLOSE.minusSeconds(1));
        assertThat(desk.get(day.id()).status()).isEqualTo(OrderStatus.NEW);
        desk.broker.advance(Desk.CLOSE.plus(Broker.EXPIRY_GRACE));
        assertThat(desk.get(day.id()).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(desk.get(day.id()).expiredAt()).isEqualTo(Desk.CLOSE);
        assertThat(desk.get(gtc.id()).status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void dayOrderDoesNotFillOnDataFromAfterTheClose() {
        Desk desk = Desk.plain();
        desk.broker.mark("AAPL", d("10.00"));
        Order day = desk.submit(OrderRequest.market("AAPL", 10, Side.BUY, null));
        desk.broker.onQuote(Desk.quote("AAPL", Desk.CLOSE, "9.99", "10.01"));
        assertThat(desk.get(day.id()).status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void opgFillsAtTheNextSessionsOpeningPrintAndClsAtTheClosingPrint() {
        Desk desk = Desk.plain();
        desk.broker.mark("AAPL", d("10.00"));
        Order opg = desk.broker.submit(OrderRequest.simple("AAPL", 10, Side.BUY, OrderType.MARKET, TimeInForce.OPG,
                null, null, null), Desk.OPEN.minusSeconds(3600));
        Order cls = desk.submit(OrderRequest.simple("AAPL", 10, Side.BUY, OrderType.MARKET, TimeInForce.CLS,
                null, null, null));
        desk.broker.onBar(Desk.bar("AAPL", Desk.OPEN, "10.00", "10.50", "9.50", "10.20", 10_000), Desk.MINUTE);
        desk.bar("AAPL", 1, "10.20", "10.60", "10.10", "10.50", 10_000);
        desk.broker.onBar(Desk.bar("AAPL", Desk.CLOSE.minus(Desk.MINUTE), "11.00", "11.50", "10.90", "11.30",
                10_000), Desk.MINUTE);
        assertThat(desk.get(opg.id()).filledAvgPrice()).isEqualByComparingTo("10.00");
        assertThat(desk.get(cls.id()).filledAvgPrice()).isEqualByComparingTo("11.30");
    }

    @Test
    void opgNotFilledAtTheOpenIsCanceled() {
        Desk desk = Desk.plain();
        Order opg = desk.broker.submit(OrderRequest.limit("AAPL", 10, Side.BUY, d("9.00"), TimeInForce.OPG, null),
                Desk.OPEN.minusSeconds(3600));
        desk.broker.onBar(Desk.bar("AAPL", Desk.OPEN, "10.00", "10.50", "8.50", "10.20", 10_000), Desk.MINUTE);
        desk.broker.advance(Desk.OPEN.plus(Desk.MINUTE).plus(Broker.EXPIRY_GRACE));
        assertThat(desk.get(opg.id()).status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void bracketLegsWaitForTheEntryThenCancelEachOther() {
        Desk desk = Desk.plain();
        desk.broker.mark("AAPL", d("100.00"));
        Order entry = desk.submit(new OrderRequest("AAPL", 100L, null, Side.BUY, OrderType.MARKET, TimeInForce.GTC,
                null, null, null, null, false, "br", OrderClass.BRACKET, d("110.00"), d("95.00"), null));
        java.util.List<Order> legs = desk.broker.legsOf(entry.id());
        assertThat(legs).extracting(Order::status).containsOnly(OrderStatus.HELD);
        desk.bar("AAPL", 1, "100.00", "100.50", "99.50", "100.20", 10_000);
        assertThat(desk.broker.legsOf(entry.id())).extracting(Order::status).containsOnly(OrderStatus.NEW);
        // The take-profit trades through first; the stop-loss is canceled with it.
        desk.bar("AAPL", 2, "105.00", "111.00", "104.00", "110.50", 10_000);
        Order tp = desk.broker.legsOf(entry.id()).stream().filter(o -> o.leg() == Order.Leg.TAKE_PROFIT).findFirst()
                .orElseThrow();
        Order sl = desk.broker.legsOf(entry.id()).stream().filter(o -> o.leg() == Order.Leg.STOP_LOSS).findFirst()
                .orElseThrow();
        assertThat(tp.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(tp.filledAvgPrice()).isEqualByComparingTo("110.00");
        assertThat(sl.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(desk.broker.positions()).isEmpty();
    }

    @Test
    void aPartialTakeProfitShrinksTheStopLossToWhatIsLeft() {
        Desk desk = Desk.plain();
        desk.broker.mark("AAPL", d("100.00"));
        Order entry = desk.submit(new OrderRequest("AAPL", 1000L, null, Side.BUY, OrderType.MARKET,
                TimeInForce.GTC, null, null, null, null, false, null, OrderClass.BRACKET, d("110.00"), d("95.00"),
                d("94.00")));
        desk.bar("AAPL", 1, "100.00", "100.50", "99.50", "100.20", 100_000);
        desk.bar("AAPL", 2, "105.00", "111.00", "104.00", "110.50", 1_600);
        Order sl = desk.broker.legsOf(entry.id()).stream().filter(o -> o.leg() == Order.Leg.STOP_LOSS).findFirst()
                .orElseThrow();
        assertThat(sl.type()).isEqualTo(OrderType.STOP_LIMIT);
        assertThat(sl.qty()).isEqualTo(600);
        assertThat(desk.broker.positionQty("AAPL")).isEqualTo(600);
    }

    @Test
    void canceledEntryCancelsItsHeldLegs() {
        Desk desk = Desk.plain();
        Order entry = desk.submit(new OrderRequest("AAPL", 100L, null, Side.BUY, OrderType.LIMIT, TimeInForce.DAY,
                d("90.00"), null, null, null, false, null, OrderClass.OTO, null, d("85.00"), null));
        desk.broker.cancel(entry.id(), Desk.T0);
        assertThat(desk.broker.legsOf(entry.id())).extracting(Order::status).containsOnly(OrderStatus.CANCELED);
    }

    @Test
    void ocoExitLegsAreLiveAtOnceAndTheStopCancelsTheTakeProfit() {
        Desk desk = Desk.plain();
        desk.quote("AAPL", -1, "99.99", "100.01");
        desk.submit(OrderRequest.market("AAPL", 100, Side.BUY, null));
        desk.quote("AAPL", 0, "99.99", "100.01");
        Order tp = desk.submit(new OrderRequest("AAPL", 100L, null, Side.SELL, OrderType.LIMIT, TimeInForce.GTC,
                d("110.00"), null, null, null, false, null, OrderClass.OCO, d("110.00"), d("95.00"), null));
        Order sl = desk.broker.legsOf(tp.id()).getFirst();
        assertThat(sl.status()).isEqualTo(OrderStatus.NEW);
        desk.bar("AAPL", 1, "96.00", "96.50", "94.00", "94.50", 10_000);
        assertThat(desk.get(sl.id()).filledAvgPrice()).isEqualByComparingTo("95.00");
        assertThat(desk.get(tp.id()).status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void replacingAPartiallyFilledOrderWorksTheRestUnderTheNewTerms() {
        Desk desk = Desk.plain();
        Order o = desk.submit(OrderRequest.limit("AAPL", 1000, Side.BUY, d("10.00"), TimeInForce.GTC, "orig"));
        desk.bar("AAPL", 1, "10.20", "10.30", "9.90", "10.00", 1_200);
        assertThat(desk.get(o.id()).filledQty()).isEqualTo(300);
        Order n = desk.broker.replace(o.id(), new ReplaceRequest(800L, null, d("10.50"), null, null, "repl"),
                Desk.T0.plus(Desk.MINUTE.multipliedBy(2)));
        Order old = desk.get(o.id());
        assertThat(old.status()).isEqualTo(OrderStatus.REPLACED);
        assertThat(old.replacedBy()).isEqualTo(n.id());
        assertThat(old.filledQty()).isEqualTo(300);
        assertThat(n.replaces()).isEqualTo(o.id());
        assertThat(n.qty()).isEqualTo(500);
        assertThat(n.limitPrice()).isEqualByComparingTo("10.50");
        desk.bar("AAPL", 3, "10.40", "10.45", "10.30", "10.40", 100_000);
        assertThat(desk.get(n.id()).filledAvgPrice()).isEqualByComparingTo("10.40");
        assertThat(desk.broker.positionQty("AAPL")).isEqualTo(800);
    }

    @Test
    void replaceBelowWhatIsAlreadyFilledIsRefused() {
        Desk desk = Desk.plain();
        Order o = desk.submit(OrderRequest.limit("AAPL", 1000, Side.BUY, d("10.00"), TimeInForce.GTC, null));
        desk.bar("AAPL", 1, "10.20", "10.30", "9.90", "10.00", 1_200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.broker.replace(o.id(),
                        new ReplaceRequest(300L, null, null, null, null, null), Desk.T0))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThat(desk.get(o.id()).status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void notionalOrderBuysWholeSharesAtTheMark() {
        Desk desk = Desk.plain();
        desk.quote("AAPL", -1, "33.00", "33.02");
        Order o = desk.submit(new OrderRequest("AAPL", null, new BigDecimal("1000"), Side.BUY, OrderType.MARKET,
                TimeInForce.DAY, null, null, null, null, false, null, OrderClass.SIMPLE, null, null, null));
        // 1000 / 33.01 = 30.29 -> 30 shares
        assertThat(o.qty()).isEqualTo(30);
        assertThat(o.notional()).isEqualByComparingTo("1000");
    }
}
