package io.tradeloom.news;

import java.util.List;

import io.tradeloom.db.Database;
import io.tradeloom.db.market.MarketEventStore;
import io.tradeloom.market.bar.NewsEvent;

/**
 * Stores news jumps as the scanner does. A class of its own: a test class's static initialiser must not hand the
 * database worker a lambda of the class being initialised, which the worker cannot run until that initialiser ends.
 */
final class MarketSeed {

    private MarketSeed() {
    }

    static void events(Database db, List<NewsEvent> events) {
        db.write("test.events", ctx -> MarketEventStore.insert(ctx, events));
    }
}
