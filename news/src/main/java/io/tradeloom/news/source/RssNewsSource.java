package io.tradeloom.news.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import io.tradeloom.news.store.NewsStore;

/**
 * RSS and Atom feeds (every version Rome reads) from configured URLs, fetched in parallel, each within a timeout and
 * a size limit. A feed that cannot be fetched, answers an error, times out or is not a feed is logged and skipped;
 * the others' entries are still returned. Entries without a title are skipped; without a date they are dated when
 * fetched. HTML in summaries is reduced to text.
 */
public final class RssNewsSource implements NewsSource {

    public static final String NAME = "rss";
    private static final Logger LOG = Logger.getLogger(RssNewsSource.class.getName());
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private final List<URI> feeds;
    private final Duration timeout;
    private final int maxBytes;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public RssNewsSource(List<URI> feeds, Duration timeout, int maxBytes, Clock clock) {
        this.feeds = List.copyOf(feeds);
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Article> poll() {
        List<Future<List<Article>>> fetches = new ArrayList<>();
        for (URI feed : feeds) {
            fetches.add(executor.submit(() -> read(feed)));
        }
        // The request timeout covers the answer's start; this bounds a body that trickles in too.
        long deadline = System.nanoTime() + 2 * timeout.toNanos();
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < fetches.size(); i++) {
            try {
                articles.addAll(fetches.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException e) {
                LOG.warning("skipping feed " + shown(feeds.get(i)) + ": " + e.getCause().getMessage());
            } catch (TimeoutException e) {
                fetches.get(i).cancel(true);
                LOG.warning("skipping feed " + shown(feeds.get(i)) + ": still reading after " + 2 * timeout.toMillis() + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fetches.forEach(f -> f.cancel(true));
                break;
            }
        }
        return articles;
    }

    private List<Article> read(URI feed) throws IOException, InterruptedException, FeedException {
        HttpRequest request = HttpRequest.newBuilder(feed).timeout(timeout)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1")
                .GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException("no answer within " + timeout.toMillis() + " ms", e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + response.statusCode());
            }
            body = in.readNBytes(maxBytes + 1);
        }
        if (body.length > maxBytes) {
            throw new IOException("larger than " + maxBytes + " bytes");
        }
        SyndFeed parsed;
        try {
            parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (IllegalArgumentException e) {
            throw new FeedException("not an RSS or Atom feed: " + e.getMessage(), e);
        }
        Instant now = clock.instant();
        List<Article> articles = new ArrayList<>();
        for (SyndEntry e : parsed.getEntries()) {
            String title = text(e.getTitle());
            if (title.isEmpty()) {
                continue;
            }
            String link = blankToNull(e.getLink());
            String id = blankToNull(e.getUri());
            if (id == null) {
                id = link != null ? link : "title:" + NewsStore.urlHash(title);
            }
            articles.add(new Article(NAME, id, link, title, summary(e), blankToNull(e.getAuthor()),
                    date(e.getPublishedDate(), e.getUpdatedDate(), now), Set.of()));
        }
        LOG.fine(() -> "read " + articles.size() + " entries from " + shown(feed));
        return articles;
    }

    private static String summary(SyndEntry e) {
        SyndContent description = e.getDescription();
        if (description != null && description.getValue() != null) {
            return text(description.getValue());
        }
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                return text(c.getValue());
            }
        }
        return "";
    }

    private static Instant date(Date published, Date updated, Instant now) {
        if (published != null) {
            return published.toInstant();
        }
        return updated != null ? updated.toInstant() : now;
    }

    /** Markup removed, the common entities decoded, white space collapsed. */
    static String text(String html) {
        if (html == null) {
            return "";
        }
        String t = TAG.matcher(html).replaceAll(" ");
        Matcher m = ENTITY.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return SPACE.matcher(out).replaceAll(" ").strip();
    }

    /** A character reference's character; an unknown named one stays as written. */
    private static String entity(String name, String written) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return written;
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> written;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A feed's URL as logged: without its query, which may carry a token. */
    static String shown(URI feed) {
        return feed.getScheme() + "://" + feed.getRawAuthority() + (feed.getRawPath() == null ? "" : feed.getRawPath());
    }

    @Override
    public void close() {
        executor.shutdownNow();
        http.close();
    }
}
