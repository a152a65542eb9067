package io.tradeloom.reporting.backtests;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.tradeloom.backtest.BacktestSpec;
import io.tradeloom.backtest.StrategyParameters;
import io.tradeloom.broker.BrokerConfig;
import io.tradeloom.broker.RiskLimits;
import io.tradeloom.indicators.signal.SignalRules;
import io.tradeloom.market.MarketFeed;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.replay.CsvBarLoader;
import io.tradeloom.market.replay.ReplayDataException;
import io.tradeloom.market.replay.ReplayMarket;
import io.tradeloom.market.scan.Preset;
import io.tradeloom.market.sim.SimSymbol;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.market.sim.SimulatedMarket;
import io.tradeloom.platform.http.Validation;
import io.tradeloom.strategy.StrategyConfig;

/**
 * A validated backtest request: the engine's spec and the market it runs over. Every problem of a request is
 * reported at once, each naming its field, before anything runs or is stored.
 */
public record BacktestPlan(BacktestSpec spec, MarketFeed feed) {

    /** Limits and defaults from the service's settings. */
    public record Limits(int maxSymbols, int maxDays, int lookbackBars, long simSeed, Path replayDir) {
    }

    public static BacktestPlan of(BacktestRequest r, Limits limits, NyseCalendar calendar) {
        Validation v = new Validation();
        Timeframe timeframe = Timeframe.MIN_1;
        if (r.timeframe() != null) {
            try {
                timeframe = Timeframe.parse(r.timeframe());
                v.require(timeframe != Timeframe.DAY_1, "timeframe", "must be intraday: 1Min, 5Min, 15Min or 1Hour");
            } catch (IllegalArgumentException e) {
                v.require(false, "timeframe", e.getMessage());
            }
        }
        Instant start = time(r.start(), "start", false, v);
        Instant end = time(r.end(), "end", true, v);
        if (start != null && end != null) {
            v.require(end.isAfter(start), "end", "must be after start")
                    .require(Duration.between(start, end).toDays() <= limits.maxDays(), "end",
                            "is more than " + limits.maxDays() + " days after start (BACKTESTS_MAX_DAYS)");
        }
        String source = r.source() == null ? "sim" : r.source().trim().toLowerCase(Locale.ROOT);
        boolean knownSource = source.equals("sim") || source.equals("replay");
        v.require(knownSource, "source", "must be sim or replay, was '" + r.source() + "'");
        v.require(r.seed() == null || source.equals("sim"), "seed", "is for the simulated market (source sim) only");
        List<String> symbols = symbols(r.symbols(), limits.maxSymbols(), v);
        BigDecimal cash = r.startingCash() == null ? new BigDecimal("100000") : r.startingCash();
        v.require(cash.signum() > 0, "starting_cash", "must be positive");
        BrokerConfig broker = BrokerConfig.defaults().withStartingCash(cash.signum() > 0 ? cash : BigDecimal.ONE);
        if (r.costs() != null) {
            BacktestRequest.Costs c = r.costs();
            BigDecimal perShare = cost(c.commissionPerShare(), "costs.commission_per_share", v);
            BigDecimal perOrder = cost(c.commissionPerOrder(), "costs.commission_per_order", v);
            BigDecimal bps = cost(c.commissionBps(), "costs.commission_bps", v);
            BigDecimal slippage = cost(c.slippageBps(), "costs.slippage_bps", v);
            broker = broker.withCommission(perShare, perOrder, bps).withSlippageBps(slippage);
        }
        StrategyConfig strategy = StrategyConfig.DEFAULT;
        if (r.strategy() != null) {
            Map<String, String> params = new LinkedHashMap<>();
            r.strategy().forEach((k, value) -> params.put(k, value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value)));
            try {
                strategy = StrategyParameters.config(params);
            } catch (IllegalArgumentException e) {
                v.require(false, "strategy", e.getMessage());
            }
        }
        Preset preset = null;
        if (r.preset() != null) {
            try {
                preset = Preset.parse(r.preset());
            } catch (IllegalArgumentException e) {
                v.require(false, "preset", e.getMessage());
            }
        }
        int lookback = r.lookbackBars() == null ? limits.lookbackBars() : r.lookbackBars();
        v.require(lookback >= 2 && lookback <= 100_000, "lookback_bars", "must be between 2 and 100000, was " + lookback);
        MarketFeed feed = null;
        if (symbols != null && start != null && end != null && knownSource) {
            feed = source.equals("sim") ? simulated(r, symbols, start, limits, calendar, v) : replay(symbols, limits, calendar, v);
        }
        v.throwIfInvalid();
        BacktestSpec spec = new BacktestSpec(symbols, timeframe, start, end, broker, RiskLimits.defaults(), strategy,
                SignalRules.defaults(), preset == null ? null : preset.criteria(), lookback);
        return new BacktestPlan(spec, feed);
    }

    private static SimulatedMarket simulated(BacktestRequest r, List<String> symbols, Instant start, Limits limits,
                                             NyseCalendar calendar, Validation v) {
        Set<String> universe = SimUniverse.defaults().stream().map(SimSymbol::symbol).collect(Collectors.toSet());
        for (int i = 0; i < symbols.size(); i++) {
            v.require(universe.contains(symbols.get(i)), "symbols[" + i + "]",
                    "'" + symbols.get(i) + "' is not in the simulated market's universe");
        }
        long seed = r.seed() == null ? limits.simSeed() : r.seed();
        return new SimulatedMarket(seed, SimUniverse.defaults(), calendar, NyseCalendar.dateOf(start));
    }

    private static ReplayMarket replay(List<String> symbols, Limits limits, NyseCalendar calendar, Validation v) {
        Map<String, List<Bar>> bars = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            Path file = CsvBarLoader.file(limits.replayDir(), symbols.get(i), Timeframe.MIN_1);
            if (!Files.isRegularFile(file)) {
                v.require(false, "symbols[" + i + "]", "has no replay file " + file.getFileName() + " in REPLAY_DIR");
                continue;
            }
            try {
                bars.put(symbols.get(i), CsvBarLoader.load(limits.replayDir(), symbols.get(i), Timeframe.MIN_1));
            } catch (ReplayDataException | IOException e) {
                v.require(false, "symbols[" + i + "]", "cannot be replayed: " + e.getMessage());
            }
        }
        return bars.size() == symbols.size() ? new ReplayMarket(Timeframe.MIN_1, calendar, bars) : null;
    }

    private static List<String> symbols(List<String> raw, int max, Validation v) {
        if (raw == null || raw.isEmpty()) {
            v.require(false, "symbols", "must list at least one symbol, e.g. [\"AAPL\"]");
            return null;
        }
        if (raw.size() > max) {
            v.require(false, "symbols", "lists " + raw.size() + " symbols; at most " + max + " (BACKTESTS_MAX_SYMBOLS)");
            return null;
        }
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i) == null ? "" : raw.get(i).trim().toUpperCase(Locale.ROOT);
            v.require(s.matches("[A-Z0-9.]{1,12}"), "symbols[" + i + "]", "must be a ticker such as AAPL");
            Integer first = seen.putIfAbsent(s, i);
            v.require(first == null, "symbols[" + i + "]", "repeats symbols[" + first + "]");
            out.add(s);
        }
        return out;
    }

    private static BigDecimal cost(BigDecimal value, String field, Validation v) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        v.require(value.signum() >= 0, field, "must not be negative");
        return value.max(BigDecimal.ZERO);
    }

    /** A New York date (start of the day; for the end, the end of the day) or an RFC 3339 time. */
    private static Instant time(String raw, String field, boolean isEnd, Validation v) {
        if (raw == null || raw.isBlank()) {
            v.require(false, field, "is required: a date such as 2026-03-02 or an RFC 3339 time");
            return null;
        }
        try {
            if (raw.trim().length() == 10) {
                LocalDate d = LocalDate.parse(raw.trim());
                return (isEnd ? d.plusDays(1) : d).atStartOfDay(NyseCalendar.ZONE).toInstant();
            }
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeParseException e) {
            v.require(false, field, "must be a date such as 2026-03-02 or an RFC 3339 time, was '" + raw + "'");
            return null;
        }
    }
}
