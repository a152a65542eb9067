package io.tradeloom.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tradeloom.broker.BrokerConfig;
import io.tradeloom.broker.RiskLimits;
import io.tradeloom.indicators.signal.SignalRules;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.replay.ReplayMarket;
import io.tradeloom.market.scan.Preset;
import io.tradeloom.market.scan.ScanCriteria;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.market.sim.SimulatedMarket;
import io.tradeloom.strategy.Evaluation;

/** The engine: deterministic to the cent, and blind to the future. */
class BacktestEngineTest {

    static final NyseCalendar CALENDAR = new NyseCalendar();
    static final LocalDate FIRST = LocalDate.parse("2026-03-02");
    static final Instant START = Instant.parse("2026-03-02T14:30:00Z");
    static final Instant END = Instant.parse("2026-03-07T00:00:00Z");
    static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "TSLA");

    static BacktestSpec spec() {
        return spec(null);
    }

    static BacktestSpec spec(ScanCriteria scan) {
        return new BacktestSpec(SYMBOLS, Timeframe.MIN_1, START, END,
                BrokerConfig.defaults().withCommission(new BigDecimal("0.005"), BigDecimal.ZERO, BigDecimal.ZERO)
                        .withSlippageBps(BigDecimal.ONE),
                RiskLimits.defaults(),
                StrategyParameters.config(Map.of("name", "bt", "required_confirmations", "0", "entry_threshold", "0.25")),
                SignalRules.defaults(), scan, 120);
    }

    static SimulatedMarket market() {
        return new SimulatedMarket(42, SimUniverse.defaults(), CALENDAR, FIRST);
    }

    @Test
    void theSameSpecAndBarsGiveTheSameFillsAndEquityToTheCent() {
        BacktestResult first = new BacktestEngine(CALENDAR).run(spec(), market());
        BacktestResult second = new BacktestEngine(CALENDAR).run(spec(), market());

        assertThat(first.fills()).hasSizeGreaterThan(10);
        assertThat(second.fills()).isEqualTo(first.fills());
        assertThat(second.equity()).isEqualTo(first.equity());
        assertThat(second.finalEquity()).isEqualTo(first.finalEquity());
        assertThat(first.bars()).isEqualTo(4L * 5 * 390);
    }

    @Test
    void aDecisionSeesNoBarAfterItsOwnAndItsOrderFillsOnTheNextBarAtTheEarliest() {
        Map<String, List<Bar>> bars = new HashMap<>();
        SimulatedMarket sim = market();
        for (String s : SYMBOLS) {
            bars.put(s, sim.bars(s, START, END));
        }
        // Plant an absurd future: on the fourth day at 15:00 UTC, AAPL's bar jumps tenfold.
        Instant planted = Instant.parse("2026-03-05T15:00:00Z");
        Map<String, List<Bar>> future = new HashMap<>(bars);
        List<Bar> aapl = new ArrayList<>(bars.get("AAPL"));
        for (int i = 0; i < aapl.size(); i++) {
            Bar b = aapl.get(i);
            if (b.time().equals(planted)) {
                BigDecimal ten = BigDecimal.TEN;
                aapl.set(i, new Bar(b.symbol(), b.time(), b.open(), b.high().multiply(ten), b.low(), b.close().multiply(ten), b.volume() * 50));
            }
        }
        future.put("AAPL", aapl);

        List<String> plain = new ArrayList<>();
        List<String> planted1 = new ArrayList<>();
        BacktestResult a = new BacktestEngine(CALENDAR).run(spec(), new ReplayMarket(Timeframe.MIN_1, CALENDAR, bars), recorder(plain));
        BacktestResult b = new BacktestEngine(CALENDAR).run(spec(), new ReplayMarket(Timeframe.MIN_1, CALENDAR, future), recorder(planted1));

        // Every decision made before the planted bar ended is the same, and so is every fill before it.
        Instant seen = planted.plusSeconds(60);
        assertThat(before(planted1, seen)).isEqualTo(before(plain, seen)).isNotEmpty();
        assertThat(b.fills().stream().filter(f -> f.time().isBefore(planted)).toList())
                .isEqualTo(a.fills().stream().filter(f -> f.time().isBefore(planted)).toList());
        // ... and the planted bar is seen the moment it has ended: AAPL's decision at its end differs.
        assertThat(at(planted1, seen, "AAPL")).isNotEqualTo(at(plain, seen, "AAPL"));

        // An order decided at t (its client id carries t, the decided bar's end) fills at t or later: bar t+1.
        for (BacktestResult r : List.of(a, b)) {
            for (SimFill f : r.fills()) {
                String[] parts = f.clientOrderId().split(":");
                if (parts.length == 4) {
                    Instant decided = Instant.ofEpochSecond(Long.parseLong(parts[1].substring(1)));
                    assertThat(f.time()).as(f.toString()).isAfterOrEqualTo(decided);
                }
            }
        }
    }

    @Test
    void withAScanPresetOnlyTheScansCandidatesAndOpenPositionsAreEvaluatedDeterministically() {
        List<String> all = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        List<String> again = new ArrayList<>();
        new BacktestEngine(CALENDAR).run(spec(), market(), recorder(all));
        BacktestResult first = new BacktestEngine(CALENDAR).run(spec(Preset.TOP_GAINERS.criteria()), market(), recorder(scanned));
        BacktestResult second = new BacktestEngine(CALENDAR).run(spec(Preset.TOP_GAINERS.criteria()), market(), recorder(again));

        // Without a scan every symbol is judged at every minute; top gainers leaves the losers of the day out.
        assertThat(all).hasSize(SYMBOLS.size() * 5 * 390);
        assertThat(scanned).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(again).isEqualTo(scanned);
        assertThat(second.fills()).isEqualTo(first.fills());
    }

    private static BacktestEngine.Observer recorder(List<String> log) {
        return (at, e) -> log.add(at + " " + line(e));
    }

    private static String line(Evaluation e) {
        return e.symbol() + " " + e.decision() + " " + e.score() + " " + e.bracket().map(Object::toString).orElse("");
    }

    private static List<String> before(List<String> log, Instant t) {
        return log.stream().filter(l -> Instant.parse(l.substring(0, l.indexOf(' '))).isBefore(t)).toList();
    }

    private static List<String> at(List<String> log, Instant t, String symbol) {
        return log.stream().filter(l -> l.startsWith(t + " " + symbol + " ")).toList();
    }
}
