package io.tradeloom.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An indicator with its parameters, written {@code NAME} or {@code NAME(p1,p2,...)}: the name is
 * case-insensitive, parameters are positional in TA-Lib's order, and omitted trailing parameters
 * take TA-Lib's defaults ({@code RSI} is RSI(14), {@code MACD(5)} is MACD(5,26,9)).
 *
 * @param text   the spec as written; results are keyed by it
 * @param params every parameter, defaults filled in
 * @throws IllegalArgumentException when a parameter is outside TA-Lib's range, or MACD's fast
 *                                  period is not below its slow one (TA-Lib would silently swap them)
 */
public record IndicatorSpec(String text, Indicator indicator, List<Double> params) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(?:\\((.*)\\))?\\s*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    public IndicatorSpec {
        params = List.copyOf(params);
        List<Param> expected = indicator.params();
        if (params.size() != expected.size()) {
            throw new IllegalArgumentException(indicator + " has " + expected.size() + " parameters, got " + params.size());
        }
        for (int k = 0; k < params.size(); k++) {
            String problem = expected.get(k).problem(params.get(k));
            if (problem != null) {
                throw new IllegalArgumentException(indicator + " " + problem);
            }
        }
        if (indicator == Indicator.MACD && params.get(0) >= params.get(1)) {
            throw new IllegalArgumentException("MACD fastperiod (" + Param.format(params.get(0))
                    + ") must be below slowperiod (" + Param.format(params.get(1)) + ")");
        }
    }

    /**
     * Parses {@code text}; the message of the exception says what is wrong (unknown name with the
     * known ones, parameter count, a value outside TA-Lib's range).
     */
    public static IndicatorSpec parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an indicator spec: write NAME or NAME(p1,p2,...), e.g. SMA(20)");
        }
        Indicator indicator = Indicator.named(m.group(1)).orElseThrow(() -> new IllegalArgumentException(
                "unknown indicator '" + m.group(1) + "'; known: " + known()));
        List<Param> expected = indicator.params();
        List<String> given = m.group(2) == null || m.group(2).isBlank() ? List.of() : Arrays.asList(m.group(2).split(",", -1));
        if (given.size() > expected.size()) {
            throw new IllegalArgumentException(indicator + " takes " + (expected.isEmpty() ? "no parameters"
                    : "at most " + expected.size() + " parameter" + (expected.size() == 1 ? "" : "s") + " ("
                    + expected.stream().map(Param::name).collect(Collectors.joining(", ")) + ")") + ", got " + given.size());
        }
        List<Double> params = new ArrayList<>(expected.size());
        for (int k = 0; k < expected.size(); k++) {
            params.add(k < given.size() ? number(indicator, expected.get(k), given.get(k).trim()) : expected.get(k).dflt());
        }
        return new IndicatorSpec(text, indicator, params);
    }

    /** A spec built in code, written in its canonical form; trailing parameters left out take TA-Lib's defaults. */
    public static IndicatorSpec of(Indicator indicator, double... params) {
        List<Param> expected = indicator.params();
        if (params.length > expected.size()) {
            throw new IllegalArgumentException(indicator + " takes at most " + expected.size() + " parameters, got " + params.length);
        }
        List<Double> all = new ArrayList<>(expected.size());
        for (int k = 0; k < expected.size(); k++) {
            all.add(k < params.length ? params[k] : expected.get(k).dflt());
        }
        return new IndicatorSpec(canonical(indicator, all), indicator, all);
    }

    /** The spec with every parameter written out, e.g. {@code MACD(12,26,9)} for {@code macd}. */
    public String canonical() {
        return canonical(indicator, params);
    }

    /** The names of every indicator, sorted: what an "unknown indicator" message lists. */
    public static String known() {
        return Arrays.stream(Indicator.values()).map(Enum::name).sorted().collect(Collectors.joining(", "));
    }

    double[] paramArray() {
        return params.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String canonical(Indicator indicator, List<Double> params) {
        return params.isEmpty() ? indicator.name()
                : indicator.name() + params.stream().map(Param::format).collect(Collectors.joining(",", "(", ")"));
    }

    private static double number(Indicator indicator, Param param, String raw) {
        if (!NUMBER.matcher(raw).matches()) {
            throw new IllegalArgumentException(indicator + " " + param.name() + " must be " + param.range()
                    + ", was '" + raw + "'");
        }
        BigDecimal value = new BigDecimal(raw);
        // Compared as decimals first: "1e400" or a 30-digit period must be refused, not rounded into range.
        if (value.compareTo(BigDecimal.valueOf(param.min())) < 0 || value.compareTo(BigDecimal.valueOf(param.max())) > 0
                || param.whole() && value.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(indicator + " " + param.name() + " must be " + param.range()
                    + ", was " + raw);
        }
        return value.doubleValue();
    }
}
