package io.tradeloom.dashboard.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.tradeloom.platform.http.ApiException;

/** Checks of what the browser sends before any of it goes into another service's URL. */
final class Params {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,14}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
    static final List<String> TIMEFRAMES = List.of("1Min", "5Min", "15Min", "1Hour", "1Day");

    private Params() {
    }

    static String symbol(String raw) {
        String s = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(s).matches()) {
            throw ApiException.invalid("symbol", "must be a ticker such as AAPL or BRK.B, was '" + raw + "'");
        }
        return s;
    }

    static String id(String field, String raw) {
        if (raw == null || !ID.matcher(raw).matches()) {
            throw ApiException.invalid(field, "must be letters, digits, '-' or '_' (at most 64), was '" + raw + "'");
        }
        return raw;
    }

    static String timeframe(String raw) {
        if (!TIMEFRAMES.contains(raw)) {
            throw ApiException.invalid("timeframe", "must be one of " + String.join(", ", TIMEFRAMES) + ", was '" + raw + "'");
        }
        return raw;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
