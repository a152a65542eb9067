package io.tradeloom.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path dir;

    @Test
    void aTailOfALargeFileHasOnlyWholeLinesFromItsEnd() throws IOException {
        String text = IntStream.range(0, 20_000).mapToObj(i -> "2026-11-24T15:00:00.000Z INFO [scanner] X: line " + i)
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(dir.resolve("security_scanner.log"), text);

        var tail = new LogFiles(dir).tail("scanner", 3).orElseThrow();

        assertThat(tail).extracting(l -> l.substring(l.lastIndexOf(' ') + 1)).containsExactly("19997", "19998", "19999");
        assertThat(LogFiles.lastLines(dir.resolve("security_scanner.log"), 1000))
                .allSatisfy(l -> assertThat(l).startsWith("2026-11-24T15:00:00.000Z INFO"));
    }

    @Test
    void aLogNotWrittenYetIsEmptyAndAnUnknownNameIsRefused() throws IOException {
        assertThat(new LogFiles(dir).tail("news", 10)).isEmpty();
        assertThatThrownBy(() -> new LogFiles(dir).tail("../../etc/passwd", 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recentProblemsAreTheWarningsAndErrorsOfEveryLogNewestFirst() throws IOException {
        Files.writeString(dir.resolve("paper_trading.log"), """
                2026-11-24T15:00:01.000Z SEVERE [trading] Broker: first
                2026-11-24T15:00:03.000Z INFO [trading] Main: fine
                """);
        Files.writeString(dir.resolve("system_health.log"), """
                2026-11-24T15:00:02.000Z WARNING [launcher] Supervisor: restarted news
                """);

        var problems = new LogFiles(dir).recentProblems(10);

        assertThat(problems).extracting(LogFiles.Problem::message)
                .containsExactly("Supervisor: restarted news", "Broker: first");
        assertThat(problems.get(1).level()).isEqualTo("SEVERE");
        assertThat(problems.get(1).service()).isEqualTo("trading");
    }
}
