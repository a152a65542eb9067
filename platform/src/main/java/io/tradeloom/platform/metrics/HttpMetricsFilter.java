package io.tradeloom.platform.metrics;

import java.time.Duration;
import java.util.List;

import io.helidon.common.parameters.Parameters;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Times every request as {@code http_requests} tagged with method, route and status. The route is
 * the path with its path parameters put back as {@code {name}}, so /api/bars/AAPL and /api/bars/MSFT
 * count as one route; requests no route matched count as "unmatched".
 */
public final class HttpMetricsFilter implements Filter {

    private final MeterRegistry registry;

    public HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            int status = res.status().code();
            Timer timer = registry.getOrCreate(Timer.builder("http_requests")
                    .description("HTTP requests by route")
                    .tags(List.of(Tag.create("method", req.prologue().method().text()),
                            Tag.create("route", route(req, status)),
                            Tag.create("status", Integer.toString(status)))));
            timer.record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    static String route(RoutingRequest req, int status) {
        Parameters params = req.path().pathParameters();
        if (status == 404 && params.isEmpty()) {
            return "unmatched";
        }
        String path = req.prologue().uriPath().path();
        if (params.isEmpty()) {
            return path;
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = nameOf(params, segments[i]);
        }
        return String.join("/", segments);
    }

    private static String nameOf(Parameters params, String segment) {
        for (String name : params.names()) {
            if (params.all(name).contains(segment)) {
                return "{" + name + "}";
            }
        }
        return segment;
    }
}
