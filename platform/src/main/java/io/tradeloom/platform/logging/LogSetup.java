package io.tradeloom.platform.logging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

import io.tradeloom.db.Database;
import io.tradeloom.platform.ServiceId;

/**
 * Logging for one process: everything to stdout (for {@code docker compose logs}) and to the
 * service's seed-named file under LOG_DIR; database retries also to database_operations.log and
 * health events also to system_health.log.
 */
public final class LogSetup {

    /** Logger whose records also go to system_health.log. */
    public static final String HEALTH_LOGGER = "tradeloom.health";
    // JUL holds loggers weakly: keep the ones configured here, or their handlers and levels vanish.
    private static final Logger HIKARI = Logger.getLogger("com.zaxxer.hikari");
    private static final Logger DATABASE = Logger.getLogger(Database.LOG.getName());
    private static final Logger HEALTH = Logger.getLogger(HEALTH_LOGGER);
    static final long LIMIT_BYTES = 10L * 1024 * 1024;
    static final int KEEP = 5;

    private LogSetup() {
    }

    /** Replaces JUL's default configuration; call once, first thing in main. */
    public static void configure(String name, String logFileName, Path logDir, Level level) throws IOException {
        LogManager.getLogManager().reset();
        if (LogManager.getLogManager() instanceof ServiceLogManager manager) {
            manager.hold();
        }
        LineFormatter formatter = new LineFormatter(name);
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        root.addHandler(handler(new StdoutHandler(System.out), formatter, level));
        root.addHandler(handler(new RotatingFileHandler(logDir.resolve(logFileName), LIMIT_BYTES, KEEP), formatter, level));
        // Pool start/stop chatter is noise in a service log; its warnings still come through.
        HIKARI.setLevel(Level.WARNING);
        DATABASE.addHandler(handler(
                new RotatingFileHandler(logDir.resolve(ServiceId.DATABASE_LOG), LIMIT_BYTES, KEEP), formatter, Level.ALL));
        HEALTH.addHandler(handler(
                new RotatingFileHandler(logDir.resolve(ServiceId.HEALTH_LOG), LIMIT_BYTES, KEEP), formatter, Level.ALL));
    }

    public static void configure(ServiceId service, Path logDir, Level level) throws IOException {
        configure(service.module(), service.logFile(), logDir, level);
    }

    /** Closes the log files after the last line; the end of a process's shutdown. */
    public static void finish() {
        if (LogManager.getLogManager() instanceof ServiceLogManager manager) {
            manager.release();
        }
    }

    private static Handler handler(Handler h, LineFormatter formatter, Level level) {
        h.setFormatter(formatter);
        h.setLevel(level);
        return h;
    }

    /** JUL's ConsoleHandler writes to stderr; containers and the launcher expect logs on stdout. */
    private static final class StdoutHandler extends StreamHandler {
        StdoutHandler(PrintStream out) {
            super(out, new LineFormatter("-"));
        }

        @Override
        public synchronized void publish(java.util.logging.LogRecord record) {
            super.publish(record);
            flush();
        }
    }
}
