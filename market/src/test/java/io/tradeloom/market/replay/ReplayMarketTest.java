package io.tradeloom.market.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;

class ReplayMarketTest {

    private final NyseCalendar calendar = new NyseCalendar();

    private static Bar bar(String symbol, String time) {
        BigDecimal p = BigDecimal.TEN;
        return new Bar(symbol, Instant.parse(time), p, p, p, p, 100);
    }

    private final Bar aapl1 = bar("AAPL", "2026-03-09T13:30:00Z");
    private final Bar aapl2 = bar("AAPL", "2026-03-09T13:31:00Z");
    private final Bar msft1 = bar("MSFT", "2026-03-09T13:30:00Z");
    private final Bar msft3 = bar("MSFT", "2026-03-09T13:32:00Z");

    private ReplayMarket minutes() {
        return new ReplayMarket(Timeframe.MIN_1, calendar, Map.of("MSFT", List.of(msft1, msft3),
                "AAPL", List.of(aapl1, aapl2)));
    }

    @Test
    void barsAreRevealedOnceCompleteInTimeThenSymbolOrder() {
        ReplayMarket market = minutes();
        Instant open = Instant.parse("2026-03-09T13:30:00Z");
        assertThat(market.symbols()).containsExactly("AAPL", "MSFT");
        assertThat(market.firstTime()).contains(open);
        assertThat(market.barsCompleted(open.minusSeconds(60), open.plusSeconds(59))).isEmpty();
        assertThat(market.barsCompleted(open.plusSeconds(59), open.plusSeconds(60))).containsExactly(aapl1, msft1);
        assertThat(market.barsCompleted(open.plusSeconds(60), open.plusSeconds(180))).containsExactly(aapl2, msft3);
    }

    @Test
    void pollingInSmallStepsServesEveryBarExactlyOnce() {
        ReplayMarket market = minutes();
        List<Bar> served = new ArrayList<>();
        Instant last = Instant.parse("2026-03-09T13:00:00Z");
        for (int i = 0; i < 400; i++) {
            Instant now = last.plusSeconds(13);
            served.addAll(market.barsCompleted(last, now));
            last = now;
        }
        assertThat(served).containsExactly(aapl1, msft1, aapl2, msft3);
    }

    @Test
    void aDailyBarCompletesAtItsSessionsCloseEvenOnAnEarlyClose() {
        Bar day = bar("AAPL", "2026-11-27T05:00:00Z"); // stamped at midnight New York, as some sources do
        ReplayMarket market = new ReplayMarket(Timeframe.DAY_1, calendar, Map.of("AAPL", List.of(day)));
        assertThat(market.barsCompleted(Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-27T17:59:59Z")))
                .isEmpty();
        assertThat(market.barsCompleted(Instant.parse("2026-11-27T17:59:59Z"), Instant.parse("2026-11-27T18:00:00Z")))
                .containsExactly(day);
    }

    @Test
    void anHourlyBarIsCutAtTheClose() {
        Bar last = bar("AAPL", "2026-03-09T19:30:00Z"); // 15:30 New York: the half-hour bucket
        ReplayMarket market = new ReplayMarket(Timeframe.HOUR_1, calendar, Map.of("AAPL", List.of(last)));
        assertThat(market.barsCompleted(Instant.parse("2026-03-09T19:59:00Z"), Instant.parse("2026-03-09T20:00:00Z")))
                .containsExactly(last);
    }

    @Test
    void historyIsServedForAHalfOpenRange() {
        ReplayMarket market = minutes();
        assertThat(market.bars("MSFT", Instant.parse("2026-03-09T13:30:00Z"), Instant.parse("2026-03-09T13:32:00Z")))
                .containsExactly(msft1);
        assertThat(market.bars("MSFT", Instant.parse("2026-03-09T13:31:00Z"), Instant.parse("2026-03-09T13:40:00Z")))
                .containsExactly(msft3);
        assertThat(market.bars("NOPE", Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void outOfOrderOrForeignBarsAreRejected() {
        assertThatThrownBy(() -> new ReplayMarket(Timeframe.MIN_1, calendar, Map.of("AAPL", List.of(aapl2, aapl1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new ReplayMarket(Timeframe.MIN_1, calendar, Map.of("AAPL", List.of(msft1))))
                .hasMessage("a bar of MSFT is among AAPL's");
    }
}
