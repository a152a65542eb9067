package io.tradeloom.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tradeloom.platform.http.Json;

/** The command-line backtest prints the summary of the same run the service would make; a bad request exits 2 naming the fields. */
class BacktestCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsTheRequestInProcessAndPrintsTheSummary() throws IOException {
        Path request = dir.resolve("request.json");
        Files.writeString(request, """
                {"symbols": ["AAPL"], "start": "2026-03-02", "end": "2026-03-02",
                 "strategy": {"required_confirmations": 0}, "lookback_bars": 100}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = BacktestCommand.run(new String[] {request.toString(), "--json"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        var summary = Json.tree(out.toByteArray()).path("summary");
        assertThat(summary.path("starting_equity").decimalValue()).isEqualByComparingTo("100000");
        assertThat(summary.has("sharpe")).isTrue();
        assertThat(summary.path("trades").asInt()).isNotNegative();
    }

    @Test
    void aBadRequestExitsWithTwoAndNamesEachBadField() throws IOException {
        Path request = dir.resolve("bad.json");
        Files.writeString(request, "{\"symbols\": [], \"start\": \"2026-03-02\", \"end\": \"soon\"}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = BacktestCommand.run(new String[] {request.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("symbols:", "end:");
    }
}
