package io.tradeloom.news.source;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A news item as a source delivered it, before symbols are matched and sentiment scored.
 *
 * @param sourceId the source's own id of the item (stable across polls), the dedup key with {@code source}
 * @param url      where the story is, if anywhere; a second dedup key across sources
 * @param symbols  symbols the source itself tagged the item with (Alpaca does), upper case
 */
public record Article(String source, String sourceId, String url, String headline, String summary, String author,
                      Instant publishedAt, Set<String> symbols) {

    public Article {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(publishedAt, "publishedAt");
        summary = summary == null ? "" : summary;
        symbols = Set.copyOf(symbols);
        if (sourceId.isBlank() || headline.isBlank()) {
            throw new IllegalArgumentException("an article needs a source id and a headline");
        }
    }

    /** The text sentiment is scored on. */
    public String text() {
        return summary.isBlank() ? headline : headline + ". " + summary;
    }
}
