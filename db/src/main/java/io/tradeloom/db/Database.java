package io.tradeloom.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TableRecord;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The shared SQLite database, as every service uses it (the seed's DatabaseServiceMixin in Java).
 *
 * <ul>
 *   <li>Every pooled connection carries the seed's pragmas, set as driver properties.</li>
 *   <li>Writes run in transactions that begin IMMEDIATE: a deferred transaction that later upgrades
 *       to a write can fail with SQLITE_BUSY_SNAPSHOT, which busy_timeout does not cover.</li>
 *   <li>SQLITE_BUSY and SQLITE_LOCKED are retried a bounded number of times with exponential
 *       back-off and full jitter; each retry is logged to {@code tradeloom.database} and observed.</li>
 *   <li>Database work runs on a small pool of platform threads: sqlite-jdbc blocks inside native
 *       code, which would pin the carriers of the virtual threads Helidon serves requests on.</li>
 * </ul>
 */
public final class Database implements AutoCloseable {

    /** Logger whose records go to database_operations.log. */
    public static final Logger LOG = Logger.getLogger("tradeloom.database");

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Settings JOOQ_SETTINGS = new Settings().withExecuteLogging(false);

    static {
        // jOOQ prints a banner and tips on first use; they would clutter every service log.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    private final ExecutorService workers;
    private final ThreadGroup workerGroup;
    private final DatabaseObserver observer;
    private final AtomicLong retries = new AtomicLong();
    /** The storage failure of the last write, until a write succeeds again; null when writes work. */
    private volatile DatabaseStorageException storageFault;

    private Database(DatabaseSettings settings, HikariDataSource pool, DatabaseObserver observer) {
        this.settings = settings;
        this.pool = pool;
        this.observer = observer;
        this.workerGroup = new ThreadGroup("tradeloom-db");
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.maxConcurrency(), r -> {
            Thread t = new Thread(workerGroup, r, "db-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens (creating if needed) the database file. Refuses, with a message a person can act on,
     * a path whose directory cannot be created or written, or an existing file that is not SQLite;
     * in neither case is anything written to the path.
     */
    public static Database open(DatabaseSettings settings, DatabaseObserver observer) {
        Path file = settings.path().toAbsolutePath().normalize();
        checkLocation(file);
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("tradeloom-db");
        hc.setDataSource(sqliteDataSource(file, settings));
        hc.setMaximumPoolSize(settings.maxConcurrency());
        hc.setMinimumIdle(1);
        hc.setInitializationFailTimeout(1);
        hc.setConnectionTimeout(Math.max(250, settings.busyTimeout().toMillis() + 5_000));
        try {
            return new Database(settings, new HikariDataSource(hc), observer);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("Cannot open the database " + file + ": " + rootMessage(e), e);
        }
    }

    public static Database open(DatabaseSettings settings) {
        return open(settings, DatabaseObserver.NONE);
    }

    private static SQLiteDataSource sqliteDataSource(Path file, DatabaseSettings settings) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setCacheSize(DatabaseSettings.CACHE_SIZE);
        config.setBusyTimeout((int) settings.busyTimeout().toMillis());
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // Large write transactions keep a statement journal; in a temp file it doubled the bytes written per bar.
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }

    private static void checkLocation(Path file) {
        Path dir = file.getParent();
        if (Files.isDirectory(file)) {
            throw new DatabaseUnavailableException("Database path " + file + " is a directory, not a file.");
        }
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException | SecurityException e) {
                throw new DatabaseUnavailableException("Cannot create the database directory " + dir
                        + " (" + rootMessage(e) + "). Set DATABASE_PATH to a writable location.", e);
            }
        }
        if (!Files.isWritable(dir)) {
            throw new DatabaseUnavailableException("The database directory " + dir
                    + " is not writable; SQLite needs to create its -wal and -shm files there.");
        }
        if (Files.exists(file)) {
            if (!Files.isReadable(file) || !Files.isWritable(file)) {
                throw new DatabaseUnavailableException("The database file " + file + " is not readable and writable.");
            }
            checkHeader(file);
        }
    }

    /** An empty file is a new database; anything else must start with SQLite's header. */
    private static void checkHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            if (head.length > 0 && !Arrays.equals(head, SQLITE_HEADER)) {
                throw new DatabaseUnavailableException("The file " + file + " is not a SQLite database"
                        + " (corrupt, or another kind of file). It was left untouched; move it away or set DATABASE_PATH.");
            }
        } catch (IOException e) {
            throw new DatabaseUnavailableException("Cannot read the database file " + file + ": " + rootMessage(e), e);
        }
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public Path path() {
        return settings.path().toAbsolutePath().normalize();
    }

    /** The pool, for tools that need plain JDBC (Flyway). */
    public DataSource dataSource() {
        return pool;
    }

    /** Retries taken by this process since it opened the database. */
    public long retryCount() {
        return retries.get();
    }

    /**
     * Why the last write failed for want of storage (disk full, read-only, I/O error), or null when
     * the last write succeeded; cleared by the next successful write, so readiness recovers by itself.
     */
    public DatabaseStorageException storageFault() {
        return storageFault;
    }

    /** Runs a read in autocommit mode, retried on BUSY/LOCKED. */
    public <T> T read(String name, Function<DSLContext, T> work) {
        return run(name, false, work);
    }

    /** Runs work in one IMMEDIATE transaction, committed when it returns and retried whole on BUSY/LOCKED. */
    public <T> T write(String name, Function<DSLContext, T> work) {
        return run(name, true, work);
    }

    /** Inserts all records in one transaction: all or none. */
    public int bulkInsert(String name, Collection<? extends TableRecord<?>> records) {
        if (records.isEmpty()) {
            return 0;
        }
        return write(name, ctx -> Arrays.stream(ctx.batchInsert(records).execute()).sum());
    }

    private <T> T run(String name, boolean write, Function<DSLContext, T> work) {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            T result = onWorker(() -> withRetry(name, write, work));
            ok = true;
            if (write) {
                storageFault = null;
            }
            return result;
        } catch (DatabaseStorageException e) {
            storageFault = e;
            throw e;
        } finally {
            observer.operation(name, write, Duration.ofNanos(System.nanoTime() - start), ok);
        }
    }

    private <T> T withRetry(String name, boolean write, Function<DSLContext, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(write, work);
            } catch (RuntimeException e) {
                if (!isBusy(e)) {
                    DatabaseStorageException.Kind kind = storageKind(e);
                    if (kind != null) {
                        LOG.warning(() -> "database " + name + " failed: " + kind.reason() + " (" + rootMessage(e) + ")");
                        throw new DatabaseStorageException(kind, "Database " + name + " failed: " + kind.reason(), e);
                    }
                    throw e;
                }
                if (attempt >= settings.maxAttempts()) {
                    LOG.warning(() -> "database " + name + " still locked after " + settings.maxAttempts()
                            + " attempts; giving up: " + rootMessage(e));
                    throw new DatabaseBusyException("The database stayed locked through " + settings.maxAttempts()
                            + " attempts of " + name, e);
                }
                Duration backoff = backoff(attempt);
                retries.incrementAndGet();
                int n = attempt;
                LOG.info(() -> "database " + name + " attempt " + n + " hit " + rootMessage(e)
                        + "; retrying in " + backoff.toMillis() + " ms");
                observer.retry(name, attempt, backoff);
                sleep(backoff);
            }
        }
    }

    private <T> T attempt(boolean write, Function<DSLContext, T> work) {
        try (Connection c = pool.getConnection()) {
            DSLContext ctx = DSL.using(c, SQLDialect.SQLITE, JOOQ_SETTINGS);
            if (!write) {
                return work.apply(ctx);
            }
            // Plain BEGIN IMMEDIATE / COMMIT / ROLLBACK, not setAutoCommit(false) and commit(): sqlite-jdbc's
            // commit() and rollback() begin the next transaction at once (taking the write lock again, and
            // failing with SQLITE_BUSY after the data was committed), and a BEGIN refused as busy leaves the
            // driver believing a transaction is open, so the connection's next "transaction" autocommits.
            execute(c, "BEGIN IMMEDIATE");
            try {
                T result = work.apply(ctx);
                execute(c, "COMMIT");
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException(e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Rolls back; a connection that cannot be rolled back may still be in a transaction, so it leaves the pool. */
    private void rollbackQuietly(Connection c, Throwable cause) {
        try {
            execute(c, "ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
            pool.evictConnection(c);
        }
    }

    private Duration backoff(int attempt) {
        long base = settings.retryBaseDelay().toMillis();
        long cap = settings.retryMaxDelay().toMillis();
        long ceiling = Math.min(cap, base << Math.min(attempt - 1, 20));
        // Full jitter: writers that collided do not collide again in lock-step.
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    /** True when the failure is SQLITE_BUSY or SQLITE_LOCKED (including their extended codes). */
    static boolean isBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException se) {
                int primary = se.getResultCode().code & 0xff;
                return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
            }
        }
        return false;
    }

    /** The storage failure behind {@code e} (SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR), or null. */
    static DatabaseStorageException.Kind storageKind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException se) {
                int primary = se.getResultCode().code & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
                    return DatabaseStorageException.Kind.FULL;
                }
                if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
                    return DatabaseStorageException.Kind.READ_ONLY;
                }
                if (primary == SQLiteErrorCode.SQLITE_IOERR.code || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
                    return DatabaseStorageException.Kind.IO_ERROR;
                }
                return null;
            }
        }
        return null;
    }

    private <T> T onWorker(java.util.concurrent.Callable<T> task) {
        if (Thread.currentThread().getThreadGroup() == workerGroup) {
            return call(task); // nested call from inside a database operation
        }
        Future<T> f = workers.submit(task);
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("Interrupted while waiting for the database", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new DatabaseUnavailableException(rootMessage(cause), cause);
        }
    }

    private static <T> T call(java.util.concurrent.Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DatabaseUnavailableException(rootMessage(e), e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("Interrupted while backing off from a locked database", e);
        }
    }

    /** The innermost message, which for SQLite errors is the one that names the problem. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /** Size in bytes of the database file and of its write-ahead log (0 when absent). */
    public FileSizes fileSizes() {
        Path file = path();
        return new FileSizes(sizeOf(file), sizeOf(file.resolveSibling(file.getFileName() + "-wal")));
    }

    private static long sizeOf(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Runs PRAGMA integrity_check; "ok" alone when the file is sound. */
    public List<String> integrityCheck() {
        return read("integrity_check", ctx -> ctx.fetch("pragma integrity_check").getValues(0, String.class));
    }

    public record FileSizes(long databaseBytes, long walBytes) {
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        pool.close();
        LOG.log(Level.FINE, "database {0} closed", path());
    }
}
