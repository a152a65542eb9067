package io.tradeloom.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.BarSeries;

/**
 * The streaming {@link BarsBody} against the tree path it replaces ({@link Json#readObject}, then the other field,
 * then {@link BarsInput#parse}): for every body, good or bad in any way, the same bars or the same refusal (status,
 * title, detail and errors).
 */
class BarsBodyTest {

    private static final Set<String> KNOWN = Set.of("bars", "indicators");
    private static final int MAX_BARS = 5;
    private static final String GOOD = bar("2026-03-09T14:30:00Z", "10.5", "11", "10", "10.75", "1200");

    @Test
    void goodBodiesGiveTheSameBarsAsTheTree() {
        List<String> bodies = List.of(
                body(GOOD),
                body(GOOD, bar("2026-03-09T14:31:00Z", "10.75", "12.25", "10.5", "12", "0")),
                body(bar("2026-03-09T14:30:00.123456789Z", "1", "1", "1", "1", "1"),
                        bar("2026-03-09T14:30:00.5Z", "1e0", "1E1", "0.5", "100e-2", "123456789012345678901234567890"),
                        bar("2026-03-09T16:30:01+02:00", "0.1", "0.30000000000000004", "0.1", "0.2", "-0"),
                        bar("2026-03-09t14:30:02z", "3", "3", "3", "3", "4.9e-324")),
                body(bar("0000-02-29T23:59:59.9Z", "1", "1", "1", "1", "1"), bar("1970-01-01T00:00:00Z", "1", "1", "1", "1", "1")),
                body(),
                "{\"indicators\": [\"RSI\"], \"bars\": [" + GOOD + "]}",
                "{\"bars\": [], \"bars\": [" + GOOD + "], \"indicators\": null}",
                "{\"bars\": [{\"volume\": 1, \"close\": 2, \"low\": 1, \"high\": 3, \"open\": 2, \"time\": \"2026-01-02T00:00:00Z\","
                        + " \"open\": 2.5}]}",
                "  {\"bars\": [" + GOOD + "]}  \n");
        for (String body : bodies) {
            Outcome tree = tree(body);
            assertThat(tree.error()).as(body + " " + tree).isNull();
            assertThat(streamed(body)).as(body).isEqualTo(tree);
        }
    }

    @Test
    void everyKindOfBadBodyIsRefusedAsTheTreeRefusesIt() {
        List<String> bodies = new ArrayList<>(List.of(
                "", " ", "null", "[]", "[1, 2", "3", "\"bars\"", "{", "{\"bars\": [}", "{\"bars\": []} x", "{\"bars\": []} {}",
                "{\"bars\": []}]", "{\"bars\": [] \"indicators\": 1}", "{'bars': []}", "{\"bars\": [" + GOOD + ",]}",
                "{\"bars\": null, \"indicators\": [\"RSI\"]}", "{\"indicators\": [\"RSI\"]}", "{\"bars\": {}}", "{\"bars\": \"x\"}",
                "{\"bars\": [], \"extra\": 1, \"other\": [}", "{\"extra\": {\"a\": [1, 2]}, \"bars\": [" + GOOD + "], \"more\": 2}",
                "{\"bars\": [1]}", "{\"bars\": [[" + GOOD + "]]}", "{\"bars\": [null]}",
                "{\"bars\": [" + GOOD + ", " + GOOD + "]}",
                "{\"bars\": [" + "1".repeat(101) + "]}",
                "{\"bars\": [{\"time\": NaN}]}", "{\"bars\": [{\"time\": \"2026-03-09T14:30:00Z\", \"open\": NaN}]}",
                "{\"bars\": [{\"time\": \"2026-03-09T14:30:00Z\", \"open\": Infinity, \"high\": -Infinity}]}",
                "{\"bars\": [{\"time\": \"2026-03-09T14:30:00Z\", \"vwap\": 1, \"vwap\": 2, \"open\": \"x\"}]}",
                body(GOOD, GOOD, GOOD, GOOD, GOOD, GOOD),
                body("1", GOOD, GOOD, GOOD, GOOD, GOOD),
                body(GOOD, "{\"time\": 1}"), body(GOOD, "[1, {\"a\": [2]}]"), body("{}")));
        String[] values = {null, "null", "true", "\"1\"", "\"NaN\"", "[]", "{\"a\": 1}", "-1", "0", "1e400", "-1e400",
                "\"2026-03-09T14:30:00+00:00\"", "\"2026-02-30T14:30:00Z\"", "\"2026-03-09T24:00:00Z\"",
                "\"2026-03-09T14:30Z\"", "\"2026-03-09T14:30:00.Z\"", "\"2026-03-09T14:30:60Z\"", "\"2026-3-9T14:30:00Z\"",
                "\"2026-03-09 14:30:00Z\"", "\"2026-03-09T14:30:00.1234567891Z\"", "\"2026-03-09T14:29:59Z\"", "\"\""};
        for (int field = 0; field < 6; field++) {
            for (String value : values) {
                bodies.add(body(GOOD, edited(bar("2026-03-09T14:31:00Z", "10.5", "11", "10", "10.75", "1200"), field, value)));
            }
        }
        for (String body : bodies) {
            Outcome tree = tree(body);
            assertThat(streamed(body)).as(body).isEqualTo(tree);
        }
        assertThat(bodies.stream().map(BarsBodyTest::tree).filter(o -> o.error() != null).count())
                .as("most of them are refused").isGreaterThan(bodies.size() * 8L / 10);
    }

    @Test
    void numbersAreReadAsTheSameDoublesAsTheTreeReadsThem() {
        Random random = new Random(11);
        for (int body = 0; body < 200; body++) {
            String[] bars = new String[MAX_BARS];
            for (int i = 0; i < MAX_BARS; i++) {
                String price = number(random, -300);
                bars[i] = bar("2026-03-09T14:3" + i + ":00Z", price, price, price, price, number(random, -345));
            }
            String json = body(bars);
            Outcome tree = tree(json);
            assertThat(tree.error()).as(json + " " + tree).isNull();
            assertThat(streamed(json)).as(json).isEqualTo(tree);
        }
    }

    /**
     * A JSON number of up to 41 digits, below 1e302, with or without a fraction and an exponent from {@code minExponent}
     * (down to -345 some are subnormal or round to zero).
     */
    private static String number(Random random, int minExponent) {
        StringBuilder n = new StringBuilder().append(1 + random.nextInt(9));
        for (int d = random.nextInt(20); d > 0; d--) {
            n.append(random.nextInt(10));
        }
        if (random.nextBoolean()) {
            n.append('.');
            for (int d = 1 + random.nextInt(20); d > 0; d--) {
                n.append(random.nextInt(10));
            }
        }
        if (random.nextInt(3) == 0) {
            n.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(minExponent, 280));
        }
        return n.toString();
    }

    @Test
    void timesAreReadAsOffsetDateTimeReadsThem() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>(List.of("2026-11-24T14:30:00Z", "1970-01-01T00:00:00Z", "2024-02-29T00:00:00Z",
                "2023-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-13-01T00:00:00Z",
                "2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T00:00:00.000Z",
                "2026-01-01T00:00:00.1234567890Z", "2026-01-01T00:00:00.Z", "+2026-01-01T00:00:00Z", "2026-01-01T00:00:00z",
                "2026-01-01T00:00:00-05:30", "２０２６-01-01T00:00:00Z"));
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0);
            String text = t.toString();
            texts.add(text);
            char[] mutated = text.toCharArray();
            mutated[random.nextInt(mutated.length)] = "0123456789:-.TZ+x ".charAt(random.nextInt(18));
            texts.add(new String(mutated));
        }
        for (String text : texts) {
            Object expected;
            try {
                expected = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                expected = "refused";
            }
            Object actual;
            try {
                actual = BarsInput.instant(text);
            } catch (DateTimeParseException e) {
                actual = "refused";
            }
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }

    /** What a body gave: the bars and the other field, or the refusal. */
    record Outcome(List<Object> bars, JsonNode indicators, List<Object> error) {
    }

    private static Outcome tree(String body) {
        try {
            JsonNode tree = Json.readObject(in(body), KNOWN);
            JsonNode indicators = tree.get("indicators");
            return new Outcome(columns(BarsInput.parse(tree.get("bars"), "bars", MAX_BARS)), indicators, null);
        } catch (ApiException e) {
            return refused(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome streamed(String body) {
        try {
            BarsBody read = BarsBody.read(in(body), KNOWN, "bars", MAX_BARS);
            JsonNode indicators = read.field("indicators");
            return new Outcome(columns(read.bars()), indicators, null);
        } catch (ApiException e) {
            return refused(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome refused(ApiException e) {
        return new Outcome(null, null, List.of(e.status().code(), e.title(), e.getMessage(), e.errors()));
    }

    private static List<Object> columns(BarSeries s) {
        return List.of(List.of(s.time()), boxed(s.open()), boxed(s.high()), boxed(s.low()), boxed(s.close()), boxed(s.volume()));
    }

    /** Boxed, so -0.0 and 0.0 differ and NaN equals NaN, as Double.equals has it. */
    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    private static ByteArrayInputStream in(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(String... bars) {
        return "{\"bars\": [" + String.join(", ", bars) + "], \"indicators\": [\"RSI\", \"MACD(12,26,9)\"]}";
    }

    private static String bar(String time, String open, String high, String low, String close, String volume) {
        return "{\"time\": \"" + time + "\", \"open\": " + open + ", \"high\": " + high + ", \"low\": " + low
                + ", \"close\": " + close + ", \"volume\": " + volume + "}";
    }

    /** {@code bar} with field {@code field} (in time, open, ... order) set to the JSON {@code value}, or left out if null. */
    private static String edited(String bar, int field, String value) {
        String[] names = {"time", "open", "high", "low", "close", "volume"};
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder("{");
        for (int k = 0; k < names.length; k++) {
            String json = k == field ? value : node.get(names[k]).toString();
            if (json != null) {
                out.append(out.length() > 1 ? ", " : "").append('"').append(names[k]).append("\": ").append(json);
            }
        }
        return out.append('}').toString();
    }
}
