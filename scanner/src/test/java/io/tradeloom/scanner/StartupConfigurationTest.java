package io.tradeloom.scanner;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.testkit.TestContexts;

/** A setting the scanner cannot run with stops its start, naming the variable, before anything is written. */
class StartupConfigurationTest {

    private Path dir;
    private Path database;

    @BeforeEach
    void createDatabase() {
        dir = TestContexts.tempDir("scanner-startup");
        database = TestContexts.migratedDatabase(dir);
    }

    @AfterEach
    void delete() {
        TestContexts.delete(dir);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "market.data, foo, MARKET_DATA",
            "alpaca.feed, xyz, ALPACA_FEED",
            "sim.speed, 0, SIM_SPEED",
            "sim.start, garbage, SIM_START",
    })
    void theServiceRefusesToStartNamingTheVariable(String key, String value, String variable) {
        assertThatThrownBy(() -> ScannerFixture.start(ScannerFixture.settings(dir, database, Map.of(key, value))).stop())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(variable);

        ScannerFixture.Sql sql = new ScannerFixture.Sql(database);
        assertThat(sql.count("SELECT count(*) FROM market_clock")).isZero();
        assertThat(sql.count("SELECT count(*) FROM bar")).isZero();
    }
}
