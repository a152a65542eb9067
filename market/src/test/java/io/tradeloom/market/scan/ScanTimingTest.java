package io.tradeloom.market.scan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.clock.NyseCalendar;

/** Prints scan latencies (no assertion: timings depend on the machine). Goal: 5,000 symbols under 250 ms. */
class ScanTimingTest {

    private static final Instant AS_OF = Instant.parse("2026-03-09T15:00:00Z");

    /** Plausible snapshots: prices 1-500, gaps and changes of a few percent, volumes 10 k to 20 M a day. */
    private static List<Snapshot> universe(int size, Random random) {
        List<Snapshot> snapshots = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            double prev = Math.exp(random.nextDouble() * Math.log(500));
            double open = prev * (1 + 0.02 * random.nextGaussian());
            double last = open * (1 + 0.02 * random.nextGaussian());
            long avg = (long) Math.exp(Math.log(10_000) + random.nextDouble() * Math.log(2_000));
            BigDecimal o = cents(open);
            BigDecimal l = cents(last);
            snapshots.add(Snapshot.of("S" + i, AS_OF, l, o, o.max(l), o.min(l), cents(prev),
                    (long) (avg * 0.4 * Math.exp(0.5 * random.nextGaussian())), BigDecimal.valueOf(avg),
                    cents(prev * 0.03 * Math.exp(0.3 * random.nextGaussian())), 0.4));
        }
        return snapshots;
    }

    private static BigDecimal cents(double price) {
        return BigDecimal.valueOf(Math.max(1, Math.round(price * 100)), 2);
    }

    @Test
    void printScanLatencies() {
        ScanEngine engine = new ScanEngine();
        Map<String, ScanCriteria> scans = new LinkedHashMap<>();
        scans.put("gappers", Preset.GAPPERS.criteria());
        scans.put("momentum", Preset.MOMENTUM.criteria());
        scans.put("all, top 500 by dollar volume", ScanCriteria.builder().topN(500).sortBy(SortKey.DOLLAR_VOLUME)
                .build());
        Random random = new Random(1);
        for (int size : new int[] {50, 500, 5000}) {
            List<Snapshot> snapshots = universe(size, random);
            scans.forEach((name, criteria) -> {
                int[] matched = new int[1];
                double[] ms = time(() -> {
                    long start = System.nanoTime();
                    matched[0] = engine.scan(snapshots, criteria).matched();
                    return System.nanoTime() - start;
                });
                System.out.printf("scan %5d symbols, %-30s matched %5d: median %7.3f ms, max %7.3f ms%n", size,
                        name, matched[0], ms[0], ms[1]);
            });
        }
    }

    @Test
    void printMinuteUpdateAndSnapshotLatencyFor5000Symbols() {
        NyseCalendar calendar = new NyseCalendar();
        LocalDate today = LocalDate.parse("2026-03-09");
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = calendar.previousTradingDay(today); days.size() < 21; d = calendar.previousTradingDay(d)) {
            days.addFirst(d);
        }
        List<SymbolState> states = new ArrayList<>();
        BigDecimal ten = BigDecimal.TEN;
        for (int i = 0; i < 5000; i++) {
            SymbolState state = new SymbolState("S" + i, calendar);
            for (LocalDate day : days) {
                state.onDailyBar(new Bar(state.symbol(), day.atStartOfDay(NyseCalendar.ZONE).toInstant(), ten,
                        BigDecimal.valueOf(1050, 2), BigDecimal.valueOf(950, 2), ten, 1_000_000));
            }
            states.add(state);
        }
        Instant open = calendar.session(today).orElseThrow().open();
        int[] minute = new int[1];
        double[] ms = time(() -> {
            Instant time = open.plusSeconds(60L * minute[0]++);
            List<Bar> bars = states.stream().map(s -> new Bar(s.symbol(), time, ten, ten, ten, ten, 1000)).toList();
            long start = System.nanoTime();
            for (int i = 0; i < states.size(); i++) {
                states.get(i).onMinuteBar(bars.get(i));
            }
            List<Snapshot> snapshots = states.stream().map(s -> s.snapshot().orElseThrow()).toList();
            long elapsed = System.nanoTime() - start;
            return snapshots.isEmpty() ? -1 : elapsed;
        });
        System.out.printf("5000 symbols: one minute bar each plus every snapshot: median %7.3f ms, max %7.3f ms%n",
                ms[0], ms[1]);
    }

    /** Median and maximum in ms of 150 runs after 150 warm-up runs. */
    private static double[] time(LongSupplier run) {
        for (int i = 0; i < 150; i++) {
            run.getAsLong();
        }
        long[] nanos = new long[150];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = run.getAsLong();
        }
        Arrays.sort(nanos);
        return new double[] {nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6};
    }
}
