package io.tradeloom.news.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Term valences on VADER's scale (-4..4): VADER's own lexicon (vader_lexicon.txt as shipped in the npm package
 * vader-sentiment 1.1.3; VADER by C.J. Hutto, MIT) overlaid with a financial-news supplement: the terms that the npm
 * package afinn-165-financialmarketnews 3.0.0 (MIT) adds to or re-rates in AFINN-165, scaled from AFINN's -5..5 by
 * 4/5. A supplement entry replaces VADER's rating of the same term, since it is the domain's reading of it ("shares",
 * "outstanding" and "tender" are neutral in market news); a 0 removes the term. docs/news-sentiment.md has the
 * provenance, licences and how the supplement was extracted.
 */
public final class Lexicon {

    static final String VADER = "/sentiment/vader_lexicon.txt";
    static final String FINANCIAL = "/sentiment/financial_supplement.tsv";
    /** AFINN rates -5..5, VADER -4..4. */
    static final double AFINN_TO_VADER = 0.8;

    private final Map<String, Double> valences;

    Lexicon(Map<String, Double> valences) {
        this.valences = Map.copyOf(valences);
    }

    /** VADER's lexicon alone, as published: the baseline the supplement is measured against. */
    public static Lexicon vader() {
        return new Lexicon(vaderTerms());
    }

    private static Map<String, Double> vaderTerms() {
        Map<String, Double> terms = new HashMap<>();
        read(VADER, (term, columns) -> terms.put(term, Double.parseDouble(columns[1])));
        return terms;
    }

    /** The bundled lexicon: VADER's plus the financial supplement. */
    public static Lexicon bundled() {
        Map<String, Double> terms = vaderTerms();
        read(FINANCIAL, (term, columns) -> {
            // A supplement term with a space can never match one token; VADER's negators keep their rule.
            if (term.indexOf(' ') >= 0 || SentimentAnalyzer.isNegator(term)) {
                return;
            }
            double valence = Integer.parseInt(columns[1]) * AFINN_TO_VADER;
            if (valence == 0) {
                terms.remove(term);
            } else {
                terms.put(term, valence);
            }
        });
        return new Lexicon(terms);
    }

    /** Only {@code valences}: for tests of the rules. */
    public static Lexicon of(Map<String, Double> valences) {
        return new Lexicon(valences);
    }

    public OptionalDouble valence(String lowerCaseTerm) {
        Double v = valences.get(lowerCaseTerm);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public boolean contains(String lowerCaseTerm) {
        return valences.containsKey(lowerCaseTerm);
    }

    public int size() {
        return valences.size();
    }

    Set<String> terms() {
        return valences.keySet();
    }

    private interface Line {
        void accept(String term, String[] columns);
    }

    /** Tab-separated lines, term first; lines starting with '#' are comments. */
    private static void read(String resource, Line line) {
        InputStream in = Lexicon.class.getResourceAsStream(resource);
        Objects.requireNonNull(in, resource + " is missing from the class path");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] columns = text.split("\t");
                try {
                    line.accept(columns[0], columns);
                } catch (RuntimeException e) {
                    throw new IllegalStateException(resource + " line " + number + " is malformed: " + text, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
