package io.tradeloom.news.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.news.ingest.SymbolMatcher;
import io.tradeloom.news.store.MarketEvents;

/**
 * News for the simulated market: one story per news jump the scanner stored in {@code market_event}, in the order
 * stored, written by {@link SimHeadlines} so that a jump in a stock has a story whose tone matches the jump. The
 * cursor is the last event id stored as a story, read at every poll: an event whose story failed to be stored is
 * written again at the next poll, and a restart neither repeats nor skips events.
 */
public final class SimNewsSource implements NewsSource {

    public static final String NAME = "sim";
    private static final int BATCH = 500;

    private final MarketEvents events;
    private final UniverseStore universe;
    private final LongSupplier storedCursor;

    /** @param storedCursor the highest event id already stored as a story */
    public SimNewsSource(MarketEvents events, UniverseStore universe, LongSupplier storedCursor) {
        this.events = events;
        this.universe = universe;
        this.storedCursor = storedCursor;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Article> poll() {
        List<MarketEvents.Stored> batch = events.after(storedCursor.getAsLong(), BATCH);
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = new HashMap<>();
        for (UniverseStore.Member m : universe.list()) {
            names.put(m.symbol(), SymbolMatcher.shortName(m.name()));
        }
        List<Article> articles = new ArrayList<>(batch.size());
        for (MarketEvents.Stored s : batch) {
            String name = names.getOrDefault(s.event().symbol(), s.event().symbol());
            articles.add(new Article(NAME, Long.toString(s.id()), null, SimHeadlines.headline(s.event(), name),
                    SimHeadlines.summary(s.event(), name), "TradeLoom simulated market", s.event().time(),
                    Set.of(s.event().symbol())));
        }
        return articles;
    }
}
