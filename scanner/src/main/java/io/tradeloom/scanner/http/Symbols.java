package io.tradeloom.scanner.http;

import java.util.Locale;
import java.util.Map;

import io.tradeloom.platform.http.ApiException;

/** Resolves a path's symbol against the universe: case-insensitive, 404 when unknown. */
final class Symbols {

    private Symbols() {
    }

    static String known(Map<String, String> universe, String raw) {
        String symbol = raw.trim().toUpperCase(Locale.ROOT);
        if (!universe.containsKey(symbol)) {
            throw ApiException.notFound("Unknown symbol '" + raw + "': it is not in the scanner's universe (GET /api/universe).");
        }
        return symbol;
    }
}
