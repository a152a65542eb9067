package io.tradeloom.news.source;

import java.util.List;

/**
 * Where news comes from ({@code NEWS_SOURCE}): {@code sim}, {@code rss} or {@code alpaca}. A poll returns what is new
 * or may be new; the store keeps each item once, so returning an item twice is harmless. A source that reads several
 * feeds logs and skips a failing one and returns the others' items; an exception means nothing could be read.
 */
public interface NewsSource extends AutoCloseable {

    /** The source's name as stored with each item. */
    String name();

    List<Article> poll();

    @Override
    default void close() {
    }
}
