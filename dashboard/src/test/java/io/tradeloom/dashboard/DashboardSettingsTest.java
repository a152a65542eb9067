package io.tradeloom.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import io.tradeloom.platform.ConfigurationException;

class DashboardSettingsTest {

    private static Config config(Map<String, String> values) {
        return Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.create(values))
                .addSource(ConfigSources.classpath("application.yaml")).build();
    }

    @Test
    void developmentRunsWithTheDocumentedDefaults() {
        DashboardSettings s = DashboardSettings.from(config(Map.of()), "development");
        assertThat(s.password()).isEqualTo(DashboardSettings.DEVELOPMENT_PASSWORD);
        assertThat(s.apiToken()).isEqualTo("tradeloom-dev-token");
    }

    @Test
    void productionRefusesTheDevelopmentPassword() {
        assertThatThrownBy(() -> DashboardSettings.from(config(Map.of()), "production"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("DASHBOARD_PASSWORD");
        assertThat(DashboardSettings.from(config(Map.of("dashboard.password", "correct horse")), "production").password())
                .isEqualTo("correct horse");
    }

    @Test
    void anEmptyTokenIsAConfigurationError() {
        assertThatThrownBy(() -> DashboardSettings.from(config(Map.of("trading.api-token", " ")), "development"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("TRADING_API_TOKEN");
    }

    @Test
    void theCredentialsAreHiddenFromToString() {
        DashboardSettings s = DashboardSettings.from(config(Map.of()), "development");
        assertThat(s.toString()).doesNotContain(s.password()).doesNotContain(s.apiToken()).doesNotContain(s.apiSecretKey());
    }
}
