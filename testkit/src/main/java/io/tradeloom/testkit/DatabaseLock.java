package io.tradeloom.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Another process holding {@code BEGIN EXCLUSIVE} on a SQLite file, as a stuck writer elsewhere would:
 * a child JVM on this test's class path, holding the lock until {@link #close} (which ends the child).
 */
public final class DatabaseLock implements AutoCloseable {

    private static final String READY = "LOCKED";

    private final Process child;

    private DatabaseLock(Process child) {
        this.child = child;
    }

    /** Starts the child and returns once it holds the lock. */
    public static DatabaseLock hold(Path database) {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DatabaseLock.class.getName(), database.toString())
                .redirectErrorStream(true);
        try {
            Process child = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null) {
                if (line.equals(READY)) {
                    return new DatabaseLock(child);
                }
                seen.append(line).append('\n');
            }
            child.destroyForcibly();
            throw new IllegalStateException("the lock-holding process ended without taking the lock:\n" + seen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the child; its connection closes and SQLite releases the lock. */
    @Override
    public void close() {
        try {
            child.getOutputStream().close();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            child.destroyForcibly();
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The child: take the lock, say so, hold it until standard input closes. */
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("BEGIN EXCLUSIVE");
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our input
            }
            s.execute("ROLLBACK");
        }
    }
}
