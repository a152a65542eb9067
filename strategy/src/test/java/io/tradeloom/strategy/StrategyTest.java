package io.tradeloom.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategyTest {

    private static final Instant NOW = Instant.parse("2026-03-09T15:00:00Z");
    private static final SessionTime MIDDAY = new SessionTime(NOW, Instant.parse("2026-03-09T21:00:00Z"));
    private static final Account ACCOUNT = new Account(new BigDecimal("100000.00"), null);

    private final Strategy strategy = new Strategy(StrategyConfig.DEFAULT);

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static TechnicalSignal signal(SignalAction action, String score, String close, String stop) {
        return new TechnicalSignal(action, d(score), d(close), d("0.5"), stop == null ? null : d(stop), List.of("test"));
    }

    @Test
    void entersLongWithABracketSizedFromRiskAndCappedByPositionValue() {
        // composite = 0.5*0.6 + 0.2*0.5 (one +100 pattern) + 0.15*0 + 0.15*0.3 = 0.445
        Candidate c = new Candidate("AAPL", d("50.00"), signal(SignalAction.BUY, "0.6", "50.00", "49.00"),
                List.of(new CandleSignal("CDLENGULFING", 100, 0)), null, d("0.3"));

        Evaluation e = strategy.entry(c, ACCOUNT, MIDDAY);

        assertThat(e.decision()).isEqualTo(Decision.ENTER_LONG);
        assertThat(e.score()).isEqualByComparingTo("0.445");
        // risk 0.5% of 100,000 = 500 over 1.00 = 500 shares; 10% of equity / 50 = 200 shares caps it
        Bracket b = e.bracket().orElseThrow();
        assertThat(b.side()).isEqualTo(Side.BUY);
        assertThat(b.quantity()).isEqualTo(200);
        assertThat(b.entry()).isEqualByComparingTo("50.00");
        assertThat(b.stop()).isEqualByComparingTo("49.00");
        assertThat(b.target()).isEqualByComparingTo("52.00");
        assertThat(b.riskAmount()).isEqualByComparingTo("200.00");
        assertThat(e.reasons()).anyMatch(r -> r.contains("confirmed by candles, sentiment"))
                .anyMatch(r -> r.startsWith("capped at 200 shares"));
    }

    @Test
    void sizesFromRiskPercentOverTheAtrStopDistance() {
        Candidate c = new Candidate("MSFT", d("20.00"), signal(SignalAction.BUY, "0.8", "20.00", "17.50"),
                List.of(new CandleSignal("CDLHAMMER", 100, 1)), null, null);

        Bracket b = strategy.entry(c, ACCOUNT, MIDDAY).bracket().orElseThrow();

        // 500 / 2.50 = 200 shares, worth 4,000 (< 10,000 cap); target 20 + 2 x 2.50
        assertThat(b.quantity()).isEqualTo(200);
        assertThat(b.stop()).isEqualByComparingTo("17.50");
        assertThat(b.target()).isEqualByComparingTo("25.00");
        assertThat(b.riskAmount()).isEqualByComparingTo("500.00");
    }

    @Test
    void appliesTheAtrDistanceToTheQuotedPriceNotTheClose() {
        Candidate c = new Candidate("MSFT", d("20.37"), signal(SignalAction.BUY, "0.8", "20.00", "19.00"),
                List.of(new CandleSignal("CDLHAMMER", 100, 0)), null, null);

        Bracket b = strategy.entry(c, ACCOUNT, MIDDAY).bracket().orElseThrow();

        assertThat(b.entry()).isEqualByComparingTo("20.37");
        assertThat(b.stop()).isEqualByComparingTo("19.37");
        assertThat(b.target()).isEqualByComparingTo("22.37");
        assertThat(b.quantity()).isEqualTo(490); // min(500/1.00, floor(10,000/20.37) = 490)
    }

    @Test
    void entersShortWithTheStopAboveAndTheTargetBelow() {
        // composite = 0.5*-0.7 + 0.15*-0.4 = -0.41
        Candidate c = new Candidate("TSLA", d("40.00"), signal(SignalAction.SELL, "-0.7", "40.00", "41.00"),
                List.of(), null, d("-0.4"));

        Evaluation e = strategy.entry(c, ACCOUNT, MIDDAY);

        assertThat(e.decision()).isEqualTo(Decision.ENTER_SHORT);
        assertThat(e.score()).isEqualByComparingTo("-0.41");
        Bracket b = e.bracket().orElseThrow();
        assertThat(b.side()).isEqualTo(Side.SELL);
        assertThat(b.stop()).isEqualByComparingTo("41.00");
        assertThat(b.target()).isEqualByComparingTo("38.00");
        assertThat(b.quantity()).isEqualTo(250); // 500 shares by risk, 10,000 / 40 = 250 by value
    }

    @Test
    void doesNotShortWhenShortsAreDisabled() {
        Strategy longOnly = new Strategy(StrategyConfig.fromSettings(Map.of("STRATEGY_ALLOW_SHORT", "false")::get));
        Candidate c = new Candidate("TSLA", d("40.00"), signal(SignalAction.SELL, "-0.7", "40.00", "41.00"),
                List.of(), null, d("-0.4"));

        Evaluation e = longOnly.entry(c, ACCOUNT, MIDDAY);

        assertThat(e.decision()).isEqualTo(Decision.HOLD);
        assertThat(e.reasons()).anyMatch(r -> r.contains("short selling is disabled"));
    }

    @Test
    void holdsWhenTheCompositeScoreMissesTheThreshold() {
        Candidate c = new Candidate("AAPL", null, signal(SignalAction.BUY, "0.38", "50.00", "49.00"),
                List.of(new CandleSignal("CDLENGULFING", 100, 0)), null, null);

        Evaluation e = strategy.entry(c, ACCOUNT, MIDDAY);

        assertThat(e.decision()).isEqualTo(Decision.HOLD);
        assertThat(e.score()).isEqualByComparingTo("0.29"); // 0.5*0.38 + 0.2*0.5
        assertThat(e.bracket()).isEmpty();
    }

    @Test
    void readsMissingChartBiasAndSentimentAsNeutral() {
        Candidate c = new Candidate("AAPL", null, signal(SignalAction.BUY, "0.6", "50.00", "49.00"), null, null, null);

        Evaluation.Components x = strategy.components(c);

        assertThat(x.chart()).isZero();
        assertThat(x.sentiment()).isZero();
        assertThat(x.candles()).isZero();
        assertThat(strategy.composite(x)).isEqualByComparingTo("0.30");
    }

    @Test
    void requiresTheConfiguredConfirmations() {
        // technical alone: composite 0.5 passes the threshold but nothing confirms it
        Candidate c = new Candidate("AAPL", null, signal(SignalAction.BUY, "1", "50.00", "49.00"), List.of(), d("0.1"), d("0.19"));

        Evaluation e = strategy.entry(c, ACCOUNT, MIDDAY);

        assertThat(e.decision()).isEqualTo(Decision.HOLD);
        assertThat(e.reasons()).last().asString().isEqualTo("0 confirmation(s), 1 required");
    }

    @Test
    void vetoesAnEntryThatSentimentStronglyOpposes() {
        // 0.5*0.9 + 0.2*1 (a confirmed +200) - 0.15*0.6 = 0.56
        Candidate c = new Candidate("AAPL", null, signal(SignalAction.BUY, "0.9", "50.00", "49.00"),
                List.of(new CandleSignal("CDLHIKKAKEMOD", 200, 0)), null, d("-0.6"));

        Evaluation e = strategy.entry(c, ACCOUNT, MIDDAY);

        assertThat(e.score()).isEqualByComparingTo("0.56");
        assertThat(e.decision()).isEqualTo(Decision.HOLD);
        assertThat(e.reasons()).last().asString().isEqualTo("sentiment 0.6000 against a long entry (veto at 0.50)");
    }

    @Test
    void ignoresNeutralAndOldCandlestickPatterns() {
        Candidate c = new Candidate("AAPL", null, signal(SignalAction.BUY, "0.9", "50.00", "49.00"),
                List.of(new CandleSignal("CDLDOJI", 100, 0), new CandleSignal("CDLENGULFING", 100, 3)), null, null);

        assertThat(strategy.components(c).candles()).isZero();
    }

    @Test
    void makesNoEntryCloseToTheClose() {
        Candidate c = new Candidate("AAPL", null, signal(SignalAction.BUY, "0.9", "50.00", "49.00"),
                List.of(new CandleSignal("CDLENGULFING", 100, 0)), null, null);
        SessionTime late = new SessionTime(Instant.parse("2026-03-09T20:31:00Z"), Instant.parse("2026-03-09T21:00:00Z"));

        Evaluation e = strategy.entry(c, ACCOUNT, late);

        assertThat(e.decision()).isEqualTo(Decision.HOLD);
        assertThat(e.reasons()).containsExactly("29 minutes to the close: no entries within 30");
    }

    @Test
    void holdsWhenTheSizeRoundsToZero() {
        Candidate c = new Candidate("AAPL", null, signal(SignalAction.BUY, "0.9", "50.00", "49.00"),
                List.of(new CandleSignal("CDLENGULFING", 100, 0)), null, null);

        Evaluation e = strategy.entry(c, new Account(new BigDecimal("100000"), new BigDecimal("49.99")), MIDDAY);

        assertThat(e.decision()).isEqualTo(Decision.HOLD);
        assertThat(e.reasons()).last().asString().isEqualTo("the size rounds to 0 shares: no entry");
    }

    @Test
    void exitsALongOnASellSignal() {
        Candidate c = new Candidate("AAPL", null, signal(SignalAction.SELL, "-0.3", "50.00", "51.00"), null, null, null);
        Position p = new Position("AAPL", 100, d("48.00"), NOW.minusSeconds(600));

        Evaluation e = strategy.decide(c, p, ACCOUNT, MIDDAY);

        assertThat(e.decision()).isEqualTo(Decision.EXIT);
        assertThat(e.reasons()).singleElement().asString().startsWith("signal reversal: technical signal SELL");
    }

    @Test
    void exitsAShortWhenTheCompositeTurnsAgainstIt() {
        // HOLD signal 0.2 with sentiment 1.0: 0.1 + 0.15 = 0.25 >= 0.20 against the short
        Candidate c = new Candidate("AAPL", null, signal(SignalAction.HOLD, "0.2", "50.00", null), null, null, d("1"));
        Position p = new Position("AAPL", -100, d("52.00"), NOW.minusSeconds(600));

        Evaluation e = strategy.exit(c, p, MIDDAY);

        assertThat(e.decision()).isEqualTo(Decision.EXIT);
        assertThat(e.reasons()).singleElement().asString().startsWith("signal reversal: composite score 0.2500");
    }

    @Test
    void exitsOnTheTimeStopAndBeforeTheCloseEvenWithoutASignal() {
        Candidate c = new Candidate("AAPL", null, null, null, null, null);
        Position p = new Position("AAPL", 100, d("48.00"), Instant.parse("2026-03-09T18:30:00Z"));
        SessionTime late = new SessionTime(Instant.parse("2026-03-09T20:52:00Z"), Instant.parse("2026-03-09T21:00:00Z"));

        Evaluation e = strategy.exit(c, p, late);

        assertThat(e.decision()).isEqualTo(Decision.EXIT);
        assertThat(e.reasons()).containsExactly(
                "flat at end of day: 8 minutes to the close (flat within 10)",
                "time stop: held 142 minutes (at most 120)");
    }

    @Test
    void keepsAPositionWhenNoExitRuleFires() {
        Candidate c = new Candidate("AAPL", null, signal(SignalAction.BUY, "0.5", "50.00", "49.00"), null, null, null);
        Position p = new Position("AAPL", 100, d("48.00"), NOW.minusSeconds(600));

        Evaluation e = strategy.decide(c, p, ACCOUNT, MIDDAY);

        assertThat(e.decision()).isEqualTo(Decision.HOLD);
        assertThat(e.reasons()).containsExactly("position of 100 kept: no exit rule fired");
    }

    @Test
    void readsOverridesFromSettingsAndNamesABadOne() {
        StrategyConfig c = StrategyConfig.fromSettings(Map.of("STRATEGY_RISK_PERCENT", "1.5", "STRATEGY_NAME", "momo")::get);
        assertThat(c.riskPercent()).isEqualByComparingTo("1.5");
        assertThat(c.name()).isEqualTo("momo");
        assertThat(c.entryThreshold()).isEqualByComparingTo(StrategyConfig.DEFAULT.entryThreshold());

        assertThatThrownBy(() -> StrategyConfig.fromSettings(Map.of("STRATEGY_ENTRY_THRESHOLD", "1.5")::get))
                .hasMessage("STRATEGY_ENTRY_THRESHOLD must be in (0, 1], was 1.5");
        assertThatThrownBy(() -> StrategyConfig.fromSettings(Map.of("STRATEGY_MAX_SHARES", "lots")::get))
                .hasMessage("STRATEGY_MAX_SHARES must be a whole number, was 'lots'");
    }

    @Test
    void buildsDeterministicClientOrderIds() {
        assertThat(ClientOrderIds.of("default", "c42", "AAPL", "entry")).isEqualTo("default:c42:AAPL:entry");
        assertThat(ClientOrderIds.of("default", "c42", "BRK.B", "exit")).isEqualTo("default:c42:BRK.B:exit");
        assertThatThrownBy(() -> ClientOrderIds.of("default", "c:42", "AAPL", "entry")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientOrderIds.of("default", "c".repeat(120), "AAPL", "entry"))
                .hasMessageContaining("longer than 128");
    }
}
