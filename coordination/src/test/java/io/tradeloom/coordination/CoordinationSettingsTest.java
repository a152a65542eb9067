package io.tradeloom.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.Settings;
import io.tradeloom.strategy.StrategyConfig;

class CoordinationSettingsTest {

    private static CoordinationSettings load(Map<String, String> overrides) {
        Map<String, String> o = new HashMap<>(overrides);
        o.put("database.path", "unused.db");
        return CoordinationSettings.from(Settings.load(ServiceId.COORDINATION, o).config());
    }

    @Test
    void theApplicationYamlDefaultsAreTheDocumentedDefaultStrategyAndCycle() {
        CoordinationSettings s = load(Map.of());

        assertThat(s.strategy()).isEqualTo(StrategyConfig.DEFAULT);
        assertThat(s.everyMinutes()).isEqualTo(1);
        assertThat(s.deadline()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.scanPreset()).isEqualTo(Optional.of("momentum"));
        assertThat(s.topN()).isEqualTo(10);
        assertThat(s.timeframe()).isEqualTo(Timeframe.MIN_1);
        assertThat(s.signalBatch()).isEqualTo(10);
        assertThat(s.apiToken()).isEqualTo("tradeloom-dev-token");
    }

    @Test
    void everyStrategySettingHasItsKeyInTheApplicationYaml() {
        // an environment variable only overrides a key the yaml defines, so each STRATEGY_* must be there
        Settings settings = Settings.load(ServiceId.COORDINATION, Map.of("database.path", "unused.db"));
        for (String name : StrategyConfig.settingDefaults().keySet()) {
            assertThat(settings.config().get(CoordinationSettings.key(name)).exists()).as(name).isTrue();
        }
    }

    @Test
    void overridesReachTheStrategyAndABadValueNamesItsVariable() {
        CoordinationSettings s = load(Map.of("strategy.risk-percent", "1.25", "cycle.scan-preset", "", "cycle.top-n", "50"));
        assertThat(s.strategy().riskPercent()).isEqualByComparingTo("1.25");
        assertThat(s.scanPreset()).isEmpty();
        assertThat(s.topN()).isEqualTo(50);

        assertThatThrownBy(() -> load(Map.of("strategy.risk-percent", "20")))
                .isInstanceOf(ConfigurationException.class).hasMessage("STRATEGY_RISK_PERCENT must be in (0, 10], was 20");
        assertThatThrownBy(() -> load(Map.of("cycle.top-n", "0")))
                .isInstanceOf(ConfigurationException.class).hasMessage("CYCLE_TOP_N must be from 1 to 500, was 0");
        assertThatThrownBy(() -> load(Map.of("cycle.timeframe", "2Min")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("CYCLE_TIMEFRAME: ");
        assertThatThrownBy(() -> load(Map.of("trading.api-token", " ")))
                .isInstanceOf(ConfigurationException.class).hasMessage("TRADING_API_TOKEN must not be empty");
    }

    @Test
    void theSecretsAreNeverPrinted() {
        CoordinationSettings s = load(Map.of("trading.api-token", "s3cret-token", "trading.api-secret-key", "s3cret-key"));

        assertThat(s.toString()).doesNotContain("s3cret");
    }
}
