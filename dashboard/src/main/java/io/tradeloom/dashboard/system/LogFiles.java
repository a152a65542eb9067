package io.tradeloom.dashboard.system;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tradeloom.platform.ServiceId;

/**
 * The services' log files under LOG_DIR, read directly (they are on this host): the tail of one, and
 * the latest warnings and errors across all. Only the last bytes of a file are read, however large.
 */
public final class LogFiles {

    /** A WARNING or SEVERE line as the platform's LineFormatter writes it: time, level, [service], logger: message. */
    private static final Pattern PROBLEM = Pattern.compile("^(\\S+) (SEVERE|WARNING) \\[([^\\]]*)\\] (.*)$");

    private final Path dir;

    public LogFiles(Path dir) {
        this.dir = dir;
    }

    /** The logs a user may read, by name: each service's, then the shared health and database logs. */
    public static Map<String, String> names() {
        Map<String, String> files = new LinkedHashMap<>();
        for (ServiceId s : ServiceId.values()) {
            files.put(s.module(), s.logFile());
        }
        files.put("system_health", ServiceId.HEALTH_LOG);
        files.put("database_operations", ServiceId.DATABASE_LOG);
        return files;
    }

    /** The last {@code lines} lines of a known log; empty when it does not exist yet. */
    public Optional<List<String>> tail(String name, int lines) throws IOException {
        String file = names().get(name);
        if (file == null) {
            throw new IllegalArgumentException("unknown log " + name);
        }
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        List<String> all = lastLines(path, 256 * 1024);
        return Optional.of(all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    public Path dir() {
        return dir;
    }

    /** One warning or error from a log. */
    public record Problem(String time, String level, String service, String message) {
    }

    /** The latest {@code limit} warnings and errors over every log, newest first. */
    public List<Problem> recentProblems(int limit) {
        List<Problem> found = new ArrayList<>();
        for (String file : names().values()) {
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            try {
                for (String line : lastLines(path, 64 * 1024)) {
                    Matcher m = PROBLEM.matcher(line);
                    if (m.matches()) {
                        found.add(new Problem(m.group(1), m.group(2), m.group(3), m.group(4)));
                    }
                }
            } catch (IOException e) {
                found.add(new Problem("", "WARNING", "dashboard", "cannot read " + file + ": " + e.getMessage()));
            }
        }
        // Every line starts with an ISO-8601 UTC instant, so text order is time order.
        found.sort(Comparator.comparing(Problem::time).reversed());
        return found.subList(0, Math.min(limit, found.size()));
    }

    /** The complete lines within the last {@code maxBytes} of a file. */
    static List<String> lastLines(Path path, int maxBytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
            long length = f.length();
            long start = Math.max(0, length - maxBytes);
            byte[] bytes = new byte[(int) (length - start)];
            f.seek(start);
            f.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n")));
            if (start > 0 && !lines.isEmpty()) {
                lines.removeFirst(); // cut mid-line
            }
            lines.removeIf(String::isEmpty);
            return lines;
        }
    }
}
