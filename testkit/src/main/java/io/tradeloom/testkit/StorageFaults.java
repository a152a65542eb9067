package io.tradeloom.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs to put a database on, so a test can fill the disk or remount it read-only for real.
 * Mounting needs root (CAP_SYS_ADMIN); {@link #available} says whether this machine allows it.
 */
public final class StorageFaults implements AutoCloseable {

    private final Path mountPoint;

    private StorageFaults(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code sizeBytes} on a new temporary directory, or returns null when mounting is not allowed. */
    public static StorageFaults mount(long sizeBytes) {
        try {
            Path dir = Files.createTempDirectory("tradeloom-tmpfs-");
            if (run("mount", "-t", "tmpfs", "-o", "size=" + sizeBytes, "tmpfs", dir.toString())) {
                return new StorageFaults(dir);
            }
            Files.deleteIfExists(dir);
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    public Path dir() {
        return mountPoint;
    }

    /** Fills the free space with a file; deleting it frees the disk again. */
    public Path fill() throws IOException {
        Path filler = mountPoint.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full: what we wanted
        }
        return filler;
    }

    public void readOnly(boolean readOnly) {
        if (!run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), mountPoint.toString())) {
            throw new IllegalStateException("cannot remount " + mountPoint);
        }
    }

    @Override
    public void close() {
        run("umount", "-l", mountPoint.toString());
        try {
            Files.deleteIfExists(mountPoint);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
