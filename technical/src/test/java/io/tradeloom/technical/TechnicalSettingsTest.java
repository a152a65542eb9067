package io.tradeloom.technical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tradeloom.indicators.signal.SignalRules;
import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.Settings;

class TechnicalSettingsTest {

    @Test
    void theShippedConfigurationIsTheLibrarysDefaultRuleSetAndLimits() {
        TechnicalSettings s = load(Map.of());

        assertThat(s.rules()).isEqualTo(SignalRules.defaults());
        assertThat(s.maxBars()).isEqualTo(100_000);
        assertThat(s.maxCount()).isEqualTo(50);
        assertThat(s.signalBars()).isEqualTo(500);
    }

    @Test
    void everyRuleSettingCanBeOverridden() {
        TechnicalSettings s = load(Map.of("signals.rules.rsi.oversold", "25", "signals.rules.ema-cross.weight", "0",
                "signals.rules.buy-threshold", "0.5", "signals.rules.macd.slow", "30"));

        assertThat(s.rules().rsi().oversold()).isEqualTo(25);
        assertThat(s.rules().emaCross().weight()).isZero();
        assertThat(s.rules().buyThreshold()).isEqualTo(0.5);
        assertThat(s.rules().macd().slow()).isEqualTo(30);
    }

    @Test
    void inconsistentOrMalformedSettingsStopTheServiceWithTheVariableNamed() {
        assertThatThrownBy(() -> load(Map.of("signals.rules.ema-cross.fast", "30")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("signal rules").hasMessageContaining("fast (30) must be below slow (21)");
        assertThatThrownBy(() -> load(Map.of("signals.rules.rsi.period", "abc")))
                .hasMessageContaining("SIGNALS_RULES_RSI_PERIOD (signals.rules.rsi.period) must be a whole number");
        assertThatThrownBy(() -> load(Map.of("indicators.max-bars", "0")))
                .hasMessageContaining("INDICATORS_MAX_BARS (indicators.max-bars) must be between 1");
        assertThatThrownBy(() -> load(Map.of("signals.rules.adx.weight", "NaN")))
                .hasMessageContaining("SIGNALS_RULES_ADX_WEIGHT (signals.rules.adx.weight) must be a number");
    }

    private static TechnicalSettings load(Map<String, String> overrides) {
        return TechnicalSettings.from(Settings.load(ServiceId.TECHNICAL, overrides).config());
    }
}
