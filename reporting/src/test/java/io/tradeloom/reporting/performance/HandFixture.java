package io.tradeloom.reporting.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A three-day account small enough to report on by hand (the hand calculation is in PerformanceFixtureTest).
 * Days are New York dates (UTC-5 in November): d1 = 2026-11-02, d2 = 2026-11-03, d3 = 2026-11-04.
 *
 * <pre>
 * #  time (UTC)  symbol side  qty  price  comm  client_order_id      what it does
 * 1  d1 14:31    AAPL   buy   100  100    1.00  momo:1:AAPL:entry    opens long 100
 * 2  d1 14:41    AAPL   sell  100  102    1.00  momo:1:AAPL:exit     RT1 long  gross +200 net +198
 * 3  d1 15:00    MSFT   sell   50  200    0.50  rev:1:MSFT:entry     opens short 50
 * 4  d1 15:30    MSFT   buy    50  204    0.50  rev:1:MSFT:exit      RT2 short gross -200 net -201
 * 5  d2 14:30    AAPL   buy   200   50    2.00  momo:2:AAPL:entry    opens long 200
 * 6  d2 15:00    AAPL   sell  100   51    1.00  momo:2:AAPL:exit1    RT3 long 100: +100 - (1.00 + 1.00) = +98
 * 7  d2 16:00    AAPL   sell  100   49    1.00  momo:2:AAPL:exit2    RT4 long 100: -100 - (1.00 + 1.00) = -102
 * 8  d2 17:00    TSLA   buy    10  300    0     ticket-77            manual (not strategy:cycle:symbol:leg)
 * 9  d2 18:00    TSLA   sell   10  310    0     ticket-78            RT5 long +100 net +100
 * 10 d3 14:30    MSFT   buy    30  100    0.30  rev:2:MSFT:entry     order O1, first partial fill
 * 11 d3 14:31    MSFT   buy    70  101    0.70  rev:2:MSFT:entry     order O1, rest: one lot-group of 100
 * 12 d3 15:00    MSFT   sell  150  103    1.50  rev:2:MSFT:exit      RT6 closes 100: (10300 - 10070) - (0.30+0.70+1.00) = +228,
 *                                                                    and reverses: short 50 carrying 0.50 commission
 * 13 d3 16:00    MSFT   buy    50  102    0.50  rev:2:MSFT:cover     RT7 short 50: (103-102)*50 - (0.50+0.50) = +49
 * </pre>
 * Equity (independent of the fills' marks, but ending each day at cash plus realized P&L):
 * d1 14:30 10000, 14:40 10150, 15:20 9900, 20:59 9997; d2 15:30 10100, 16:30 9800, 20:59 10093;
 * d3 14:45 10200, 15:30 10300, 20:59 10370.
 */
public final class HandFixture {

    private HandFixture() {
    }

    public static Instant t(String dayAndTime) {
        String day = switch (dayAndTime.substring(0, 2)) {
            case "d1" -> "2026-11-02";
            case "d2" -> "2026-11-03";
            case "d3" -> "2026-11-04";
            default -> throw new IllegalArgumentException(dayAndTime);
        };
        return Instant.parse(day + "T" + dayAndTime.substring(3) + ":00Z");
    }

    public static Fill fill(String time, String symbol, Side side, int qty, String price, String commission, String order, String coid) {
        return new Fill(t(time), symbol, side, BigDecimal.valueOf(qty), new BigDecimal(price), new BigDecimal(commission), order, coid);
    }

    public static List<Fill> fills() {
        return List.of(
                fill("d1 14:31", "AAPL", Side.BUY, 100, "100", "1.00", "o1", "momo:1:AAPL:entry"),
                fill("d1 14:41", "AAPL", Side.SELL, 100, "102", "1.00", "o2", "momo:1:AAPL:exit"),
                fill("d1 15:00", "MSFT", Side.SELL, 50, "200", "0.50", "o3", "rev:1:MSFT:entry"),
                fill("d1 15:30", "MSFT", Side.BUY, 50, "204", "0.50", "o4", "rev:1:MSFT:exit"),
                fill("d2 14:30", "AAPL", Side.BUY, 200, "50", "2.00", "o5", "momo:2:AAPL:entry"),
                fill("d2 15:00", "AAPL", Side.SELL, 100, "51", "1.00", "o6", "momo:2:AAPL:exit1"),
                fill("d2 16:00", "AAPL", Side.SELL, 100, "49", "1.00", "o7", "momo:2:AAPL:exit2"),
                fill("d2 17:00", "TSLA", Side.BUY, 10, "300", "0", "o8", "ticket-77"),
                fill("d2 18:00", "TSLA", Side.SELL, 10, "310", "0", "o9", "ticket-78"),
                fill("d3 14:30", "MSFT", Side.BUY, 30, "100", "0.30", "o10", "rev:2:MSFT:entry"),
                fill("d3 14:31", "MSFT", Side.BUY, 70, "101", "0.70", "o10", "rev:2:MSFT:entry"),
                fill("d3 15:00", "MSFT", Side.SELL, 150, "103", "1.50", "o11", "rev:2:MSFT:exit"),
                fill("d3 16:00", "MSFT", Side.BUY, 50, "102", "0.50", "o12", "rev:2:MSFT:cover"));
    }

    public static List<EquityPoint> equity() {
        return List.of(
                point("d1 14:30", 10000), point("d1 14:40", 10150), point("d1 15:20", 9900), point("d1 20:59", 9997),
                point("d2 15:30", 10100), point("d2 16:30", 9800), point("d2 20:59", 10093),
                point("d3 14:45", 10200), point("d3 15:30", 10300), point("d3 20:59", 10370));
    }

    public static EquityPoint point(String time, long equity) {
        return new EquityPoint(t(time), BigDecimal.valueOf(equity));
    }

    public static AccountHistory history() {
        return new AccountHistory(fills(), equity());
    }
}
