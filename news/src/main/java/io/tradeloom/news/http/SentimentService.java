package io.tradeloom.news.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.news.NewsSettings;
import io.tradeloom.news.sentiment.Label;
import io.tradeloom.news.sentiment.RollingSentiment;
import io.tradeloom.news.sentiment.Sentiment;
import io.tradeloom.news.sentiment.SentimentAnalyzer;
import io.tradeloom.news.store.NewsStore;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.platform.http.Validation;

/**
 * {@code GET /api/sentiment/{symbol}}: the symbol's rolling, time-decayed sentiment over its recent news (a known
 * symbol without news is neutral with count 0); {@code POST /api/sentiment} with {@code {"text": ...}}: the sentiment
 * of the text.
 */
public final class SentimentService implements HttpService {

    private final SentimentAnalyzer analyzer;
    private final RollingSentiment rolling;
    private final NewsStore store;
    private final UniverseStore universe;
    private final NewsSettings settings;
    private final Supplier<Instant> now;

    /** @param now the time decay is measured to: the market's clock for simulated news, else the real one */
    public SentimentService(SentimentAnalyzer analyzer, RollingSentiment rolling, NewsStore store, UniverseStore universe,
                            NewsSettings settings, Supplier<Instant> now) {
        this.analyzer = analyzer;
        this.rolling = rolling;
        this.store = store;
        this.universe = universe;
        this.settings = settings;
        this.now = now;
    }

    record TextJson(BigDecimal score, Label label, List<NewsService.TermJson> terms) {
    }

    /**
     * @param count            items within the window
     * @param weight           the sum of their decay weights (1 = one item published just now)
     * @param latestAt         the newest item's publication time, null without items
     * @param asOf             the time the decay was measured to
     */
    record SymbolJson(String symbol, BigDecimal score, Label label, int count, BigDecimal weight,
                      long halfLifeMinutes, long windowHours, Instant latestAt, Instant asOf) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{symbol}", this::symbol)
                .post("/", this::text);
    }

    private void symbol(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        String symbol = NewsService.known(universe, req.path().pathParameters().get("symbol"));
        Instant asOf = now.get().truncatedTo(ChronoUnit.MILLIS);
        var items = store.scores(symbol, asOf.minus(settings.window()), asOf.plus(settings.window()));
        RollingSentiment.Result r = rolling.of(items, asOf);
        Json.send(res, new SymbolJson(symbol, Scores.round(r.score()), r.label(), r.count(), Scores.round(r.weight()),
                rolling.halfLife().toMinutes(), settings.window().toHours(),
                r.latest().or(() -> store.latestTime(symbol)).orElse(null), asOf));
    }

    private void text(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        // Read as a tree: a number or object for "text" must be refused, not coerced to a string.
        JsonNode text = Json.readObject(req, Set.of("text")).path("text");
        Validation v = new Validation();
        if (!text.isTextual()) {
            v.require(false, "text", text.isMissingNode() || text.isNull() ? "is required" : "must be a string");
        } else if (text.asText().isBlank()) {
            v.require(false, "text", "must be a non-empty string");
        } else {
            v.require(text.asText().length() <= settings.maxTextChars(), "text",
                    "has " + text.asText().length() + " characters; at most " + settings.maxTextChars() + " are accepted");
        }
        v.throwIfInvalid();
        Sentiment s = analyzer.analyze(text.asText());
        NewsService.SentimentJson json = NewsService.SentimentJson.of(s);
        Json.send(res, new TextJson(json.score(), json.label(), json.terms()));
    }
}
