package io.tradeloom.market.scan;

import java.util.List;
import java.util.Objects;

/**
 * One ranked match: {@code rank} from 1, the snapshot it was judged on, and each criterion it passed with its
 * value, in the criteria's order, e.g. {@code gap_percent 4.12 >= 3}.
 */
public record Candidate(int rank, String symbol, Snapshot metrics, List<String> qualifiedBy) {

    public Candidate {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(metrics, "metrics");
        qualifiedBy = List.copyOf(qualifiedBy);
    }
}
