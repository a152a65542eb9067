package io.tradeloom.platform.metrics;

import java.time.Duration;
import java.util.List;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

import io.tradeloom.db.DatabaseObserver;

/** Database operation timings ({@code db_operations}) and retries ({@code db_retries}) as metrics. */
public final class DatabaseMetrics implements DatabaseObserver {

    private final MeterRegistry registry;

    public DatabaseMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void operation(String name, boolean write, Duration took, boolean ok) {
        registry.getOrCreate(Timer.builder("db_operations")
                        .description("Database operations, including retries")
                        .tags(List.of(Tag.create("operation", name),
                                Tag.create("kind", write ? "write" : "read"),
                                Tag.create("outcome", ok ? "ok" : "error"))))
                .record(took);
    }

    @Override
    public void retry(String name, int attempt, Duration backoff) {
        registry.getOrCreate(Counter.builder("db_retries")
                        .description("Attempts that hit SQLITE_BUSY or SQLITE_LOCKED and were retried")
                        .tags(List.of(Tag.create("operation", name))))
                .increment();
    }
}
