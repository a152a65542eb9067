package io.tradeloom.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AlpacaCredentialsTest {

    @Test
    void toStringMasksTheKeyIdAndHidesTheSecret() {
        AlpacaCredentials credentials = new AlpacaCredentials("PKA1B2C3D4E5F6G7H8I9", "very-secret-value");
        assertThat(credentials.toString())
                .isEqualTo("AlpacaCredentials[keyId=PK****I9, secret=****]")
                .doesNotContain("very-secret-value", "A1B2C3");
        assertThat(new AlpacaCredentials("SHORTKEY", "s").toString()).doesNotContain("SHORT");
    }

    @Test
    void fromEnvironmentNamesTheMissingVariablesButNoValue() {
        assertThatThrownBy(() -> AlpacaCredentials.fromEnvironment(Map.of("ALPACA_PAPER_API_KEY", "PKKEY123456789")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ALPACA_PAPER_API_KEY and ALPACA_PAPER_API_SECRET")
                .hasMessageNotContaining("PKKEY123456789");
        assertThat(AlpacaCredentials.fromEnvironment(
                Map.of("ALPACA_PAPER_API_KEY", " PKKEY123456789 ", "ALPACA_PAPER_API_SECRET", "sec")))
                .isEqualTo(new AlpacaCredentials("PKKEY123456789", "sec"));
    }

    @Test
    void blankValuesAreRefused() {
        assertThatThrownBy(() -> new AlpacaCredentials("PKKEY", " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
