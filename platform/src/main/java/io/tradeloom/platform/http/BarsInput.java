package io.tradeloom.platform.http;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;

import io.tradeloom.market.bar.BarSeries;

/**
 * Reads the CONTRACTS bar array ({@code [{"time", "open", "high", "low", "close", "volume"}]}),
 * refusing the whole request at the first bad bar with its index: a missing or non-numeric field,
 * a non-finite number, high below low, open or close outside [low, high], negative prices or
 * volume, or a time not after the previous bar's. From a tree ({@link #parse}) or, for large
 * bodies, straight from the parser into the columns ({@link BarsBody}), with the same checks.
 */
public final class BarsInput {

    /** The default most bars one request may carry. */
    public static final int DEFAULT_MAX_BARS = 100_000;

    private static final List<String> FIELDS = List.of("time", "open", "high", "low", "close", "volume");
    private static final int TIME = 0;
    private static final int OPEN = 1;
    private static final int HIGH = 2;
    private static final int LOW = 3;
    private static final int CLOSE = 4;
    private static final int VOLUME = 5;

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
            throw tooMany(field, n, maxBars);
        }
        Columns columns = new Columns(n);
        Cells cells = new Cells();
        for (int i = 0; i < n; i++) {
            JsonNode bar = bars.get(i);
            if (!bar.isObject()) {
                throw notObject(field, i);
            }
            cells.clear();
            Iterator<String> names = bar.fieldNames();
            while (names.hasNext() && cells.unknown == null) {
                String name = names.next();
                if (field(name) < 0) {
                    cells.unknown = name;
                }
            }
            for (int k = 0; k < FIELDS.size(); k++) {
                JsonNode value = bar.get(FIELDS.get(k));
                if (value == null) {
                    cells.kind[k] = Cells.MISSING;
                } else if (value.isNull()) {
                    cells.kind[k] = Cells.NULL;
                } else if (value.isNumber()) {
                    cells.number(k, value.doubleValue());
                } else if (value.isTextual()) {
                    cells.text(k, value.asText());
                } else {
                    cells.kind[k] = Cells.OTHER;
                }
            }
            ApiException bad = cells.check(field, i, columns);
            if (bad != null) {
                throw bad;
            }
        }
        return columns.series(n);
    }

    /**
     * The bar array at the parser's current token, read into columns without a tree. Nothing is thrown for
     * a bad bar array: it is returned, so that the caller can check the rest of the body first, as it would
     * with a tree. The array is read to its end in any case (a later syntax error must still win), but bars
     * after the first bad one or past {@code maxBars} are only counted.
     */
    static Read read(JsonParser p, String field, int maxBars) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return new Read(null, ApiException.invalid(field, "is required"));
        }
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return new Read(null, ApiException.invalid(field, "must be an array of bars"));
        }
        Columns columns = new Columns(Math.min(maxBars, 1024));
        Cells cells = new Cells();
        ApiException bad = null;
        int n = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int i = n++;
            if (bad != null || i >= maxBars) {
                p.skipChildren();
                continue;
            }
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                bad = notObject(field, i);
                continue;
            }
            cells.clear();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int k = field(name);
                t = p.nextToken();
                if (k < 0) {
                    if (cells.unknown == null) {
                        cells.unknown = name;
                    }
                    p.skipChildren();
                } else if (t == JsonToken.VALUE_NULL) {
                    cells.kind[k] = Cells.NULL;
                } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    cells.number(k, p.getDoubleValue());
                } else if (t == JsonToken.VALUE_STRING) {
                    cells.text(k, p.getText());
                } else {
                    cells.kind[k] = Cells.OTHER;
                    p.skipChildren();
                }
            }
            columns.ensure(n);
            bad = cells.check(field, i, columns);
        }
        if (n > maxBars) {
            return new Read(null, tooMany(field, n, maxBars));
        }
        return bad != null ? new Read(null, bad) : new Read(columns.series(n), null);
    }

    /** A bar array as read: its series, or why it is refused. */
    record Read(BarSeries series, ApiException error) {

        BarSeries orThrow() {
            if (error != null) {
                throw error;
            }
            return series;
        }
    }

    /** The index of a bar field in {@link #FIELDS}, or -1 (a switch: this runs for every field of every bar). */
    private static int field(String name) {
        return switch (name) {
            case "time" -> TIME;
            case "open" -> OPEN;
            case "high" -> HIGH;
            case "low" -> LOW;
            case "close" -> CLOSE;
            case "volume" -> VOLUME;
            default -> -1;
        };
    }

    /**
     * RFC 3339 as {@link OffsetDateTime#parse} reads it. Its formatter costs more than everything else a bar
     * needs, so the shape clients send, {@code 2026-11-24T14:30:00Z} with or without a fraction of a second,
     * is read by hand; anything else (offsets, lowercase, an invalid date) goes to the formatter, which then
     * decides, so both accept and refuse the same strings.
     */
    static Instant instant(String text) {
        Instant utc = utc(text);
        return utc != null ? utc : OffsetDateTime.parse(text).toInstant();
    }

    private static Instant utc(String s) {
        int len = s.length();
        if (len < 20 || len == 21 || len > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(len - 1) != 'Z' || len > 20 && s.charAt(19) != '.') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int fraction = len > 20 ? digits(s, 20, len - 21) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || fraction < 0
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        for (int d = len - 21; d < 9; d++) {
            fraction *= 10;
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second,
                len > 20 ? fraction : 0);
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (as LocalDate.toEpochDay, without building one). */
    private static long epochDay(int year, int month, int day) {
        // Years counted from March, so that February's leap day comes last (days_from_civil, H. Hinnant).
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /** The number written by {@code count} ASCII digits from {@code at}, or -1 if one is not a digit. */
    private static int digits(String s, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    private static ApiException tooMany(String field, int n, int maxBars) {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "Too many bars",
                field + " has " + n + " bars; at most " + maxBars + " are accepted per request",
                List.of(new ApiException.FieldError(field, "has more than " + maxBars + " bars")));
    }

    private static ApiException notObject(String field, int i) {
        return ApiException.invalid(field + "[" + i + "]", "must be an object with " + FIELDS);
    }

    /** One bar's fields as read, before they are checked: what each one is, and its value. */
    private static final class Cells {

        static final int MISSING = 0;
        static final int NULL = 1;
        static final int NUMBER = 2;
        static final int TEXT = 3;
        static final int OTHER = 4;

        final int[] kind = new int[FIELDS.size()];
        final double[] number = new double[FIELDS.size()];
        String time;
        /** The first field name that is not a bar field. */
        String unknown;

        void clear() {
            Arrays.fill(kind, MISSING);
            time = null;
            unknown = null;
        }

        void number(int k, double value) {
            kind[k] = NUMBER;
            number[k] = value;
        }

        void text(int k, String value) {
            kind[k] = TEXT;
            if (k == TIME) {
                time = value;
            }
        }

        /** Checks bar {@code i} in the order the errors are reported, storing it in the columns; the first problem, or null. */
        ApiException check(String field, int i, Columns c) {
            if (unknown != null) {
                return ApiException.invalid(field + "[" + i + "]." + unknown, "is not a bar field (expected " + FIELDS + ")");
            }
            ApiException bad = checkFields(field, i, c);
            if (bad != null) {
                return bad;
            }
            double open = number[OPEN];
            double high = number[HIGH];
            double low = number[LOW];
            double close = number[CLOSE];
            double volume = number[VOLUME];
            if (low <= 0) {
                return ApiException.invalid(field + "[" + i + "].low", "must be positive, was " + low);
            }
            if (high < low) {
                return ApiException.invalid(field + "[" + i + "].high", "is below low (" + high + " < " + low + ")");
            }
            if (open < low || open > high) {
                return ApiException.invalid(field + "[" + i + "].open", "is outside [low, high]");
            }
            if (close < low || close > high) {
                return ApiException.invalid(field + "[" + i + "].close", "is outside [low, high]");
            }
            if (volume < 0) {
                return ApiException.invalid(field + "[" + i + "].volume", "must not be negative, was " + volume);
            }
            if (i > 0 && !c.time[i].isAfter(c.time[i - 1])) {
                return ApiException.invalid(field + "[" + i + "].time", "is not after the previous bar's time " + c.time[i - 1]);
            }
            c.open[i] = open;
            c.high[i] = high;
            c.low[i] = low;
            c.close[i] = close;
            c.volume[i] = volume;
            return null;
        }

        /** Each field present and of its type, the time parsed into the columns (the error path builds the names). */
        private ApiException checkFields(String field, int i, Columns c) {
            if (kind[TIME] == MISSING || kind[TIME] == NULL) {
                return ApiException.invalid(field + "[" + i + "].time", "is required");
            }
            if (kind[TIME] != TEXT) {
                return ApiException.invalid(field + "[" + i + "].time", "must be an RFC 3339 time string");
            }
            try {
                c.time[i] = instant(time);
            } catch (DateTimeParseException e) {
                return ApiException.invalid(field + "[" + i + "].time",
                        "must be an RFC 3339 time such as 2026-11-24T14:30:00Z, was '" + time + "'");
            }
            for (int k = OPEN; k <= VOLUME; k++) {
                if (kind[k] == NUMBER && Double.isFinite(number[k])) {
                    continue;
                }
                String name = field + "[" + i + "]." + FIELDS.get(k);
                if (kind[k] == MISSING || kind[k] == NULL) {
                    return ApiException.invalid(name, "is required");
                }
                return ApiException.invalid(name, kind[k] != NUMBER ? "must be a number" : "must be a finite number");
            }
            return null;
        }
    }

    /** The series' columns, grown as bars arrive. */
    private static final class Columns {

        Instant[] time;
        double[] open;
        double[] high;
        double[] low;
        double[] close;
        double[] volume;

        Columns(int capacity) {
            time = new Instant[capacity];
            open = new double[capacity];
            high = new double[capacity];
            low = new double[capacity];
            close = new double[capacity];
            volume = new double[capacity];
        }

        void ensure(int size) {
            if (size > time.length) {
                int capacity = Math.max(size, time.length * 2);
                time = Arrays.copyOf(time, capacity);
                open = Arrays.copyOf(open, capacity);
                high = Arrays.copyOf(high, capacity);
                low = Arrays.copyOf(low, capacity);
                close = Arrays.copyOf(close, capacity);
                volume = Arrays.copyOf(volume, capacity);
            }
        }

        BarSeries series(int n) {
            return n == time.length ? new BarSeries(time, open, high, low, close, volume)
                    : new BarSeries(Arrays.copyOf(time, n), Arrays.copyOf(open, n), Arrays.copyOf(high, n),
                            Arrays.copyOf(low, n), Arrays.copyOf(close, n), Arrays.copyOf(volume, n));
        }
    }
}
