package io.tradeloom.news.store;

import static io.tradeloom.db.schema.Tables.NEWS_ITEM;
import static io.tradeloom.db.schema.Tables.NEWS_SYMBOL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import io.tradeloom.db.Database;
import io.tradeloom.news.sentiment.Label;
import io.tradeloom.news.sentiment.RollingSentiment;
import io.tradeloom.news.sentiment.Sentiment;
import io.tradeloom.news.source.Article;
import io.tradeloom.platform.http.Json;

/** News items, each stored once, with the symbols they are about and their sentiment. */
public final class NewsStore {

    private static final TypeReference<List<Sentiment.Term>> TERMS = new TypeReference<>() {
    };

    private final Database db;

    public NewsStore(Database db) {
        this.db = db;
    }

    /** A stored item. */
    public record Item(long id, String source, String sourceId, String url, String headline, String summary,
                       String author, Instant publishedAt, Instant fetchedAt, Sentiment sentiment, Set<String> symbols) {
    }

    /**
     * Stores {@code article} with its symbols and sentiment unless an item with the same source id, or the same URL,
     * is stored already; returns the new id, or empty for a duplicate.
     */
    public Optional<Long> add(Article article, Set<String> symbols, Sentiment sentiment, Instant fetchedAt) {
        String terms = new String(Json.bytes(sentiment.terms()), StandardCharsets.UTF_8);
        return db.write("news.add", ctx -> {
            // The affected-row count, not RETURNING: on SQLite jOOQ may read the id back as last_insert_rowid(),
            // which an ignored insert leaves at the previous row's.
            int inserted = ctx.insertInto(NEWS_ITEM)
                    .set(NEWS_ITEM.SOURCE, article.source())
                    .set(NEWS_ITEM.SOURCE_ID, article.sourceId())
                    .set(NEWS_ITEM.URL, article.url())
                    .set(NEWS_ITEM.URL_HASH, urlHash(article.url()))
                    .set(NEWS_ITEM.HEADLINE, article.headline())
                    .set(NEWS_ITEM.SUMMARY, article.summary())
                    .set(NEWS_ITEM.AUTHOR, article.author())
                    .set(NEWS_ITEM.PUBLISHED_AT, article.publishedAt().toEpochMilli())
                    .set(NEWS_ITEM.FETCHED_AT, fetchedAt.toEpochMilli())
                    .set(NEWS_ITEM.SENTIMENT, sentiment.score())
                    .set(NEWS_ITEM.SENTIMENT_LABEL, sentiment.label().json())
                    .set(NEWS_ITEM.MATCHED_TERMS, terms)
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 0) {
                return Optional.<Long>empty();
            }
            Integer id = ctx.select(NEWS_ITEM.ID).from(NEWS_ITEM)
                    .where(NEWS_ITEM.SOURCE.eq(article.source()), NEWS_ITEM.SOURCE_ID.eq(article.sourceId()))
                    .fetchSingle(NEWS_ITEM.ID);
            for (String symbol : symbols) {
                ctx.insertInto(NEWS_SYMBOL)
                        .set(NEWS_SYMBOL.SYMBOL, symbol)
                        .set(NEWS_SYMBOL.PUBLISHED_AT, article.publishedAt().toEpochMilli())
                        .set(NEWS_SYMBOL.NEWS_ID, id)
                        .execute();
            }
            return Optional.of(id.longValue());
        });
    }

    /** The newest items, of {@code symbol} when given, newest first. */
    public List<Item> latest(Optional<String> symbol, int limit) {
        return db.read("news.latest", ctx -> {
            Condition where = symbol.map(s -> NEWS_ITEM.ID.in(DSL.select(NEWS_SYMBOL.NEWS_ID).from(NEWS_SYMBOL)
                    .where(NEWS_SYMBOL.SYMBOL.eq(s)))).orElse(DSL.noCondition());
            var rows = ctx.selectFrom(NEWS_ITEM)
                    .where(where)
                    .orderBy(NEWS_ITEM.PUBLISHED_AT.desc(), NEWS_ITEM.ID.desc())
                    .limit(limit)
                    .fetch();
            Map<Integer, Set<String>> symbols = new LinkedHashMap<>();
            rows.forEach(r -> symbols.put(r.getId(), new TreeSet<>()));
            if (!rows.isEmpty()) {
                ctx.select(NEWS_SYMBOL.NEWS_ID, NEWS_SYMBOL.SYMBOL).from(NEWS_SYMBOL)
                        .where(NEWS_SYMBOL.NEWS_ID.in(symbols.keySet()))
                        .forEach(r -> symbols.get(r.value1()).add(r.value2()));
            }
            List<Item> items = new ArrayList<>(rows.size());
            for (var r : rows) {
                Sentiment s = new Sentiment(r.getSentiment(), Label.parse(r.getSentimentLabel()), terms(r.getMatchedTerms()));
                items.add(new Item(r.getId().longValue(), r.getSource(), r.getSourceId(), r.getUrl(), r.getHeadline(), r.getSummary(),
                        r.getAuthor(), Instant.ofEpochMilli(r.getPublishedAt()), Instant.ofEpochMilli(r.getFetchedAt()),
                        s, Set.copyOf(symbols.get(r.getId()))));
            }
            return items;
        });
    }

    /** The scores of {@code symbol}'s items published in [since, until], oldest first. */
    public List<RollingSentiment.Scored> scores(String symbol, Instant since, Instant until) {
        return db.read("news.scores", ctx -> ctx.select(NEWS_SYMBOL.PUBLISHED_AT, NEWS_ITEM.SENTIMENT)
                .from(NEWS_SYMBOL).join(NEWS_ITEM).on(NEWS_ITEM.ID.eq(NEWS_SYMBOL.NEWS_ID))
                .where(NEWS_SYMBOL.SYMBOL.eq(symbol),
                        NEWS_SYMBOL.PUBLISHED_AT.between(since.toEpochMilli(), until.toEpochMilli()))
                .orderBy(NEWS_SYMBOL.PUBLISHED_AT)
                .fetch(r -> new RollingSentiment.Scored(Instant.ofEpochMilli(r.value1()), r.value2())));
    }

    /** The newest publication time of {@code symbol}'s items, if it has any. */
    public Optional<Instant> latestTime(String symbol) {
        return db.read("news.latest_time", ctx -> ctx.select(DSL.max(NEWS_SYMBOL.PUBLISHED_AT)).from(NEWS_SYMBOL)
                .where(NEWS_SYMBOL.SYMBOL.eq(symbol))
                .fetchOptional(0, Long.class)
                .map(Instant::ofEpochMilli));
    }

    /** The highest source id of {@code source}'s items read as a number (the sim source's market_event cursor). */
    public long maxNumericSourceId(String source) {
        return db.read("news.max_source_id", ctx -> ctx
                .select(DSL.max(NEWS_ITEM.SOURCE_ID.cast(Long.class)))
                .from(NEWS_ITEM)
                .where(NEWS_ITEM.SOURCE.eq(source))
                .fetchOptional(0, Long.class)
                .orElse(0L));
    }

    public int count() {
        return db.read("news.count", ctx -> ctx.fetchCount(NEWS_ITEM));
    }

    private static List<Sentiment.Term> terms(String json) {
        try {
            return Json.MAPPER.readValue(json, TERMS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The hex SHA-256 of {@code url} with its fragment dropped and its scheme and host in lower case; null for none.
     * A string that is not a URI is hashed as it stands.
     */
    public static String urlHash(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String normalised = url.strip();
        try {
            URI u = URI.create(normalised);
            if (u.getScheme() != null && u.getRawAuthority() != null) {
                normalised = u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getRawAuthority().toLowerCase(Locale.ROOT)
                        + (u.getRawPath() == null ? "" : u.getRawPath())
                        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
            }
        } catch (IllegalArgumentException e) {
            // not a URI: hash the text as given
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
