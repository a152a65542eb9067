package io.tradeloom.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a process opens the shared SQLite file.
 *
 * @param path           the database file (created with its directory if missing)
 * @param busyTimeout    how long SQLite itself waits on a lock before reporting SQLITE_BUSY
 * @param maxConcurrency database operations running at once in this process (also the pool size)
 * @param maxAttempts    attempts per operation when SQLite reports BUSY or LOCKED
 * @param retryBaseDelay first back-off delay; doubled per attempt, with full jitter
 * @param retryMaxDelay  cap on one back-off delay
 */
public record DatabaseSettings(Path path,
                               Duration busyTimeout,
                               int maxConcurrency,
                               int maxAttempts,
                               Duration retryBaseDelay,
                               Duration retryMaxDelay) {

    /** The seed architecture's busy timeout. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(30);
    /** The seed's cache_size: negative means KiB, so about 64 MB. */
    public static final int CACHE_SIZE = -64000;

    public DatabaseSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
        Objects.requireNonNull(retryMaxDelay, "retryMaxDelay");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** The seed's settings for the given file. */
    public static DatabaseSettings defaults(Path path) {
        return new DatabaseSettings(path, DEFAULT_BUSY_TIMEOUT, 4, 8, Duration.ofMillis(10), Duration.ofSeconds(1));
    }

    public DatabaseSettings withBusyTimeout(Duration timeout) {
        return new DatabaseSettings(path, timeout, maxConcurrency, maxAttempts, retryBaseDelay, retryMaxDelay);
    }

    public DatabaseSettings withMaxConcurrency(int concurrency) {
        return new DatabaseSettings(path, busyTimeout, concurrency, maxAttempts, retryBaseDelay, retryMaxDelay);
    }

    public DatabaseSettings withRetries(int attempts, Duration baseDelay, Duration maxDelay) {
        return new DatabaseSettings(path, busyTimeout, maxConcurrency, attempts, baseDelay, maxDelay);
    }
}
