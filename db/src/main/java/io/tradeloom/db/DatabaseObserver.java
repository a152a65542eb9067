package io.tradeloom.db;

import java.time.Duration;

/** Receives timings and retries of database operations, so the service kit can turn them into metrics. */
public interface DatabaseObserver {

    DatabaseObserver NONE = new DatabaseObserver() {
    };

    /** One operation finished (after any retries); {@code ok} is false when it failed. */
    default void operation(String name, boolean write, Duration took, boolean ok) {
    }

    /** An attempt of an operation hit SQLITE_BUSY or SQLITE_LOCKED and will be tried again. */
    default void retry(String name, int attempt, Duration backoff) {
    }
}
