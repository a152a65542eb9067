package io.tradeloom.news.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * VADER's rules, each checked by hand on a two-word lexicon, and the whole against the compound scores VADER's
 * authors publish for their example sentences (vaderSentiment's README), with VADER's lexicon alone.
 */
class SentimentAnalyzerTest {

    private static final double GOOD = 1.9;
    private static final double BAD = -2.5;
    private final SentimentAnalyzer tiny = new SentimentAnalyzer(Lexicon.of(Map.of("good", GOOD, "bad", BAD, "no", -1.2)));

    private static double compound(double sum) {
        return sum / Math.sqrt(sum * sum + 15);
    }

    private double score(String text) {
        return tiny.analyze(text).score();
    }

    @Test
    void scoresOneRatedWordByNormalisingItsValence() {
        assertThat(score("a good day")).isCloseTo(compound(GOOD), within(1e-12));
        assertThat(tiny.analyze("a good day").terms()).containsExactly(new Sentiment.Term("good", GOOD, GOOD));
        assertThat(tiny.analyze("a good day").label()).isEqualTo(Label.POSITIVE);
    }

    @Test
    void textWithoutRatedWordsIsNeutralWithNoTerms() {
        Sentiment s = tiny.analyze("the company held its meeting");
        assertThat(s.score()).isZero();
        assertThat(s.label()).isEqualTo(Label.NEUTRAL);
        assertThat(s.terms()).isEmpty();
    }

    @Test
    void negationWithinThreeWordsFlipsAndDampsTheValence() {
        assertThat(score("not good")).isCloseTo(compound(GOOD * -0.74), within(1e-12));
        assertThat(score("isn't good")).isCloseTo(compound(GOOD * -0.74), within(1e-12));
        assertThat(score("never really that good")).isCloseTo(compound((GOOD + 0.293 * 0.95) * -0.74), within(1e-12));
        // four words back is outside the window
        assertThat(score("not at all quite like good")).isCloseTo(compound(GOOD + 0.293 * 0.95), within(1e-12));
    }

    @Test
    void intensifiersPushAwayFromZeroAndDampenersTowardsIt() {
        assertThat(score("very good")).isCloseTo(compound(GOOD + 0.293), within(1e-12));
        assertThat(score("very bad")).isCloseTo(compound(BAD - 0.293), within(1e-12));
        assertThat(score("slightly good")).isCloseTo(compound(GOOD - 0.293), within(1e-12));
        // the second word back counts 95 %, the third 90 %
        assertThat(score("very extremely good")).isCloseTo(compound(GOOD + 0.293 + 0.293 * 0.95), within(1e-12));
        assertThat(score("very extremely highly good")).isCloseTo(compound(GOOD + 0.293 + 0.293 * 0.95 + 0.293 * 0.9), within(1e-12));
    }

    @Test
    void capitalsAmidLowerCaseEmphasiseButAllCapitalsDoNot() {
        assertThat(score("a GOOD day")).isCloseTo(compound(GOOD + 0.733), within(1e-12));
        assertThat(score("A GOOD DAY")).isCloseTo(compound(GOOD), within(1e-12));
        assertThat(score("a VERY good day")).isCloseTo(compound(GOOD + 0.293 + 0.733), within(1e-12));
    }

    @Test
    void butHalvesWhatPrecedesAndWeighsWhatFollowsOneAndAHalf() {
        assertThat(score("good but bad")).isCloseTo(compound(0.5 * GOOD + 1.5 * BAD), within(1e-12));
        assertThat(score("bad BUT good")).isCloseTo(compound(0.5 * BAD + 1.5 * GOOD), within(1e-12));
    }

    @Test
    void exclamationMarksAddUpToFourEmphasesAndQuestionMarksFromTwo() {
        assertThat(score("good!")).isCloseTo(compound(GOOD + 0.292), within(1e-12));
        assertThat(score("good!!!!!!")).isCloseTo(compound(GOOD + 4 * 0.292), within(1e-12));
        assertThat(score("bad!!")).isCloseTo(compound(BAD - 2 * 0.292), within(1e-12));
        assertThat(score("good?")).isCloseTo(compound(GOOD), within(1e-12));
        assertThat(score("good???")).isCloseTo(compound(GOOD + 3 * 0.18), within(1e-12));
        assertThat(score("good?????")).isCloseTo(compound(GOOD + 0.96), within(1e-12));
    }

    @Test
    void leastNegatesExceptInAtLeast() {
        assertThat(score("the least good")).isCloseTo(compound(GOOD * -0.74), within(1e-12));
        assertThat(score("at least good")).isCloseTo(compound(GOOD), within(1e-12));
    }

    @Test
    void noBeforeARatedWordNegatesItInsteadOfCounting() {
        assertThat(score("no good")).isCloseTo(compound(GOOD * -0.74), within(1e-12));
        assertThat(score("no")).isCloseTo(compound(-1.2), within(1e-12));
    }

    @Test
    void theScoreStaysWithinMinusOneAndOne() {
        assertThat(score("good ".repeat(1000))).isBetween(0.99, 1.0);
        assertThat(score("bad ".repeat(1000) + "!!!!")).isBetween(-1.0, -0.99);
    }

    @Test
    void punctuationAroundWordsIsIgnored() {
        assertThat(score("\"good,\" they said - (bad).")).isCloseTo(compound(GOOD + BAD), within(1e-12));
    }

    /** VADER's published outputs (vaderSentiment README, compound rounded to 4 places). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "VADER is smart, handsome, and funny.|0.8316",
            "VADER is smart, handsome, and funny!|0.8439",
            "VADER is very smart, handsome, and funny.|0.8545",
            "VADER is VERY SMART, handsome, and FUNNY.|0.9227",
            "VADER is VERY SMART, handsome, and FUNNY!!!|0.9342",
            "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!|0.9469",
            "VADER is not smart, handsome, nor funny.|-0.7424",
            "The book was good.|0.4404",
            "At least it isn't a horrible book.|0.431",
            "The book was only kind of good.|0.3832",
            "The plot was good, but the characters are uncompelling and the dialog is not great.|-0.7042",
            "Today SUX!|-0.5461",
            "Today only kinda sux! But I'll get by, lol|0.5249",
            "Make sure you :) or :D today!|0.8633",
            "Not bad at all|0.431",
    })
    void matchesVaderPublishedScores(String text, double expected) {
        double actual = new SentimentAnalyzer(Lexicon.vader()).analyze(text).score();
        assertThat(actual).as(text).isCloseTo(expected, within(0.00005));
    }
}
