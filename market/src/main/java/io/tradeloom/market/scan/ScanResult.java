package io.tradeloom.market.scan;

import java.util.List;

/**
 * The outcome of a scan: the best {@code topN} matches in rank order, out of {@code matched} symbols that met
 * every criterion in a universe of {@code universeSize} snapshots.
 */
public record ScanResult(List<Candidate> candidates, int universeSize, int matched) {

    public ScanResult {
        candidates = List.copyOf(candidates);
    }
}
