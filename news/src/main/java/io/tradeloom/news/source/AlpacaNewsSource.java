package io.tradeloom.news.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradeloom.alpaca.AlpacaException;
import io.tradeloom.alpaca.AlpacaHttp;

/**
 * Alpaca's news API ({@code GET /v1beta1/news}, on the market data host) for the universe's symbols: each poll asks
 * for what was published since the newest item seen (at first, since {@code lookback} ago), oldest first, following
 * {@code next_page_token} for up to {@link #MAX_PAGES} pages of 50. An item without an id or a headline is skipped
 * and logged; a body that is not the documented shape fails the poll, which the ingestor logs.
 */
public final class AlpacaNewsSource implements NewsSource {

    public static final String NAME = "alpaca";
    static final String PATH = "/v1beta1/news";
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGES = 10;
    private static final Logger LOG = Logger.getLogger(AlpacaNewsSource.class.getName());

    private final AlpacaHttp http;
    private final Supplier<Set<String>> symbols;
    private final Duration lookback;
    private final Clock clock;
    private Instant since;

    /** @param symbols the symbols to ask about (the universe), read at each poll */
    public AlpacaNewsSource(AlpacaHttp http, Supplier<Set<String>> symbols, Duration lookback, Clock clock) {
        this.http = http;
        this.symbols = symbols;
        this.lookback = lookback;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized List<Article> poll() {
        if (since == null) {
            since = clock.instant().minus(lookback).truncatedTo(ChronoUnit.SECONDS);
        }
        Map<String, String> query = new LinkedHashMap<>();
        Set<String> wanted = new TreeSet<>(symbols.get());
        if (!wanted.isEmpty()) {
            query.put("symbols", String.join(",", wanted));
        }
        query.put("start", since.toString());
        query.put("sort", "asc");
        query.put("limit", Integer.toString(PAGE_SIZE));
        List<Article> articles = new ArrayList<>();
        Instant newest = since;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode body = http.get(PATH, query);
            JsonNode news = body.path("news");
            if (!news.isArray()) {
                throw AlpacaException.malformed("GET " + PATH, "the body has no news array", null);
            }
            for (JsonNode n : news) {
                Article a = article(n);
                if (a != null) {
                    articles.add(a);
                    if (a.publishedAt().isAfter(newest)) {
                        newest = a.publishedAt();
                    }
                }
            }
            JsonNode token = body.path("next_page_token");
            if (!token.isTextual() || token.asText().isBlank()) {
                break;
            }
            query.put("page_token", token.asText());
        }
        // Alpaca's start is inclusive: the newest item comes again next time, and the store keeps it once.
        since = newest;
        return articles;
    }

    private static Article article(JsonNode n) {
        String id = n.path("id").asText("");
        String headline = n.path("headline").asText("").strip();
        if (id.isBlank() || headline.isEmpty()) {
            LOG.warning("skipping an Alpaca news item without an id or a headline");
            return null;
        }
        Instant created;
        try {
            created = Instant.parse(n.path("created_at").asText());
        } catch (DateTimeParseException e) {
            LOG.warning("skipping Alpaca news item " + id + ": created_at '" + n.path("created_at").asText() + "' is not a time");
            return null;
        }
        Set<String> tagged = new TreeSet<>();
        for (JsonNode s : n.path("symbols")) {
            if (s.isTextual()) {
                tagged.add(s.asText());
            }
        }
        String url = n.path("url").asText("");
        String author = n.path("author").asText("");
        return new Article(NAME, id, url.isBlank() ? null : url, headline,
                RssNewsSource.text(n.path("summary").asText("")), author.isBlank() ? null : author, created, tagged);
    }

    @Override
    public void close() {
        http.close();
    }
}
