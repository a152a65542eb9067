package io.tradeloom.dashboard.http;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.helidon.http.HeaderValues;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;

import io.tradeloom.dashboard.LiveView;
import io.tradeloom.platform.http.Json;

/**
 * {@code GET /api/overview} once, and {@code GET /api/events}: the same overview pushed as server-sent
 * events every refresh interval. A stream ends after a few minutes or when the service stops; the
 * browser's EventSource reconnects by itself.
 */
public final class OverviewService implements HttpService, AutoCloseable {

    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(5);

    private final LiveView view;
    private final AtomicBoolean closed = new AtomicBoolean();

    public OverviewService(LiveView view) {
        this.view = view;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/overview", (req, res) -> {
            res.header(io.helidon.http.HeaderValues.create(io.helidon.http.HeaderNames.CACHE_CONTROL, "no-store"));
            Json.send(res, view.overview());
        }).get("/events", this::events);
    }

    private void events(ServerRequest req, ServerResponse res) {
        long end = System.nanoTime() + STREAM_LIFETIME.toNanos();
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            while (!closed.get() && System.nanoTime() < end) {
                String json = new String(Json.bytes(view.overview()), java.nio.charset.StandardCharsets.UTF_8);
                sink.emit(SseEvent.builder().name("overview").data(json).build());
                Thread.sleep(view.refresh().toMillis());
            }
        } catch (UncheckedIOException e) {
            // the browser went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
