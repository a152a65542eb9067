package io.tradeloom.platform.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;

import io.tradeloom.market.bar.BarSeries;

/**
 * Reads the CONTRACTS bar array ({@code [{"time", "open", "high", "low", "close", "volume"}]}),
 * refusing the whole request at the first bad bar with its index: a missing or non-numeric field,
 * a non-finite number, high below low, open or close outside [low, high], negative prices or
 * volume, prices above {@link #MAX_PRICE} or volume above {@link #MAX_VOLUME}, or a time not after the previous bar's.
 */
public final class BarsInput {

    /** The default most bars one request may carry. */
    public static final int DEFAULT_MAX_BARS = 100_000;

    /** No share trades above a billion dollars; larger prices are mistakes that would overflow stored units and sums. */
    public static final double MAX_PRICE = 1e9;
    /** Likewise for a bar's volume. */
    public static final double MAX_VOLUME = 1e15;

    private static final List<String> FIELDS = List.of("time", "open", "high", "low", "close", "volume");

    private BarsInput() {
    }

    public static BarSeries parse(JsonNode bars, String field, int maxBars) {
        if (bars == null || bars.isNull() || bars.isMissingNode()) {
            throw ApiException.invalid(field, "is required");
        }
        if (!bars.isArray()) {
            throw ApiException.invalid(field, "must be an array of bars");
        }
        int n = bars.size();
        if (n > maxBars) {
            throw new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "Too many bars",
                    field + " has " + n + " bars; at most " + maxBars + " are accepted per request",
                    List.of(new ApiException.FieldError(field, "has more than " + maxBars + " bars")));
        }
        Instant[] time = new Instant[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode bar = bars.get(i);
            String at = field + "[" + i + "]";
            if (!bar.isObject()) {
                throw ApiException.invalid(at, "must be an object with " + FIELDS);
            }
            var names = bar.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw ApiException.invalid(at + "." + name, "is not a bar field (expected " + FIELDS + ")");
                }
            }
            time[i] = time(bar.get("time"), at + ".time");
            open[i] = number(bar.get("open"), at + ".open");
            high[i] = number(bar.get("high"), at + ".high");
            low[i] = number(bar.get("low"), at + ".low");
            close[i] = number(bar.get("close"), at + ".close");
            volume[i] = number(bar.get("volume"), at + ".volume");
            for (var price : List.of(java.util.Map.entry("open", open[i]), java.util.Map.entry("high", high[i]),
                    java.util.Map.entry("low", low[i]), java.util.Map.entry("close", close[i]))) {
                if (price.getValue() > MAX_PRICE) {
                    // Refused, not clamped: a clamped price would silently change every indicator computed on it.
                    throw ApiException.invalid(at + "." + price.getKey(), "must be at most " + (long) MAX_PRICE + ", was " + price.getValue());
                }
            }
            if (volume[i] > MAX_VOLUME) {
                throw ApiException.invalid(at + ".volume", "must be at most " + (long) MAX_VOLUME + ", was " + volume[i]);
            }
            if (low[i] <= 0) {
                throw ApiException.invalid(at + ".low", "must be positive, was " + low[i]);
            }
            if (high[i] < low[i]) {
                throw ApiException.invalid(at + ".high", "is below low (" + high[i] + " < " + low[i] + ")");
            }
            if (open[i] < low[i] || open[i] > high[i]) {
                throw ApiException.invalid(at + ".open", "is outside [low, high]");
            }
            if (close[i] < low[i] || close[i] > high[i]) {
                throw ApiException.invalid(at + ".close", "is outside [low, high]");
            }
            if (volume[i] < 0) {
                throw ApiException.invalid(at + ".volume", "must not be negative, was " + volume[i]);
            }
            if (i > 0 && !time[i].isAfter(time[i - 1])) {
                throw ApiException.invalid(at + ".time", "is not after the previous bar's time " + time[i - 1]);
            }
        }
        return new BarSeries(time, open, high, low, close, volume);
    }

    private static double number(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw ApiException.invalid(field, "is required");
        }
        if (!node.isNumber()) {
            throw ApiException.invalid(field, "must be a number");
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw ApiException.invalid(field, "must be a finite number");
        }
        return v;
    }

    private static Instant time(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw ApiException.invalid(field, "is required");
        }
        if (!node.isTextual()) {
            throw ApiException.invalid(field, "must be an RFC 3339 time string");
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an RFC 3339 time such as 2026-11-24T14:30:00Z, was '" + node.asText() + "'");
        }
    }
}
