package io.tradeloom.backtest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.tradeloom.broker.BrokerConfig;
import io.tradeloom.broker.RiskLimits;
import io.tradeloom.indicators.signal.SignalRules;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.Session;
import io.tradeloom.market.scan.Preset;
import io.tradeloom.market.scan.ScanCriteria;
import io.tradeloom.market.sim.SimSymbol;
import io.tradeloom.market.sim.SimulatedMarket;
import io.tradeloom.strategy.StrategyConfig;

/**
 * Backtest throughput: the full strategy (scanner state, signals, candlestick patterns, strategy, paper broker)
 * over simulated one-minute bars, in bars per second of wall-clock time and per CPU-second of the backtest's
 * thread, with peak heap and peak resident memory. Not a test: run it by hand (docs/benchmarks.md).
 *
 * <pre>
 * java -Xmx2g -cp "reporting/target/reporting.jar:reporting/target/libs/*" io.tradeloom.backtest.BacktestBenchmark single
 * java -Xmx2g -cp "reporting/target/reporting.jar:reporting/target/libs/*" io.tradeloom.backtest.BacktestBenchmark universe
 * </pre>
 * {@code single}: 1 symbol x 1,000,000 bars (the sessions from 2016-01-04 that hold them); {@code universe}: 100 symbols x one year
 * (the 250 sessions of 2025, 96,960 bars each: early closes are shorter). {@code --sessions N} runs only the first N sessions (the rates stay comparable);
 * {@code --preset P} evaluates only the scan's candidates (and open positions) at each minute, as live cycles do.
 */
public final class BacktestBenchmark {

    private BacktestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("single") || args[0].equals("universe"))) {
            System.err.println("usage: BacktestBenchmark single|universe [--sessions N] [--preset momentum|gappers|...]");
            System.exit(2);
        }
        boolean single = args[0].equals("single");
        int symbols = single ? 1 : 100;
        int sessions = 250;
        ScanCriteria scan = null;
        boolean sessionsGiven = false;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sessions" -> {
                    sessions = Integer.parseInt(args[i + 1]);
                    sessionsGiven = true;
                }
                case "--preset" -> scan = Preset.parse(args[i + 1]).criteria();
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        NyseCalendar calendar = new NyseCalendar();
        LocalDate first = single ? LocalDate.parse("2016-01-04") : LocalDate.parse("2025-01-02");
        LocalDate last = first;
        long minutes = calendar.session(first).orElseThrow().minutes();
        int count = 1;
        // single: sessions until 1,000,000 minutes (early closes are shorter), unless --sessions sets the count
        while (single && !sessionsGiven ? minutes < 1_000_000 : count < sessions) {
            last = calendar.nextTradingDay(last);
            minutes += calendar.session(last).orElseThrow().minutes();
            count++;
        }
        sessions = count;
        List<SimSymbol> universe = new ArrayList<>();
        for (int i = 0; i < symbols; i++) {
            universe.add(new SimSymbol(String.format(Locale.ROOT, "S%03d", i), "Stock " + i,
                    BigDecimal.valueOf(20 + 3L * i), 0.5 + (i % 10) / 10.0, 0.015 + (i % 7) * 0.003, 1_000_000 + 50_000L * i));
        }
        List<String> names = universe.stream().map(SimSymbol::symbol).toList();
        Instant start = calendar.session(first).orElseThrow().open();
        Instant end = calendar.session(last).map(Session::close).orElseThrow();
        BacktestSpec spec = new BacktestSpec(names, Timeframe.MIN_1, start, end,
                BrokerConfig.defaults().withCommission(new BigDecimal("0.005"), BigDecimal.ZERO, BigDecimal.ZERO)
                        .withSlippageBps(BigDecimal.ONE),
                RiskLimits.none(), StrategyConfig.DEFAULT, SignalRules.defaults(), scan, BacktestSpec.DEFAULT_LOOKBACK);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        // The feed alone: what generating the simulated bars costs, part of every figure below.
        SimulatedMarket feedOnly = new SimulatedMarket(42, universe, calendar, first);
        long feedCpu = threads.getCurrentThreadCpuTime();
        long feedBars = 0;
        for (LocalDate d = first; !d.isAfter(last); d = calendar.nextTradingDay(d)) {
            Session s = calendar.session(d).orElseThrow();
            feedBars += feedOnly.barsCompleted(s.open(), s.close()).size();
        }
        feedCpu = threads.getCurrentThreadCpuTime() - feedCpu;

        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        System.gc();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        BacktestResult r = new BacktestEngine(calendar).run(spec, new SimulatedMarket(42, universe, calendar, first));
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        sampler.interrupt();

        double wallS = wall / 1e9;
        double cpuS = cpu / 1e9;
        System.out.printf(Locale.ROOT, "scenario %s%s: %d symbols x %d sessions = %,d bars (%s .. %s)%n", args[0],
                scan == null ? "" : " (scan preset)", symbols, sessions, r.bars(), first, last);
        System.out.printf(Locale.ROOT, "fills %,d; final equity %s%n", r.fills().size(), r.finalEquity().toPlainString());
        System.out.printf(Locale.ROOT, "wall %.1f s: %,.0f bars/s%n", wallS, r.bars() / wallS);
        System.out.printf(Locale.ROOT, "cpu  %.1f s: %,.0f bars per CPU-second (feed alone: %,.0f bars per CPU-second)%n",
                cpuS, r.bars() / cpuS, feedBars / (feedCpu / 1e9));
        System.out.printf(Locale.ROOT, "peak heap used %,d MB (sampled every 20 ms); peak RSS %s; max heap %,d MB%n",
                peakHeap.get() >> 20, peakRss(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The process's peak resident set (Linux VmHWM), or "n/a". */
    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%,d MB", kb >> 10);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "n/a";
    }
}
