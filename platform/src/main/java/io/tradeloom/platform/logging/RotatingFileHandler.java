package io.tradeloom.platform.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Appends to a log file under its seed name (e.g. {@code security_scanner.log}) and rotates it to
 * {@code .1 .. .N} past a size limit. JUL's FileHandler cannot keep the plain name while rotating,
 * and several processes share {@code database_operations.log}: rotation takes a file lock, and a
 * writer whose file was rotated by another process reopens the new one. Records are written with a
 * FileOutputStream, not a FileChannel: an interrupted logging thread would close a channel for good.
 */
public final class RotatingFileHandler extends Handler {

    private final Path file;
    private final long limitBytes;
    private final int keep;
    private FileOutputStream out;
    private Object openedKey;

    public RotatingFileHandler(Path file, long limitBytes, int keep) throws IOException {
        this.file = file.toAbsolutePath();
        this.limitBytes = limitBytes;
        this.keep = keep;
        Files.createDirectories(this.file.getParent());
        open();
    }

    public Path file() {
        return file;
    }

    private void open() throws IOException {
        out = new FileOutputStream(file.toFile(), true);
        openedKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            reopenIfRotatedElsewhere();
            if (Files.size(file) >= limitBytes) {
                rotate();
            }
            out.write(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            reportError("cannot write " + file, e, ErrorManager.WRITE_FAILURE);
        }
    }

    private void reopenIfRotatedElsewhere() throws IOException {
        Object current = Files.exists(file) ? Files.readAttributes(file, BasicFileAttributes.class).fileKey() : null;
        if (!Objects.equals(current, openedKey)) {
            out.close();
            open();
        }
    }

    private void rotate() throws IOException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockChannel.lock()) {
            // Another process may have rotated while we waited for the lock.
            if (Files.exists(file) && Files.size(file) >= limitBytes) {
                for (int i = keep - 1; i >= 1; i--) {
                    Path from = file.resolveSibling(file.getFileName() + "." + i);
                    if (Files.exists(from)) {
                        Files.move(from, file.resolveSibling(file.getFileName() + "." + (i + 1)),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            out.close();
            open();
        }
    }

    @Override
    public synchronized void flush() {
        // Every record is written straight to the file; the OS holds nothing of ours to flush.
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            reportError("cannot close " + file, e, ErrorManager.CLOSE_FAILURE);
        }
    }
}
