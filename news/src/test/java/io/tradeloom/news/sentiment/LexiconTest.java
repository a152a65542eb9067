package io.tradeloom.news.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The bundled lexicon is VADER's, with the financial supplement's terms re-rated or added on VADER's scale. */
class LexiconTest {

    private final Lexicon vader = Lexicon.vader();
    private final Lexicon bundled = Lexicon.bundled();

    @Test
    void vaderLexiconIsLoadedWhole() {
        // vader_lexicon.txt has 7,517 lines for 7,503 terms; of a repeated term the later line wins, as in VADER's
        // own loader (a Python dict): "lol" is 2.9 on line 303 and 1.8 on line 4403
        assertThat(vader.size()).isEqualTo(7503);
        assertThat(vader.valence("lol").getAsDouble()).isEqualTo(1.8);
        assertThat(vader.valence("good").getAsDouble()).isEqualTo(1.9);
        assertThat(vader.valence("fraud").getAsDouble()).isEqualTo(-2.8);
    }

    @Test
    void supplementAddsFinancialTermsScaledFromAfinn() {
        assertThat(vader.contains("upgraded")).isFalse();
        assertThat(bundled.valence("upgraded").getAsDouble()).isCloseTo(1 * 0.8, within(1e-12));
        assertThat(bundled.valence("plunges").getAsDouble()).isCloseTo(-4 * 0.8, within(1e-12));
        assertThat(bundled.valence("bullish").getAsDouble()).isCloseTo(1 * 0.8, within(1e-12));
    }

    @Test
    void supplementReRatesTermsThatVaderRatesDifferently() {
        // VADER rates "lower" -1.2; the financial list -1 (AFINN), i.e. -0.8 on VADER's scale
        assertThat(vader.valence("lower").getAsDouble()).isEqualTo(-1.2);
        assertThat(bundled.valence("lower").getAsDouble()).isCloseTo(-0.8, within(1e-12));
    }

    @Test
    void supplementNeutralTermsAreRemovedAndNegatorsKeepTheirRule() {
        // "shares" and "outstanding" are neutral in market news ("shares outstanding")
        assertThat(vader.contains("outstanding")).isTrue();
        assertThat(bundled.contains("outstanding")).isFalse();
        assertThat(bundled.contains("shares")).isFalse();
        // the list rates "don't" -1, but VADER treats it as a negator, not a rated word
        assertThat(bundled.valence("don't")).isEqualTo(vader.valence("don't"));
    }
}
