package io.tradeloom.news.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * VADER (Hutto and Gilbert, ICWSM 2014) over a {@link Lexicon}: each lexicon term's valence is raised or lowered by
 * up to three preceding intensifiers ("very", "slightly"; further ones count 95 % and 90 %), flipped and damped by a
 * negation in that window ("not", "n't", "never", "without", ...; x -0.74), emphasised when written in capitals
 * amid lower-case text (+-0.733), weighted 0.5 before and 1.5 after a contrastive "but"; the sum is emphasised by
 * exclamation marks (0.292 each, up to 4) and question marks (0.18 each for 2 or 3, 0.96 for more) and normalised
 * to {@code x / sqrt(x^2 + 15)}. The constants and word lists are VADER's (vaderSentiment 3.3.2, and its
 * JavaScript port vader-sentiment 1.1.3); this is an independent Java implementation of those rules. Emoji
 * descriptions are not handled: news text carries none. Thread-safe.
 */
public final class SentimentAnalyzer {

    // Empirically derived mean sentiment intensity changes (Hutto and Gilbert, 2014).
    static final double B_INCR = 0.293;
    static final double B_DECR = -0.293;
    static final double C_INCR = 0.733;
    static final double N_SCALAR = -0.74;
    static final double EXCLAMATION = 0.292;
    static final double QUESTION = 0.18;
    static final double MANY_QUESTIONS = 0.96;
    static final double ALPHA = 15;

    private static final Set<String> NEGATE = Set.of(
            "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
            "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
            "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
            "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
            "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
            "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
            "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    private static final Map<String, Double> BOOSTERS = boosters();

    private static final Map<String, Double> IDIOMS = Map.of(
            "the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5, "badass", 1.5, "bus stop", 0.0,
            "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
            "beating heart", 3.1, "broken heart", -2.9);

    private final Lexicon lexicon;

    public SentimentAnalyzer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> b = new java.util.HashMap<>();
        for (String w : List.of("absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
                "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional",
                "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking",
                "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging",
                "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly",
                "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
                "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably", "unusually",
                "utter", "utterly", "very")) {
            b.put(w, B_INCR);
        }
        for (String w : List.of("almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
                "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce",
                "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of")) {
            b.put(w, B_DECR);
        }
        return Map.copyOf(b);
    }

    static boolean isNegator(String lowerCaseWord) {
        return NEGATE.contains(lowerCaseWord) || lowerCaseWord.contains("n't");
    }

    /** The sentiment of {@code text}; blank text is neutral with no terms. */
    public Sentiment analyze(String text) {
        List<String> words = tokens(text);
        if (words.isEmpty()) {
            return Sentiment.NEUTRAL;
        }
        List<String> lower = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        boolean capDifferential = capDifferential(words);
        double[] valences = new double[words.size()];
        for (int i = 0; i < words.size(); i++) {
            String w = lower.get(i);
            boolean kindOf = w.equals("kind") && i + 1 < words.size() && lower.get(i + 1).equals("of");
            if (kindOf || BOOSTERS.containsKey(w)) {
                continue; // an intensifier carries no valence of its own
            }
            valences[i] = valence(words, lower, i, capDifferential);
        }
        butCheck(lower, valences);

        double sum = 0;
        List<Sentiment.Term> terms = new ArrayList<>();
        for (int i = 0; i < valences.length; i++) {
            sum += valences[i];
            OptionalDouble rated = lexicon.valence(lower.get(i));
            if (rated.isPresent() && !BOOSTERS.containsKey(lower.get(i))) {
                terms.add(new Sentiment.Term(lower.get(i), rated.getAsDouble(), valences[i]));
            }
        }
        double emphasis = punctuationEmphasis(text);
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        double score = normalize(sum);
        return new Sentiment(score, Label.of(score), terms);
    }

    static double normalize(double score) {
        double n = score / Math.sqrt(score * score + ALPHA);
        return Math.max(-1, Math.min(1, n));
    }

    /**
     * Whitespace-separated tokens with leading and trailing punctuation removed ("$AAPL," becomes "AAPL"), so that
     * "beats," matches "beats"; a short token that the lexicon rates as written stays whole (emoticons such as ":("
     * and ":D"), and a token of punctuation alone is dropped otherwise (a dash between headline parts).
     */
    List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String raw : text.strip().split("\\s+")) {
            if (raw.isEmpty()) {
                continue;
            }
            int from = 0;
            int to = raw.length();
            while (from < to && !Character.isLetterOrDigit(raw.charAt(from))) {
                from++;
            }
            while (to > from && !Character.isLetterOrDigit(raw.charAt(to - 1))) {
                to--;
            }
            boolean rated = lexicon.contains(raw.toLowerCase(Locale.ROOT));
            if (from < to && !(rated && to - from <= 2)) {
                tokens.add(raw.substring(from, to));
            } else if (rated || from < to) {
                tokens.add(raw);
            }
        }
        return tokens;
    }

    /** Python's str.isupper(): at least one cased character, and no lower-case one. */
    static boolean isUpper(String word) {
        boolean cased = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            cased |= Character.isUpperCase(c);
        }
        return cased;
    }

    /** True when some but not all words are in capitals: only then do capitals add emphasis. */
    static boolean capDifferential(List<String> words) {
        long upper = words.stream().filter(SentimentAnalyzer::isUpper).count();
        return upper > 0 && upper < words.size();
    }

    private double valence(List<String> words, List<String> lower, int i, boolean capDifferential) {
        OptionalDouble rated = lexicon.valence(lower.get(i));
        if (rated.isEmpty()) {
            return 0;
        }
        double valence = rated.getAsDouble();
        String w = lower.get(i);
        // "no" negates an adjacent rated word rather than counting itself
        if (w.equals("no") && i + 1 < words.size() && lexicon.contains(lower.get(i + 1))) {
            valence = 0;
        }
        if ((i > 0 && lower.get(i - 1).equals("no"))
                || (i > 1 && lower.get(i - 2).equals("no"))
                || (i > 2 && lower.get(i - 3).equals("no") && (lower.get(i - 1).equals("or") || lower.get(i - 1).equals("nor")))) {
            valence = rated.getAsDouble() * N_SCALAR;
        }
        if (capDifferential && isUpper(words.get(i))) {
            valence += valence > 0 ? C_INCR : -C_INCR;
        }
        for (int start = 0; start < 3; start++) {
            int j = i - (start + 1);
            if (j >= 0 && !lexicon.contains(lower.get(j))) {
                double s = scalar(words.get(j), lower.get(j), valence, capDifferential);
                if (start == 1) {
                    s *= 0.95;
                } else if (start == 2) {
                    s *= 0.9;
                }
                valence += s;
                valence = negation(valence, lower, start, i);
                if (start == 2) {
                    valence = idioms(valence, lower, i);
                }
            }
        }
        return least(valence, lower, i);
    }

    /** An intensifier's push on a valence: away from zero for "very", towards it for "slightly". */
    private static double scalar(String word, String lowerWord, double valence, boolean capDifferential) {
        Double b = BOOSTERS.get(lowerWord);
        if (b == null) {
            return 0;
        }
        double scalar = valence < 0 ? -b : b;
        if (capDifferential && isUpper(word)) {
            scalar += valence > 0 ? C_INCR : -C_INCR;
        }
        return scalar;
    }

    private static double negation(double valence, List<String> w, int start, int i) {
        switch (start) {
            case 0 -> {
                if (isNegator(w.get(i - 1))) {
                    return valence * N_SCALAR;
                }
            }
            case 1 -> {
                if (w.get(i - 2).equals("never") && (w.get(i - 1).equals("so") || w.get(i - 1).equals("this"))) {
                    return valence * 1.25;
                }
                if (w.get(i - 2).equals("without") && w.get(i - 1).equals("doubt")) {
                    return valence;
                }
                if (isNegator(w.get(i - 2))) {
                    return valence * N_SCALAR;
                }
            }
            default -> {
                if (w.get(i - 3).equals("never") && (soOrThis(w.get(i - 2)) || soOrThis(w.get(i - 1)))) {
                    return valence * 1.25;
                }
                if (w.get(i - 3).equals("without") && (w.get(i - 2).equals("doubt") || w.get(i - 1).equals("doubt"))) {
                    return valence;
                }
                if (isNegator(w.get(i - 3))) {
                    return valence * N_SCALAR;
                }
            }
        }
        return valence;
    }

    private static boolean soOrThis(String w) {
        return w.equals("so") || w.equals("this");
    }

    private static double idioms(double valence, List<String> w, int i) {
        String oneZero = w.get(i - 1) + " " + w.get(i);
        String twoOneZero = w.get(i - 2) + " " + oneZero;
        String twoOne = w.get(i - 2) + " " + w.get(i - 1);
        String threeTwoOne = w.get(i - 3) + " " + twoOne;
        String threeTwo = w.get(i - 3) + " " + w.get(i - 2);
        for (String seq : List.of(oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo)) {
            Double idiom = IDIOMS.get(seq);
            if (idiom != null) {
                valence = idiom;
                break;
            }
        }
        if (i + 1 < w.size()) {
            Double idiom = IDIOMS.get(w.get(i) + " " + w.get(i + 1));
            if (idiom != null) {
                valence = idiom;
            }
        }
        if (i + 2 < w.size()) {
            Double idiom = IDIOMS.get(w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2));
            if (idiom != null) {
                valence = idiom;
            }
        }
        if (BOOSTERS.containsKey(threeTwo) || BOOSTERS.containsKey(twoOne)) {
            valence += B_DECR;
        }
        return valence;
    }

    /** "least" negates the word after it, except in "at least" and "very least". */
    private double least(double valence, List<String> w, int i) {
        if (i > 0 && w.get(i - 1).equals("least") && !lexicon.contains("least")) {
            if (i == 1 || (!w.get(i - 2).equals("at") && !w.get(i - 2).equals("very"))) {
                return valence * N_SCALAR;
            }
        }
        return valence;
    }

    /** What follows a contrastive "but" weighs 1.5, what precedes it 0.5. */
    private static void butCheck(List<String> lower, double[] valences) {
        int but = lower.indexOf("but");
        if (but < 0) {
            return;
        }
        for (int i = 0; i < valences.length; i++) {
            if (i < but) {
                valences[i] *= 0.5;
            } else if (i > but) {
                valences[i] *= 1.5;
            }
        }
    }

    static double punctuationEmphasis(String text) {
        long exclamations = Math.min(4, text.chars().filter(c -> c == '!').count());
        long questions = text.chars().filter(c -> c == '?').count();
        double q = questions > 3 ? MANY_QUESTIONS : questions > 1 ? questions * QUESTION : 0;
        return exclamations * EXCLAMATION + q;
    }
}
