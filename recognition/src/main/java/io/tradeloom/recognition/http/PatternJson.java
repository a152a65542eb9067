package io.tradeloom.recognition.http;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import io.tradeloom.charts.Breakout;
import io.tradeloom.charts.ChartPattern;
import io.tradeloom.charts.Line;
import io.tradeloom.charts.Pivot;
import io.tradeloom.recognition.store.ChartPatternStore;

/** The API's JSON for a chart pattern: prices to 1/10,000, indices into the analysed bars. */
public record PatternJson(String type, String name, String direction, String status, int startIndex, int endIndex,
                          Instant startTime, Instant endTime, List<PivotJson> pivots, List<LineJson> lines,
                          BigDecimal level, BigDecimal target, BigDecimal confidence, BreakoutJson breakout) {

    public record PivotJson(int index, Instant time, BigDecimal price, String kind) {
        static PivotJson of(Pivot p) {
            return new PivotJson(p.index(), p.time(), ChartPatternStore.price(p.price()), p.kind().label());
        }
    }

    public record LineJson(String role, int startIndex, BigDecimal startPrice, int endIndex, BigDecimal endPrice) {
        static LineJson of(Line l) {
            return new LineJson(l.role(), l.startIndex(), ChartPatternStore.price(l.startPrice()), l.endIndex(),
                    ChartPatternStore.price(l.endPrice()));
        }
    }

    public record BreakoutJson(int index, Instant time, BigDecimal price, BigDecimal level, String direction,
                               BigDecimal volumeRatio, boolean volumeConfirmed) {
        static BreakoutJson of(Breakout b) {
            return new BreakoutJson(b.index(), b.time(), ChartPatternStore.price(b.price()),
                    ChartPatternStore.price(b.level()), b.direction().label(),
                    b.volumeRatio() == null ? null : ratio(b.volumeRatio(), 2), b.volumeConfirmed());
        }
    }

    static PatternJson of(ChartPattern p) {
        return new PatternJson(p.type().id(), p.type().displayName(), p.direction().label(), p.status(),
                p.startIndex(), p.endIndex(), p.startTime(), p.endTime(),
                p.pivots().stream().map(PivotJson::of).toList(), p.lines().stream().map(LineJson::of).toList(),
                ChartPatternStore.price(p.level()), p.target() == null ? null : ChartPatternStore.price(p.target()),
                ratio(p.confidence(), 4), p.breakout() == null ? null : BreakoutJson.of(p.breakout()));
    }

    static BigDecimal ratio(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }
}
