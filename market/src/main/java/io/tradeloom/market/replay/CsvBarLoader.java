package io.tradeloom.market.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;

/**
 * Loads historical bars from CSV files, one per symbol and timeframe, named {@code <SYMBOL>_<timeframe>.csv}
 * (e.g. {@code AAPL_1Min.csv}, timeframes as in {@link Timeframe#label()}), by default under
 * {@value #DEFAULT_DIRECTORY}. Format (UTF-8, a byte order mark is ignored):
 * <pre>
 * time,open,high,low,close,volume
 * 2026-03-02T14:30:00Z,229.50,229.90,229.10,229.75,812345
 * </pre>
 * {@code time} is the bar's start in RFC 3339 (UTC {@code Z} or an offset, normalised to UTC; epoch numbers are
 * refused, since seconds and milliseconds are easy to confuse); prices are plain decimals, volume a
 * non-negative integer; blank lines are skipped. Every row must hold {@code low <= open, close <= high},
 * {@code low > 0}, and times must strictly increase (so a bar is stored once per symbol, timeframe and time).
 *
 * <p>All or nothing: the first bad row throws a {@link ReplayDataException} naming the file, line and problem,
 * and nothing of that file (nor of the directory, for {@link #loadDirectory}) is returned.
 */
public final class CsvBarLoader {

    public static final String DEFAULT_DIRECTORY = "data/replay";
    public static final String HEADER = "time,open,high,low,close,volume";
    private static final Pattern FILE_NAME = Pattern.compile("(.+)_([^_]+)\\.csv");

    /** The identity of one file's series. */
    public record Series(String symbol, Timeframe timeframe) {
    }

    private CsvBarLoader() {
    }

    /** The file that holds {@code symbol}'s bars of {@code timeframe} under {@code directory}. */
    public static Path file(Path directory, String symbol, Timeframe timeframe) {
        return directory.resolve(symbol + "_" + timeframe.label() + ".csv");
    }

    /** Loads {@code symbol}'s bars of {@code timeframe} from {@code directory}. */
    public static List<Bar> load(Path directory, String symbol, Timeframe timeframe) throws IOException {
        return load(file(directory, symbol, timeframe), symbol);
    }

    /** Loads every {@code *.csv} in {@code directory} (other files are ignored), by series. */
    public static Map<Series, List<Bar>> loadDirectory(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        Map<Series, List<Bar>> loaded = new TreeMap<>(
                Comparator.comparing(Series::symbol).thenComparing(Series::timeframe));
        for (Path file : files) {
            Series series = seriesOf(file);
            loaded.put(series, load(file, series.symbol()));
        }
        return loaded;
    }

    /** The series a file holds, from its name. */
    public static Series seriesOf(Path file) {
        Matcher name = FILE_NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            throw new ReplayDataException(file, 0, "file name must be <SYMBOL>_<timeframe>.csv");
        }
        try {
            return new Series(name.group(1), Timeframe.parse(name.group(2)));
        } catch (IllegalArgumentException e) {
            throw new ReplayDataException(file, 0, e.getMessage());
        }
    }

    /** Loads one file whose rows are {@code symbol}'s bars. */
    public static List<Bar> load(Path file, String symbol) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (header == null || !header.strip().equals(HEADER)) {
                throw new ReplayDataException(file, 1, "header must be '" + HEADER + "'");
            }
            List<Bar> bars = new ArrayList<>();
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Bar bar = parse(file, lineNumber, symbol, line);
                if (!bars.isEmpty() && !bar.time().isAfter(bars.getLast().time())) {
                    throw new ReplayDataException(file, lineNumber, "time " + bar.time()
                            + " is not after the previous row's " + bars.getLast().time());
                }
                bars.add(bar);
            }
            return List.copyOf(bars);
        }
    }

    private static Bar parse(Path file, int line, String symbol, String row) {
        String[] f = row.split(",", -1);
        if (f.length != 6) {
            throw new ReplayDataException(file, line, "expected 6 columns, found " + f.length);
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(f[0].strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ReplayDataException(file, line,
                    "time '" + shown(f[0].strip()) + "' is not RFC 3339 (e.g. 2026-03-02T14:30:00Z)");
        }
        try {
            return new Bar(symbol, time, price(f, 1, "open"), price(f, 2, "high"), price(f, 3, "low"),
                    price(f, 4, "close"), volume(f[5]));
        } catch (IllegalArgumentException e) {
            throw new ReplayDataException(file, line, e.getMessage());
        }
    }

    /** No share trades above a billion dollars; larger values are mistakes, refused rather than stored wrong. */
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");
    /** The finest tick stored (prices are kept in units of 1/10,000): anything smaller would be stored as zero. */
    static final BigDecimal MIN_PRICE = new BigDecimal("0.0001");
    private static final int MAX_NUMBER_LENGTH = 40;

    private static BigDecimal price(String[] fields, int column, String name) {
        String text = fields[column].strip();
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw new IllegalArgumentException(name + " '" + shown(text) + "' is longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        BigDecimal v;
        try {
            v = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + shown(text) + "' is not a number");
        }
        // Checked here, by the text: Bar's own messages print the value, which for 1e999999999 is a billion digits.
        if (v.compareTo(MAX_PRICE) > 0) {
            throw new IllegalArgumentException(name + " " + text + " is above " + MAX_PRICE.toPlainString());
        }
        if (v.compareTo(MAX_PRICE.negate()) < 0) {
            throw new IllegalArgumentException(name + " " + text + " must be positive");
        }
        if (v.signum() > 0 && v.compareTo(MIN_PRICE) < 0) {
            throw new IllegalArgumentException(name + " " + text + " is below the smallest price " + MIN_PRICE.toPlainString());
        }
        return v;
    }

    /** A field as an error message quotes it: long ones cut, so a 10 MB field does not become a 10 MB message. */
    private static String shown(String text) {
        return text.length() <= MAX_NUMBER_LENGTH ? text : text.substring(0, MAX_NUMBER_LENGTH) + "...";
    }

    private static long volume(String field) {
        String text = field.strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("volume '" + shown(text) + "' is not an integer");
        }
    }
}
