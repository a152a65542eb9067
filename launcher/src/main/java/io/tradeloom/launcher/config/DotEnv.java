package io.tradeloom.launcher.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.tradeloom.platform.ConfigurationException;

/**
 * Reads a {@code .env} file: {@code KEY=VALUE} lines, blank lines and {@code #} comments, an optional
 * {@code export } prefix, values optionally in matching single or double quotes, and a {@code " #"}
 * comment after an unquoted value (as docker compose reads the same file).
 * A malformed line is an error naming its number, never its text: it may hold a secret.
 */
public final class DotEnv {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private DotEnv() {
    }

    /** The variables in {@code file}; none when it does not exist. */
    public static Map<String, String> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Parses lines; {@code source} names the file in error messages. */
    public static Map<String, String> parse(List<String> lines, String source) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).stripLeading();
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? "" : line.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) {
                throw new ConfigurationException(source + " line " + (i + 1) + " is not KEY=VALUE");
            }
            vars.put(name, value(line.substring(eq + 1).strip(), source, i + 1, name));
        }
        return vars;
    }

    private static String value(String raw, String source, int lineNumber, String name) {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            char quote = raw.charAt(0);
            int end = raw.indexOf(quote, 1);
            if (end < 0) {
                throw new ConfigurationException(source + " line " + lineNumber + ": the value of " + name + " has no closing quote");
            }
            return raw.substring(1, end);
        }
        int comment = raw.indexOf(" #");
        return comment < 0 ? raw : raw.substring(0, comment).stripTrailing();
    }
}
