package io.tradeloom.news.sentiment;

import java.util.List;

/**
 * The sentiment of a text.
 *
 * @param score VADER's compound score in [-1, 1]
 * @param terms the lexicon terms that scored, in text order, each with its valence after the rules applied
 */
public record Sentiment(double score, Label label, List<Term> terms) {

    public Sentiment {
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("score " + score + " is outside [-1, 1]");
        }
        terms = List.copyOf(terms);
    }

    public static final Sentiment NEUTRAL = new Sentiment(0, Label.NEUTRAL, List.of());

    /**
     * A term as it scored.
     *
     * @param term    the token as written (lower-cased lexicon key)
     * @param lexicon its valence in the lexicon
     * @param valence its valence after negation, intensifiers, capitals and "but" (before punctuation)
     */
    public record Term(String term, double lexicon, double valence) {
    }
}
