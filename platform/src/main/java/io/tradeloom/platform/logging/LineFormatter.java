package io.tradeloom.platform.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One line per record: UTC time, level, service, logger, message; a throwable's trace follows. */
public final class LineFormatter extends Formatter {

    private final String service;

    public LineFormatter(String service) {
        this.service = service;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder sb = new StringBuilder(160)
                .append(Instant.ofEpochMilli(record.getMillis()).truncatedTo(ChronoUnit.MILLIS))
                .append(' ').append(record.getLevel().getName())
                .append(" [").append(service).append("] ")
                .append(shortName(record.getLoggerName())).append(": ")
                .append(formatMessage(record))
                .append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            sb.append(trace);
        }
        return sb.toString();
    }

    private static String shortName(String logger) {
        if (logger == null) {
            return "";
        }
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }
}
