package io.tradeloom.news.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Accuracy on labelled financial headlines, beside the majority-class baseline: the measurement docs/news-sentiment.md
 * reports. The set is two slices of the validation split of zeroshot/twitter-financial-news-sentiment (MIT; labels
 * 0 bearish, 1 bullish, 2 neutral), read as negative, positive and neutral. The expected counts pin the measurement:
 * a change to the lexicon or the rules that moves them must update the docs too.
 */
class SentimentAccuracyTest {

    static final String SET = "/eval/twitter-financial-news-sentiment-valid-slices.csv";

    record Example(String text, Label label) {
    }

    record Measure(int n, int correct, Map<Label, int[]> confusion) {
        double accuracy() {
            return (double) correct / n;
        }

        /** The mean over the three classes of F1 = 2PR / (P + R). */
        double macroF1() {
            double sum = 0;
            for (Label l : Label.values()) {
                int tp = confusion.get(l)[l.ordinal()];
                int predicted = 0;
                int actual = 0;
                for (Label a : Label.values()) {
                    predicted += confusion.get(a)[l.ordinal()];
                    actual += confusion.get(l)[a.ordinal()];
                }
                double p = predicted == 0 ? 0 : (double) tp / predicted;
                double r = actual == 0 ? 0 : (double) tp / actual;
                sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
            }
            return sum / 3;
        }
    }

    static List<Example> examples() throws IOException {
        String csv;
        try (InputStream in = SentimentAccuracyTest.class.getResourceAsStream(SET)) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<List<String>> rows = parseCsv(csv);
        assertThat(rows.getFirst()).containsExactly("text", "label");
        List<Example> examples = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Label label = switch (row.get(1)) {
                case "0" -> Label.NEGATIVE;
                case "1" -> Label.POSITIVE;
                case "2" -> Label.NEUTRAL;
                default -> throw new IllegalStateException("unknown label " + row);
            };
            examples.add(new Example(row.get(0), label));
        }
        return examples;
    }

    /** RFC 4180: fields in double quotes may hold commas, line breaks and doubled quotes. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    static Measure measure(SentimentAnalyzer analyzer, List<Example> examples) {
        Map<Label, int[]> confusion = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            confusion.put(l, new int[3]);
        }
        int correct = 0;
        for (Example e : examples) {
            Label predicted = analyzer.analyze(e.text()).label();
            confusion.get(e.label())[predicted.ordinal()]++;
            if (predicted == e.label()) {
                correct++;
            }
        }
        return new Measure(examples.size(), correct, confusion);
    }

    @Test
    void measuresAccuracyAgainstTheMajorityClassBaseline() throws IOException {
        List<Example> examples = examples();
        Map<Label, Integer> counts = new EnumMap<>(Label.class);
        examples.forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        int majority = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();

        Measure bundled = measure(new SentimentAnalyzer(Lexicon.bundled()), examples);
        Measure vader = measure(new SentimentAnalyzer(Lexicon.vader()), examples);
        System.out.printf("labelled set: %d examples %s; majority class %d (%.1f %%)%n", examples.size(), counts,
                majority, 100.0 * majority / examples.size());
        System.out.printf("VADER + financial supplement: %d correct (%.1f %%), macro-F1 %.3f, confusion (rows actual, cols predicted %s) %s%n",
                bundled.correct(), 100 * bundled.accuracy(), bundled.macroF1(), List.of(Label.values()), rows(bundled));
        System.out.printf("VADER lexicon alone: %d correct (%.1f %%), macro-F1 %.3f, confusion %s%n",
                vader.correct(), 100 * vader.accuracy(), vader.macroF1(), rows(vader));

        assertThat(examples).hasSize(359);
        assertThat(counts).containsEntry(Label.POSITIVE, 140).containsEntry(Label.NEUTRAL, 125).containsEntry(Label.NEGATIVE, 94);
        // as reported in docs/news-sentiment.md
        assertThat(bundled.correct()).isEqualTo(186);
        assertThat(vader.correct()).isEqualTo(150);
        assertThat(bundled.correct()).isGreaterThan(majority);
    }

    private static String rows(Measure m) {
        StringBuilder s = new StringBuilder();
        for (Label l : Label.values()) {
            s.append(l.json()).append(java.util.Arrays.toString(m.confusion().get(l))).append(' ');
        }
        return s.toString().strip();
    }
}
