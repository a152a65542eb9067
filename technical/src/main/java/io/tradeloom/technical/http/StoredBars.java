package io.tradeloom.technical.http;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.http.ApiException;

/** The scanner's universe and stored bars, as the technical endpoints read them. */
public final class StoredBars {

    /** Later than any bar: the latest stored bars are wanted, whatever the market clock says. */
    private static final Instant END = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final UniverseStore universe;
    private final BarStore bars;

    public StoredBars(UniverseStore universe, BarStore bars) {
        this.universe = universe;
        this.bars = bars;
    }

    /** The symbol in the universe's spelling (case-insensitive); 404 when the universe does not hold it. */
    String known(String raw) {
        String symbol = normalise(raw);
        if (universe.find(symbol).isEmpty()) {
            throw ApiException.notFound("Unknown symbol '" + raw + "': it is not in the scanner's universe (GET /api/universe on the scanner).");
        }
        return symbol;
    }

    Set<String> universe() {
        return universe.list().stream().map(UniverseStore.Member::symbol).collect(Collectors.toUnmodifiableSet());
    }

    /** The latest {@code count} bars, oldest first. */
    List<Bar> latest(String symbol, Timeframe timeframe, int count) {
        return bars.latest(symbol, timeframe, END, count);
    }

    static String normalise(String raw) {
        return raw.trim().toUpperCase(Locale.ROOT);
    }
}
