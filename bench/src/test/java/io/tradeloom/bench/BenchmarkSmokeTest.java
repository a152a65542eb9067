package io.tradeloom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;
import org.junit.jupiter.api.io.TempDir;

import io.tradeloom.market.scan.ScanResult;

/** Each benchmark's setup and body run once on a tiny load, so a broken benchmark fails the build, not the next run. */
class BenchmarkSmokeTest {

    @Test
    void scanBenchmarkRunsOnFiftySymbols() {
        ScanBenchmark bench = new ScanBenchmark();
        ScanBenchmark.Universe u = new ScanBenchmark.Universe();
        u.symbols = 50;
        u.setUp();
        assertThat(u.snapshots).hasSize(50);
        assertThat(bench.rankAll(u).matched()).isEqualTo(50);
        assertThat(bench.snapshotsThenRankAll(u).candidates()).hasSize(50);
        ScanResult gappers = bench.gappers(u);
        assertThat(bench.snapshotsThenGappers(u)).isEqualTo(gappers);

        ScanBenchmark.AfterTick t = new ScanBenchmark.AfterTick();
        t.symbols = 50;
        t.setUp();
        for (int i = 0; i < 400; i++) { // through the close into the next session
            t.tick();
            assertThat(bench.afterTickSnapshotsThenRankAll(t).matched()).isEqualTo(50);
        }
    }

    @Test
    void ingestHarnessWritesEveryBarWhileReading(@TempDir Path dir) throws Exception {
        IngestBenchmark.Options o = IngestBenchmark.Options.parse("--symbols", "20", "--minutes", "10", "--batch", "64",
                "--readers", "1", "--dir", dir.toString(), "--tick", "--tick-symbols", "3", "--ticks", "16");
        String line = IngestBenchmark.ingest(o, IngestBenchmark.bars(o.symbols(), o.minutes(), false), 64);
        assertThat(line).contains("200 of 200 bars").contains("retries writer 0");
        assertThat(IngestBenchmark.tick(o)).contains("16 ticks");
    }

    @Test
    void indicatorBenchmarkComputesTheSameIndicatorsThreeWays() {
        IndicatorBenchmark bench = new IndicatorBenchmark();
        IndicatorBenchmark.Data d = new IndicatorBenchmark.Data();
        d.bars = 1000;
        d.setUp();
        assertThat(d.series.size()).isEqualTo(1000);
        assertThat(d.ta4jSeries.getBarCount()).isEqualTo(1000);
        assertThat(bench.engine(d)).hasSize(23);
        assertThat(bench.engineTa4jSet(d)).hasSize(21);
        double[] sma = bench.engine(d).get("SMA").output("value");
        assertThat(bench.engineIntoBuffers(d).get("SMA").output("value")).isEqualTo(sma);
        double[][] raw = bench.rawTaLib(d);
        assertThat(raw[0][970]).isCloseTo(sma[999], org.assertj.core.data.Offset.offset(1e-9)); // TA-Lib writes from 0
        bench.rawTaLibTa4jSet(d);
        bench.ta4j(d, new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
        assertThat(IndicatorsHttpBenchmark.body(TaBars.minutes(500))).contains("\"OBV\"");
    }
}
