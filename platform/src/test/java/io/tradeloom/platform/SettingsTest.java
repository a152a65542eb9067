package io.tradeloom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SettingsTest {

    private static Path dir;
    private static Path db;

    @BeforeAll
    static void noTradeLoomEnvironment() {
        // Defaults can only be observed when the test JVM's environment sets none of our variables.
        List<String> ours = List.of("SERVER_PORT", "DATABASE_PATH", "LOG_DIR", "LOG_LEVEL", "TRADING_ENV",
                "SCANNER_URL", "CLIENT_RETRIES", "CLIENT_TIMEOUT_MS", "DATABASE_MAX_CONCURRENCY");
        assumeTrue(ours.stream().noneMatch(v -> System.getenv(v) != null),
                "the environment sets a TradeLoom variable; defaults cannot be checked here");
        dir = TestContexts.tempDir("settings");
        db = dir.resolve("t.db");
    }

    @AfterAll
    static void cleanUp() {
        TestContexts.delete(dir);
    }

    private static Settings load(ServiceId service, Map<String, String> overrides) {
        return Settings.load(service, overrides);
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> m = new HashMap<>();
        m.put("database.path", db.toString());
        m.put(key, value);
        return m;
    }

    @Test
    void theTestClasspathCarriesNoApplicationYamlSoTheSharedDefaultsApply() {
        assertThat(SettingsTest.class.getClassLoader().getResource("application.yaml")).isNull();
        assertThat(SettingsTest.class.getClassLoader().getResource("tradeloom-defaults.yaml")).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(ServiceId.class)
    void eachServiceDefaultsToItsSeedPort(ServiceId service) {
        Settings s = load(service, Map.of("database.path", db.toString()));

        assertThat(s.service()).isEqualTo(service);
        assertThat(s.port()).isEqualTo(service.defaultPort());
        assertThat(s.selfUrl()).isEqualTo(URI.create("http://localhost:" + service.defaultPort()));
    }

    @Test
    void theSeedPortsAreTheContractTable() {
        assertThat(ServiceId.startOrder()).extracting(ServiceId::defaultPort)
                .containsExactly(5000, 5001, 5002, 5003, 5005, 5006, 5008, 5009, 5010);
        assertThat(ServiceId.startOrder()).extracting(ServiceId::module)
                .containsExactly("coordination", "scanner", "pattern", "technical", "trading",
                        "recognition", "news", "reporting", "dashboard");
        assertThat(ServiceId.startOrder()).filteredOn(ServiceId::critical).extracting(ServiceId::module)
                .containsExactly("coordination", "scanner", "pattern", "technical", "trading", "dashboard");
    }

    @Test
    void sharedDefaultsComeFromTradeloomDefaultsYaml() {
        Settings s = load(ServiceId.SCANNER, Map.of("database.path", db.toString()));

        assertThat(s.environment()).isEqualTo("development");
        assertThat(s.logLevel()).isEqualTo(Level.INFO);
        assertThat(s.logDir()).isEqualTo(Path.of("logs"));
        assertThat(s.database().busyTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.database().maxConcurrency()).isEqualTo(4);
        assertThat(s.database().maxAttempts()).isEqualTo(8);
        assertThat(s.client()).isEqualTo(new Settings.ClientSettings(
                Duration.ofMillis(2000), 3, 10, 60, Duration.ofMillis(5000), 32));
        assertThat(s.heartbeat()).isEqualTo(Duration.ofSeconds(5));
        for (ServiceId target : ServiceId.values()) {
            assertThat(s.url(target)).isEqualTo(URI.create("http://localhost:" + target.defaultPort()));
        }
    }

    @Test
    void aTargetMayHaveItsOwnTimeoutAndRetries() {
        Settings s = load(ServiceId.COORDINATION, Map.of("database.path", db.toString(),
                "client.timeout-ms", "900", "client.news.timeout-ms", "150", "client.trading.retries", "0"));

        assertThat(s.client(ServiceId.NEWS).timeout()).isEqualTo(Duration.ofMillis(150));
        assertThat(s.client(ServiceId.NEWS).retries()).isEqualTo(3);
        assertThat(s.client(ServiceId.TRADING).retries()).isZero();
        assertThat(s.client(ServiceId.SCANNER)).isEqualTo(new Settings.ClientSettings(
                Duration.ofMillis(900), 3, 10, 60, Duration.ofMillis(5000), 32));
    }

    @Test
    void theDatabasePathDefaultsToTheSeedFile() {
        Settings s = Settings.load(ServiceId.NEWS);

        assertThat(s.database().path()).isEqualTo(Path.of("data/trading_system.db"));
    }

    @Test
    void overridesWinOverEveryOtherSource() {
        Map<String, String> o = new HashMap<>();
        o.put("database.path", db.toString());
        o.put("server.port", "6101");
        o.put("log.level", "warn");
        o.put("log.dir", dir.resolve("l").toString());
        o.put("trading.env", "production");
        o.put("scanner.url", "http://scanner:7001");
        o.put("client.retries", "0");
        o.put("client.timeout-ms", "250");
        o.put("database.max-concurrency", "2");
        o.put("registry.heartbeat-ms", "100");

        Settings s = load(ServiceId.SCANNER, o);

        assertThat(s.port()).isEqualTo(6101);
        assertThat(s.logLevel()).isEqualTo(Level.WARNING);
        assertThat(s.logDir()).isEqualTo(dir.resolve("l"));
        assertThat(s.environment()).isEqualTo("production");
        assertThat(s.url(ServiceId.SCANNER)).isEqualTo(URI.create("http://scanner:7001"));
        assertThat(s.selfUrl()).isEqualTo(URI.create("http://scanner:7001"));
        assertThat(s.url(ServiceId.PATTERN)).isEqualTo(URI.create("http://localhost:5002"));
        assertThat(s.client().retries()).isZero();
        assertThat(s.client().timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.database().maxConcurrency()).isEqualTo(2);
        assertThat(s.database().path()).isEqualTo(db);
        assertThat(s.heartbeat()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void environmentVariablesAreTheUpperSnakeNamesOfTheKeys() {
        assertThat(Settings.environmentName("server.port")).isEqualTo("SERVER_PORT");
        assertThat(Settings.environmentName("database.busy-timeout-ms")).isEqualTo("DATABASE_BUSY_TIMEOUT_MS");
        assertThat(Settings.environmentName("scanner.url")).isEqualTo("SCANNER_URL");
        assertThat(ServiceId.SCANNER.urlVariable()).isEqualTo("SCANNER_URL");

        Config files = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.classpath("tradeloom-defaults.yaml"))
                .build();
        Map<String, String> mapped = Settings.environmentFor(files, Map.of(
                "SERVER_PORT", "6001",
                "SCANNER_URL", "http://scanner:5001",
                "DATABASE_MAX_CONCURRENCY", "3",
                "LOG_LEVEL", "DEBUG",
                "PATH", "/usr/bin",
                "UNRELATED_THING", "x"));

        assertThat(mapped).containsOnly(
                Map.entry("server.port", "6001"),
                Map.entry("scanner.url", "http://scanner:5001"),
                Map.entry("database.max-concurrency", "3"),
                Map.entry("log.level", "DEBUG"));
    }

    @Test
    void requestLimitsDefaultFromTheSharedFileAndAreSetByTheirVariables() {
        assertThat(load(ServiceId.TECHNICAL, Map.of("database.path", db.toString())).serverLimits())
                .isEqualTo(new Settings.ServerLimits(32L * 1024 * 1024, 16 * 1024, 4 * 1024));
        assertThat(load(ServiceId.TECHNICAL, with("server.max-payload-bytes", "1024")).serverLimits().maxPayloadBytes())
                .isEqualTo(1024);
        assertThat(Settings.environmentName("server.max-payload-bytes")).isEqualTo("SERVER_MAX_PAYLOAD_BYTES");
    }

    @Test
    void aRequestLimitBelowOneIsRefusedAtLoadNamingItsVariable() {
        assertThatThrownBy(() -> load(ServiceId.SCANNER, with("server.max-payload-bytes", "0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SERVER_MAX_PAYLOAD_BYTES");
        assertThatThrownBy(() -> load(ServiceId.SCANNER, with("server.max-header-bytes", "big")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SERVER_MAX_HEADER_BYTES");
    }

    @Test
    void aPortOutOfRangeNamesServerPort() {
        assertThatThrownBy(() -> load(ServiceId.SCANNER, with("server.port", "70000")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SERVER_PORT")
                .hasMessageContaining("70000");
    }

    @Test
    void aPortThatIsNotANumberNamesServerPort() {
        assertThatThrownBy(() -> load(ServiceId.SCANNER, with("server.port", "http")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SERVER_PORT")
                .hasMessageContaining("http");
    }

    @Test
    void anUnknownLogLevelNamesLogLevelAndTheChoices() {
        assertThatThrownBy(() -> load(ServiceId.SCANNER, with("log.level", "LOUD")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("LOG_LEVEL")
                .hasMessageContaining("LOUD")
                .hasMessageContaining("DEBUG");
    }

    @Test
    void aNonHttpUrlNamesItsVariable() {
        assertThatThrownBy(() -> load(ServiceId.TRADING, with("scanner.url", "ftp://x")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SCANNER_URL")
                .hasMessageContaining("ftp://x");
    }

    @Test
    void aUrlWithoutHostNamesItsVariable() {
        assertThatThrownBy(() -> load(ServiceId.TRADING, with("news.url", "localhost:5008")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("NEWS_URL");
    }

    @Test
    void zeroDatabaseConcurrencyNamesTheSetting() {
        assertThatThrownBy(() -> load(ServiceId.SCANNER, with("database.max-concurrency", "0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DATABASE_MAX_CONCURRENCY")
                .hasMessageContaining("at least 1")
                .hasMessageContaining("0");
    }

    @Test
    void aNonNumericWholeNumberSettingNamesTheSetting() {
        assertThatThrownBy(() -> load(ServiceId.SCANNER, with("client.timeout-ms", "2s")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CLIENT_TIMEOUT_MS")
                .hasMessageContaining("2s");
    }

    @Test
    void negativeRetriesAreRefused() {
        assertThatThrownBy(() -> load(ServiceId.SCANNER, with("client.retries", "-1")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CLIENT_RETRIES");
    }

    @Test
    void anEmptyDatabasePathNamesDatabasePath() {
        assertThatThrownBy(() -> load(ServiceId.SCANNER, Map.of("database.path", "")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DATABASE_PATH")
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> load(ServiceId.SCANNER, Map.of("database.path", "   ")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DATABASE_PATH");
    }

    @Test
    void anUnknownEnvironmentNamesTradingEnv() {
        assertThatThrownBy(() -> load(ServiceId.SCANNER, with("trading.env", "staging")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("TRADING_ENV")
                .hasMessageContaining("staging");
    }

    @ParameterizedTest
    @CsvSource({
            "DEBUG, FINE",
            "debug, FINE",
            "WARN, WARNING",
            "TRACE, FINEST",
            "ERROR, SEVERE",
            "INFO, INFO",
            "' info ', INFO",
            "WARNING, WARNING",
            "FINE, FINE"
    })
    void logLevelsAcceptTheUsualNamesAndJulNames(String raw, String jul) {
        assertThat(Settings.parseLevel(raw)).isEqualTo(Level.parse(jul));
        assertThat(load(ServiceId.SCANNER, with("log.level", raw)).logLevel()).isEqualTo(Level.parse(jul));
    }
}
