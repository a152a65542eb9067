package io.tradeloom.launcher.supervise;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.logging.LineFormatter;
import io.tradeloom.platform.logging.RotatingFileHandler;

/**
 * The launcher's lines in {@code system_health.log}, which the services append to as well: one line
 * per event, ISO-8601 UTC time first, in the services' format. A handler of its own rather than a
 * logger's, so that two supervisors in one JVM (tests) never write into each other's files.
 */
public final class HealthLog implements AutoCloseable {

    private final RotatingFileHandler handler;

    private HealthLog(RotatingFileHandler handler) {
        this.handler = handler;
    }

    public static HealthLog open(Path logDir) throws IOException {
        RotatingFileHandler h = new RotatingFileHandler(logDir.resolve(ServiceId.HEALTH_LOG), 10L * 1024 * 1024, 5);
        h.setFormatter(new LineFormatter("launcher"));
        return new HealthLog(h);
    }

    public Path file() {
        return handler.file();
    }

    public void log(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("supervisor");
        handler.publish(record);
    }

    @Override
    public void close() {
        handler.close();
    }
}
