package io.tradeloom.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(List.of(args), env, dir,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void noCommandPrintsUsageAndExits64() {
        assertThat(run(Map.of())).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage:", "up", "status", "diagnose", "migrate");
    }

    @Test
    void unknownCommandPrintsUsageAndExits64() {
        assertThat(run(Map.of(), "start")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command 'start'", "Usage:");
    }

    @Test
    void migrateCreatesTheDatabaseAndPrintsItsVersionTwiceTheSame() {
        Path db = dir.resolve("data/trading_system.db");

        assertThat(run(Map.of(), "migrate")).isZero();
        String first = out.toString(StandardCharsets.UTF_8);
        assertThat(run(Map.of(), "migrate")).isZero();

        assertThat(db).isRegularFile();
        assertThat(first).matches("Database " + Pattern.quote(db.toString())
                + " is at schema version \\d+\\.\\R");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(first + first);
    }

    @Test
    void migrateOnACorruptFileFailsClearlyAndChangesNoByte() throws IOException {
        Path db = dir.resolve("broken.db");
        byte[] garbage = new byte[4096];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        Files.write(db, garbage);

        int code = run(Map.of("DATABASE_PATH", db.toString()), "migrate");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Migration failed", "not a SQLite database", db.toString());
        assertThat(db).hasBinaryContent(garbage);
        assertThat(dir.resolve("broken.db-wal")).doesNotExist();
    }

    @Test
    void migrateOnAFileWithSqliteHeaderButGarbageAfterItFailsAndChangesNoByte() throws IOException {
        Path db = dir.resolve("damaged.db");
        byte[] bytes = new byte[8192];
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (int i = header.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 13 + 5);
        }
        Files.write(db, bytes);

        int code = run(Map.of("DATABASE_PATH", db.toString()), "migrate");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Migration failed");
        assertThat(db).hasBinaryContent(bytes);
    }

    @Test
    void malformedDotEnvIsAConfigurationErrorWithoutEchoingTheLine() throws IOException {
        Files.writeString(dir.resolve(".env"), "DASHBOARD_PASSWORD swordfish\n");

        assertThat(run(Map.of(), "status")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Configuration error", "line 1")
                .doesNotContain("swordfish");
    }

    @Test
    void statusWithNothingRunningPrintsEveryServiceDownAndExits1() throws IOException {
        Map<String, String> env = new HashMap<>();
        TestSystem.freeLocalUrls().forEach((s, url) -> env.put(s.urlVariable(), url.toString()));

        assertThat(run(env, "status")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(" DOWN "))).hasSize(9);
    }
}
