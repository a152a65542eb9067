package io.tradeloom.testkit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import io.tradeloom.platform.http.Json;

/**
 * Hostile input for property tests of parsers and validators: strings an attacker or a broken
 * client sends (SQL fragments, path traversal, control characters, odd unicode, long strings),
 * numbers at and beyond every range, and arbitrary JSON shapes built from them.
 */
public final class HostileInput {

    /** Strings that have broken parsers, queries and logs elsewhere. */
    public static final List<String> NASTY = List.of(
            "", " ", "'", "\"", "\\", "'; DROP TABLE bar; --", "1 OR 1=1", "\" OR \"\"=\"", "%' --",
            "../../etc/passwd", "..\\..\\windows\\win.ini", "/dev/zero", "file:///etc/shadow",
            "\u0000", "a\u0000b", "\r\nX-Injected: 1", "\u001b[31m", "\t\n\r\f\b",
            "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "%00", "%2e%2e%2f",
            "\uD800", "\uFEFF", "\u202E", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ß", "İ", "NaN", "Infinity", "-0", "1e309",
            "SMA(20)", "SMA(-1)", "SMA(99999999999)", "MACD(12,26,9", "RSI()", "CDLENGULFING", "AAPL", "1Min");

    private HostileInput() {
    }

    /** Any hostile string: the list above, control characters, any unicode, or long runs. */
    public static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(NASTY)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(8)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(24)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("A(,)9.-").ofMinLength(1000).ofMaxLength(20_000)));
    }

    /** Numbers at and past every edge: zero, negatives, huge and tiny magnitudes, integers past long. */
    public static Arbitrary<Object> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE),
                Arbitraries.of(new BigDecimal("1e308"), new BigDecimal("-1e308"), new BigDecimal("1e-320"),
                        new BigDecimal("0.00000001"), new BigDecimal("123456789012345678901234567890.5"),
                        new BigInteger("99999999999999999999999999999999")).map(n -> (Object) n),
                Arbitraries.integers().map(n -> (Object) n),
                Arbitraries.doubles().between(-1e6, 1e6).map(d -> (Object) BigDecimal.valueOf(d)));
    }

    /** Scalars: null, booleans, numbers, hostile strings. */
    public static Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, false).map(b -> (Object) b),
                numbers(),
                strings().map(s -> (Object) s));
    }

    /** Arbitrary JSON values (as Java maps, lists and scalars) nested up to {@code depth}. */
    public static Arbitrary<Object> values(int depth, List<String> likelyKeys) {
        if (depth <= 0) {
            return scalars();
        }
        Arbitrary<Object> inner = Arbitraries.lazy(() -> values(depth - 1, likelyKeys));
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(likelyKeys.isEmpty() ? List.of("x") : likelyKeys), strings());
        Arbitrary<Object> lists = inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
        Arbitrary<Object> maps = Arbitraries.maps(keys, inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalars()),
                net.jqwik.api.Tuple.of(2, lists),
                net.jqwik.api.Tuple.of(3, maps));
    }

    /**
     * Bodies for an endpoint whose valid body is {@code valid}: arbitrary JSON, the valid body with one
     * field replaced by an arbitrary value or added, and raw text that is not JSON at all.
     */
    public static Arbitrary<String> bodies(Map<String, Object> valid) {
        List<String> keys = List.copyOf(valid.keySet());
        Arbitrary<String> anyJson = values(3, keys).map(HostileInput::json);
        Arbitrary<String> oneFieldChanged = Arbitraries.oneOf(Arbitraries.of(keys), strings())
                .flatMap(key -> values(2, keys).map(v -> {
                    Map<String, Object> body = new LinkedHashMap<>(valid);
                    body.put(key, v);
                    return json(body);
                }));
        Arbitrary<String> notJson = strings();
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, anyJson),
                net.jqwik.api.Tuple.of(5, oneFieldChanged),
                net.jqwik.api.Tuple.of(1, notJson));
    }

    /**
     * The valid body with one field of one bar in {@code valid.get(barsField)} replaced by an arbitrary scalar,
     * as {@link BarMutation}s that know which field they changed.
     */
    @SuppressWarnings("unchecked")
    public static Arbitrary<BarMutation> barMutations(Map<String, Object> valid, String barsField) {
        List<Map<String, Object>> bars = (List<Map<String, Object>>) valid.get(barsField);
        List<String> fields = List.of("time", "open", "high", "low", "close", "volume");
        Arbitrary<Object> values = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, numbers()),
                net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(9, 13).map(d -> (Object) BigDecimal.valueOf(d))),
                net.jqwik.api.Tuple.of(2, scalars()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("2026-03-09T13:30:30Z", "2026-03-09T13:29:00Z", "2026-03-09T13:31:00+01:00",
                        "2026-13-09T13:30:00Z", "1741012200").map(t -> (Object) t)));
        return Arbitraries.integers().between(0, bars.size() - 1).flatMap(index ->
                Arbitraries.of(fields).flatMap(field -> values.map(value -> {
                    List<Map<String, Object>> changed = new ArrayList<>();
                    for (Map<String, Object> bar : bars) {
                        changed.add(new LinkedHashMap<>(bar));
                    }
                    changed.get(index).put(field, value);
                    Map<String, Object> body = new LinkedHashMap<>(valid);
                    body.put(barsField, changed);
                    return new BarMutation(json(body), barsField + "[" + index + "]." + field);
                })));
    }

    /** A body with one bar field changed, and that field's name as a problem's {@code errors} would give it. */
    public record BarMutation(String body, String field) {
    }

    public static String json(Object value) {
        return new String(Json.bytes(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A JSON string of about ten megabytes inside {@code field} of an otherwise valid body. */
    public static String tenMegabyteField(Map<String, Object> valid, String field) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        body.put(field, "A".repeat(10 * 1024 * 1024));
        return json(body);
    }
}
