package io.tradeloom.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.Settings;

/**
 * The scanner's market-data settings, read as the service reads them (application.yaml under the given keys, which
 * the environment sets by their upper-snake names): defaults, and each bad value refused naming its variable.
 */
class MarketDataSettingsTest {

    private static MarketDataSettings read(Map<String, String> keys) {
        Map<String, String> all = new HashMap<>(keys);
        all.put("database.path", "unused/trading_system.db");
        // the machine's environment must not leak into these tests
        all.putIfAbsent("market.data", "sim");
        all.putIfAbsent("alpaca.paper-api-key", "");
        all.putIfAbsent("alpaca.paper-api-secret", "");
        return MarketDataSettings.from(Settings.load(ServiceId.SCANNER, all).config());
    }

    @Test
    void theDefaultsAreTheSimulatedMarketAtOneMinutePerSecond() {
        MarketDataSettings s = read(Map.of());

        assertThat(s.source()).isEqualTo("sim");
        assertThat(s.simSpeed()).isEqualTo(60.0);
        assertThat(s.speed()).isEqualTo(60.0);
        assertThat(s.simSeed()).isEqualTo(42);
        assertThat(s.start()).isEmpty();
        assertThat(s.skipClosed()).isTrue();
        assertThat(s.simUniverse()).isEmpty();
        assertThat(s.historyDays()).isEqualTo(20);
        assertThat(s.replayDir()).isEqualTo(Path.of("data/replay"));
        assertThat(s.replaySpreadBps()).isEqualTo(2);
        assertThat(s.alpacaDataUrl()).isEqualTo(URI.create("https://data.alpaca.markets"));
        assertThat(s.alpacaFeed()).isEqualTo("iex");
        assertThat(s.alpacaFreePlan()).isTrue();
        assertThat(s.alpacaSymbols()).isEmpty();
        assertThat(s.ingestInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.maxTopN()).isEqualTo(500);
        assertThat(s.maxBarsLimit()).isEqualTo(10_000);
    }

    @ParameterizedTest(name = "{0}={1} is refused naming {2}")
    @CsvSource(delimiter = '|', value = {
            "market.data          | foo           | MARKET_DATA",
            "market.data          | simulated     | MARKET_DATA",
            "alpaca.feed          | xyz           | ALPACA_FEED",
            "sim.speed            | 0             | SIM_SPEED",
            "sim.speed            | -60           | SIM_SPEED",
            "sim.speed            | fast          | SIM_SPEED",
            "sim.speed            | 2000000       | SIM_SPEED",
            "sim.speed            | NaN           | SIM_SPEED",
            "sim.start            | garbage       | SIM_START",
            "sim.start            | 2025-02-30    | SIM_START",
            "sim.start            | 1741012200    | SIM_START",
            "sim.seed             | forty-two     | SIM_SEED",
            "sim.skip-closed      | maybe         | SIM_SKIP_CLOSED",
            "replay.speed         | 0             | REPLAY_SPEED",
            "replay.spread-bps    | -1            | REPLAY_SPREAD_BPS",
            "alpaca.data-url      | not a url     | ALPACA_DATA_URL",
            "alpaca.data-url      | ftp://data.alpaca.markets | ALPACA_DATA_URL",
            "alpaca.free-plan     | yes           | ALPACA_FREE_PLAN",
            "market.history-days  | 0             | MARKET_HISTORY_DAYS",
            "ingest.interval-ms   | 5             | INGEST_INTERVAL_MS",
            "scan.max-top-n       | 0             | SCAN_MAX_TOP_N",
            "bars.max-limit       | many          | BARS_MAX_LIMIT",
    })
    void aBadValueIsRefusedNamingItsVariable(String key, String value, String variable) {
        assertThatThrownBy(() -> read(Map.of(key, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(variable)
                .hasMessageContaining(value.trim());
    }

    @Test
    void simStartAsADateIsThatDatesOpenInNewYorkInEitherSeason() {
        assertThat(read(Map.of("sim.start", "2025-03-04")).start()).hasValue(Instant.parse("2025-03-04T14:30:00Z"));
        assertThat(read(Map.of("sim.start", "2025-07-01")).start()).hasValue(Instant.parse("2025-07-01T13:30:00Z"));
        assertThat(read(Map.of("sim.start", "2025-03-04T10:15:00-05:00")).start())
                .hasValue(Instant.parse("2025-03-04T15:15:00Z"));
        assertThat(read(Map.of("sim.start", "  ")).start()).isEqualTo(Optional.empty());
    }

    @Test
    void namesAreReadCaseInsensitivelyAndSymbolListsTidied() {
        MarketDataSettings s = read(Map.of("market.data", " Replay ", "alpaca.feed", "SIP",
                "alpaca.symbols", " aapl, msft ,,brk.b ", "replay.speed", "600"));

        assertThat(s.source()).isEqualTo("replay");
        assertThat(s.speed()).isEqualTo(600.0);
        assertThat(s.alpacaFeed()).isEqualTo("sip");
        assertThat(s.alpacaSymbols()).isEqualTo(List.of("AAPL", "MSFT", "BRK.B"));
    }

    @Test
    void alpacaRunsOnRealTimeAndNeedsBothKeys() {
        MarketDataSettings s = read(Map.of("market.data", "alpaca", "alpaca.paper-api-key", "PKX", "alpaca.paper-api-secret", "s",
                "sim.speed", "600"));
        assertThat(s.speed()).isEqualTo(1.0);

        assertThatThrownBy(() -> read(Map.of("market.data", "alpaca")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ALPACA_PAPER_API_KEY");
        assertThatThrownBy(() -> read(Map.of("market.data", "alpaca", "alpaca.paper-api-key", "PKX")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ALPACA_PAPER_API_SECRET");
    }
}
