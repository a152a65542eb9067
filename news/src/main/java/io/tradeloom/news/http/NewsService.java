package io.tradeloom.news.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.news.NewsSettings;
import io.tradeloom.news.sentiment.Label;
import io.tradeloom.news.sentiment.Sentiment;
import io.tradeloom.news.store.NewsStore;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;

/** {@code GET /api/news?symbol=&limit=}: the newest stored items, of one symbol when asked, newest first. */
public final class NewsService implements HttpService {

    private final NewsStore store;
    private final UniverseStore universe;
    private final NewsSettings settings;

    public NewsService(NewsStore store, UniverseStore universe, NewsSettings settings) {
        this.store = store;
        this.universe = universe;
        this.settings = settings;
    }

    /** An item as the API shows it. */
    record ItemJson(long id, String source, String sourceId, String headline, String summary, String url,
                    String author, Instant publishedAt, Instant fetchedAt, List<String> symbols, SentimentJson sentiment) {
        static ItemJson of(NewsStore.Item i) {
            return new ItemJson(i.id(), i.source(), i.sourceId(), i.headline(), i.summary(), i.url(), i.author(),
                    i.publishedAt(), i.fetchedAt(), i.symbols().stream().sorted().toList(), SentimentJson.of(i.sentiment()));
        }
    }

    /** A score to 4 decimals with its label and the terms that made it. */
    record SentimentJson(BigDecimal score, Label label, List<TermJson> terms) {
        static SentimentJson of(Sentiment s) {
            return new SentimentJson(Scores.round(s.score()), s.label(),
                    s.terms().stream().map(t -> new TermJson(t.term(), Scores.round(t.lexicon()), Scores.round(t.valence()))).toList());
        }
    }

    record TermJson(String term, BigDecimal lexicon, BigDecimal valence) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams q = QueryParams.of(req, Set.of("symbol", "limit"));
        int limit = q.integer("limit", settings.defaultLimit(), 1, settings.maxLimit());
        Optional<String> symbol = q.string("symbol").map(s -> known(universe, s));
        List<ItemJson> news = store.latest(symbol, limit).stream().map(ItemJson::of).toList();
        Json.send(res, Map.of("news", news));
    }

    /** The symbol normalised to capitals; 404 when the universe does not know it. */
    static String known(UniverseStore universe, String raw) {
        String symbol = raw.strip().toUpperCase(Locale.ROOT);
        if (universe.find(symbol).isEmpty()) {
            throw ApiException.notFound("Unknown symbol '" + raw + "': it is not in the scanner's universe.");
        }
        return symbol;
    }
}
