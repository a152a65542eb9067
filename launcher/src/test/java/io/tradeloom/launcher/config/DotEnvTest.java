package io.tradeloom.launcher.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tradeloom.platform.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DotEnvTest {

    @Test
    void readsKeyValueLinesSkippingBlankLinesAndComments() {
        Map<String, String> vars = DotEnv.parse(List.of(
                "# TradeLoom settings",
                "",
                "TRADING_ENV=development",
                "  LOG_LEVEL = DEBUG  ",
                "EMPTY="), ".env");

        assertThat(vars).containsExactly(
                Map.entry("TRADING_ENV", "development"),
                Map.entry("LOG_LEVEL", "DEBUG"),
                Map.entry("EMPTY", ""));
    }

    @Test
    void stripsExportPrefixQuotesAndTrailingComments() {
        Map<String, String> vars = DotEnv.parse(List.of(
                "export DATABASE_PATH=/data/trading.db",
                "DASHBOARD_PASSWORD=\"with # hash and spaces \"",
                "NEWS_URL='http://localhost:6008'",
                "LOG_DIR=/var/log/tradeloom # where the logs go"), ".env");

        assertThat(vars).containsEntry("DATABASE_PATH", "/data/trading.db")
                .containsEntry("DASHBOARD_PASSWORD", "with # hash and spaces ")
                .containsEntry("NEWS_URL", "http://localhost:6008")
                .containsEntry("LOG_DIR", "/var/log/tradeloom");
    }

    @Test
    void laterLinesOverrideEarlierOnes() {
        assertThat(DotEnv.parse(List.of("A=1", "A=2"), ".env")).containsExactly(Map.entry("A", "2"));
    }

    @Test
    void malformedLineIsRejectedByNumberWithoutEchoingItsText() {
        assertThatThrownBy(() -> DotEnv.parse(List.of("OK=1", "ALPACA_PAPER_API_SECRET hunter2"), ".env"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(".env line 2")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void unclosedQuoteIsRejectedWithoutEchoingTheValue() {
        assertThatThrownBy(() -> DotEnv.parse(List.of("TRADING_API_TOKEN=\"s3cret"), ".env"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void missingFileMeansNoVariables(@TempDir Path dir) {
        assertThat(DotEnv.load(dir.resolve(".env"))).isEmpty();
    }
}
