package io.tradeloom.indicators.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tradeloom.indicators.IndicatorEngine;
import io.tradeloom.indicators.IndicatorSpec;
import io.tradeloom.indicators.TestBars;
import io.tradeloom.market.bar.BarSeries;

class SignalEngineTest {

    private final IndicatorEngine indicators = new IndicatorEngine();
    private final SignalEngine engine = new SignalEngine(indicators);
    private final SignalRules rules = SignalRules.defaults();

    @Test
    void aFreshUpwardEmaCrossAfterASellOffIsABuyWithAStopBelowTheClose() {
        BarSeries bars = untilTheCross(vShape(60, 0.998, 1.003), true);

        Signal signal = engine.evaluate(bars, rules);

        assertThat(signal.action()).isEqualTo(Action.BUY);
        assertThat(signal.score()).isGreaterThanOrEqualTo(0.3).isLessThanOrEqualTo(1);
        assertThat(signal.reasons()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("ema_cross");
            assertThat(r.contribution()).isEqualTo(0.3);
            assertThat(r.detail()).isEqualTo("EMA(9) crossed above EMA(21) on the last bar");
        });
        assertThat(signal.reasons()).anySatisfy(r -> assertThat(r.detail()).startsWith("ADX(14)").endsWith("strong uptrend"));
        int last = bars.size() - 1;
        assertThat(signal.time()).isEqualTo(bars.time()[last]);
        assertThat(signal.close()).isEqualTo(bars.close()[last]);
        double atr = indicators.compute(bars, IndicatorSpec.parse("ATR(14)")).value()[last];
        assertThat(signal.atr()).hasValue(atr);
        assertThat(signal.suggestedStop()).hasValueCloseTo(signal.close() - 2 * atr, within(1e-9));
    }

    @Test
    void aFreshDownwardEmaCrossAfterARallyIsASellWithAStopAboveTheClose() {
        BarSeries bars = untilTheCross(vShape(60, 1.002, 0.997), false);

        Signal signal = engine.evaluate(bars, rules);

        assertThat(signal.action()).isEqualTo(Action.SELL);
        assertThat(signal.score()).isLessThanOrEqualTo(-0.3).isGreaterThanOrEqualTo(-1);
        assertThat(signal.reasons()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("ema_cross");
            assertThat(r.contribution()).isEqualTo(-0.3);
            assertThat(r.detail()).isEqualTo("EMA(9) crossed below EMA(21) on the last bar");
        });
        assertThat(signal.suggestedStop()).hasValueCloseTo(signal.close() + 2 * signal.atr().orElseThrow(), within(1e-9));
    }

    @Test
    void aCrossStaysFreshForTheLookbackAndThenCountsHalf() {
        BarSeries full = vShape(60, 0.998, 1.003);
        int cross = untilTheCross(full, true).size() - 1;

        Reason twoBarsAfter = emaReason(TestBars.head(full, cross + 3));
        Reason threeBarsAfter = emaReason(TestBars.head(full, cross + 4));

        assertThat(twoBarsAfter.detail()).isEqualTo("EMA(9) crossed above EMA(21) 2 bars ago");
        assertThat(twoBarsAfter.contribution()).isEqualTo(0.3);
        assertThat(threeBarsAfter.detail()).matches("EMA\\(9\\) \\d+\\.\\d\\d above EMA\\(21\\) \\d+\\.\\d\\d");
        assertThat(threeBarsAfter.contribution()).isEqualTo(0.15);
    }

    @Test
    void aSellOffNamesRsiOversoldWithItsValue() {
        Signal signal = engine.evaluate(TestBars.head(vShape(60, 0.998, 1.003), 62), rules);

        assertThat(signal.reasons()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("rsi");
            assertThat(r.contribution()).isEqualTo(0.15);
            assertThat(r.detail()).matches("RSI\\(14\\) \\d+\\.\\d < 30: oversold");
        });
    }

    @Test
    void flatPricesHoldWithoutReasonsOrStop() {
        double[] closes = new double[200];
        Arrays.fill(closes, 42);

        Signal signal = engine.evaluate(TestBars.fromCloses(closes), rules);

        assertThat(signal.action()).isEqualTo(Action.HOLD);
        assertThat(signal.score()).isZero();
        assertThat(signal.reasons()).isEmpty();
        assertThat(signal.suggestedStop()).isEmpty();
    }

    @Test
    void tooFewBarsForTheIndicatorsHold() {
        Signal signal = engine.evaluate(TestBars.fromCloses(new double[] {10, 10.5, 11, 11.5, 12}), rules);

        assertThat(signal.action()).isEqualTo(Action.HOLD);
        assertThat(signal.atr()).isEmpty();
        assertThat(signal.suggestedStop()).isEmpty();
        assertThatThrownBy(() -> engine.evaluate(TestBars.fromCloses(new double[0]), rules))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRuleWeightedZeroNeverContributes() {
        SignalRules noTrend = new SignalRules(new SignalRules.EmaCross(0, 9, 21), new SignalRules.Adx(0, 14, 25),
                rules.rsi(), rules.macd(), rules.bollinger(), rules.atrMove(), 3, 0.3, -0.3, 2);

        Signal signal = engine.evaluate(untilTheCross(vShape(60, 0.998, 1.003), true), noTrend);

        assertThat(signal.reasons()).extracting(Reason::rule).doesNotContain("ema_cross", "adx");
    }

    @Test
    void onRandomSeriesTheScoreIsClippedToPlusMinusOneAndMatchesTheActionReasonsAndStop() {
        Random random = new Random(7);
        SignalRules heavy = new SignalRules(new SignalRules.EmaCross(1, 5, 13), new SignalRules.Adx(1, 7, 15),
                new SignalRules.Rsi(1, 7, 40, 60), new SignalRules.Macd(1, 5, 13, 4), new SignalRules.Bollinger(1, 10, 1),
                new SignalRules.AtrMove(1, 7, 0.5), 2, 0.5, -0.2, 1.5);
        for (int run = 0; run < 400; run++) {
            SignalRules r = run % 2 == 0 ? rules : heavy;
            BarSeries bars = randomWalk(random, 1 + random.nextInt(300));

            Signal signal = engine.evaluate(bars, r);

            String what = "run " + run;
            assertThat(signal.score()).as(what).isBetween(-1.0, 1.0);
            double sum = signal.reasons().stream().mapToDouble(Reason::contribution).sum();
            assertThat(signal.score()).as(what).isCloseTo(Math.max(-1, Math.min(1, sum)), within(1e-4));
            assertThat(signal.reasons()).as(what).allSatisfy(reason -> assertThat(reason.contribution()).isNotZero()
                    .isBetween(-1.0, 1.0));
            Action expected = signal.score() >= r.buyThreshold() ? Action.BUY
                    : signal.score() <= r.sellThreshold() ? Action.SELL : Action.HOLD;
            assertThat(signal.action()).as(what).isEqualTo(expected);
            if (signal.action() == Action.BUY && signal.suggestedStop().isPresent()) {
                assertThat(signal.suggestedStop().getAsDouble()).as(what).isLessThan(signal.close()).isPositive();
            } else if (signal.action() == Action.SELL && signal.atr().isPresent() && signal.atr().getAsDouble() > 0) {
                assertThat(signal.suggestedStop().getAsDouble()).as(what).isGreaterThan(signal.close());
            } else if (signal.action() == Action.HOLD) {
                assertThat(signal.suggestedStop()).as(what).isEmpty();
            }
        }
    }

    @Test
    void rulesRefuseInconsistentSettings() {
        assertThatThrownBy(() -> new SignalRules.EmaCross(0.3, 21, 9)).hasMessageContaining("fast (21) must be below slow (9)");
        assertThatThrownBy(() -> new SignalRules.Macd(0.2, 26, 12, 9)).hasMessageContaining("MACD fastperiod (26) must be below");
        assertThatThrownBy(() -> new SignalRules.Rsi(0.2, 1, 30, 70)).hasMessageContaining("RSI timeperiod must be a whole number from 2");
        assertThatThrownBy(() -> new SignalRules.Rsi(0.2, 14, 70, 30)).hasMessageContaining("oversold < overbought");
        assertThatThrownBy(() -> new SignalRules.Adx(1.5, 14, 25)).hasMessageContaining("adx weight must be in [0, 1]");
        SignalRules d = SignalRules.defaults();
        assertThatThrownBy(() -> new SignalRules(d.emaCross(), d.adx(), d.rsi(), d.macd(), d.bollinger(), d.atrMove(), 3, -0.3, 0.3, 2))
                .hasMessageContaining("sell-threshold < buy-threshold");
    }

    private Reason emaReason(BarSeries bars) {
        return engine.evaluate(bars, rules).reasons().stream().filter(r -> r.rule().equals("ema_cross")).findFirst().orElseThrow();
    }

    /** {@code legs} bars trending by {@code first} per bar, then as many trending by {@code second}, with a little noise. */
    private static BarSeries vShape(int leg, double first, double second) {
        double[] closes = new double[2 * leg];
        double price = 100;
        for (int i = 0; i < closes.length; i++) {
            price *= (i < leg ? first : second) * (1 + 0.0015 * Math.sin(i * 1.7));
            closes[i] = price;
        }
        return TestBars.fromCloses(closes);
    }

    /** The series up to the first bar after its first leg where EMA(9) closes above (or below) EMA(21). */
    private BarSeries untilTheCross(BarSeries bars, boolean up) {
        double[] fast = indicators.compute(bars, IndicatorSpec.parse("EMA(9)")).value();
        double[] slow = indicators.compute(bars, IndicatorSpec.parse("EMA(21)")).value();
        for (int i = bars.size() / 2; i < bars.size(); i++) {
            if (up ? fast[i] > slow[i] : fast[i] < slow[i]) {
                return TestBars.head(bars, i + 1);
            }
        }
        throw new AssertionError("no cross");
    }

    private static BarSeries randomWalk(Random random, int n) {
        double[] closes = new double[n];
        double price = 5 + random.nextDouble() * 200;
        double volatility = 0.0005 + random.nextDouble() * 0.02;
        double drift = (random.nextDouble() - 0.5) * volatility;
        for (int i = 0; i < n; i++) {
            price *= Math.exp(drift + volatility * random.nextGaussian());
            closes[i] = price;
        }
        return TestBars.fromCloses(closes);
    }
}
