package io.tradeloom.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tradeloom.platform.TestContexts;

class RotatingFileHandlerTest {

    private static final Formatter MESSAGE_ONLY = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + "\n";
        }
    };

    private Path dir;
    private final List<RotatingFileHandler> handlers = new ArrayList<>();

    @BeforeEach
    void createDir() {
        dir = TestContexts.tempDir("rotate");
    }

    @AfterEach
    void cleanUp() {
        handlers.forEach(RotatingFileHandler::close);
        TestContexts.delete(dir);
    }

    private RotatingFileHandler handler(Path file, long limit, int keep) throws IOException {
        RotatingFileHandler h = new RotatingFileHandler(file, limit, keep);
        h.setFormatter(MESSAGE_ONLY);
        handlers.add(h);
        return h;
    }

    private static void log(RotatingFileHandler h, String message) {
        h.publish(new LogRecord(Level.INFO, message));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    private List<String> logFiles(String name) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(name) && !n.endsWith(".lock"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aNewHandlerCreatesItsFileAndDirectory() throws IOException {
        Path file = dir.resolve("nested/deeper/security_scanner.log");

        RotatingFileHandler h = handler(file, 1_000, 3);
        log(h, "hello");

        assertThat(h.file()).isEqualTo(file.toAbsolutePath());
        assertThat(lines(file)).containsExactly("hello");
    }

    @Test
    void writingPastTheLimitKeepsTheSeedNameCurrentAndRotatesToNumberedFiles() throws IOException {
        Path file = dir.resolve("app.log");
        RotatingFileHandler h = handler(file, 300, 3);

        for (int i = 0; i < 100; i++) {
            log(h, String.format("record-%03d-..................", i)); // 30 bytes with the newline
        }

        assertThat(logFiles("app.log")).containsExactly("app.log", "app.log.1", "app.log.2", "app.log.3");
        assertThat(lines(file)).last().asString().startsWith("record-099");
        // The newest records are in the current file, the older ones in .1, .2, .3, none lost in between.
        List<String> all = new ArrayList<>();
        for (String name : List.of("app.log.3", "app.log.2", "app.log.1", "app.log")) {
            List<String> part = lines(dir.resolve(name));
            assertThat(part).isNotEmpty();
            assertThat(Files.size(dir.resolve(name))).isLessThanOrEqualTo(300 + 30);
            all.addAll(part);
        }
        int first = Integer.parseInt(all.getFirst().substring(7, 10));
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i)).startsWith(String.format("record-%03d", first + i));
        }
        assertThat(first + all.size()).isEqualTo(100);
    }

    @Test
    void neverKeepsMoreThanKeepRotatedFiles() throws IOException {
        Path file = dir.resolve("keep.log");
        RotatingFileHandler h = handler(file, 50, 2);

        for (int i = 0; i < 200; i++) {
            log(h, "line " + i + " ..............................");
            assertThat(logFiles("keep.log")).hasSizeLessThanOrEqualTo(3);
        }
        assertThat(logFiles("keep.log")).containsExactly("keep.log", "keep.log.1", "keep.log.2");
    }

    @Test
    void aFileUnderTheLimitIsNotRotated() throws IOException {
        Path file = dir.resolve("small.log");
        RotatingFileHandler h = handler(file, 10_000, 3);

        for (int i = 0; i < 10; i++) {
            log(h, "line " + i);
        }

        assertThat(logFiles("small.log")).containsExactly("small.log");
        assertThat(lines(file)).hasSize(10);
    }

    @Test
    void aSecondWriterFollowsARotationMadeByTheFirst() throws IOException {
        // Two handlers on one file stand for two processes sharing database_operations.log.
        Path file = dir.resolve("database_operations.log");
        RotatingFileHandler first = handler(file, 200, 3);
        RotatingFileHandler second = handler(file, 200, 3);

        log(second, "second: before the rotation");
        for (int i = 0; i < 100 && !Files.exists(dir.resolve("database_operations.log.1")); i++) {
            log(first, "first: line " + i + " ......................");
        }
        assertThat(dir.resolve("database_operations.log.1")).exists();

        log(second, "second: after the rotation");

        assertThat(lines(file)).contains("second: after the rotation");
        assertThat(lines(dir.resolve("database_operations.log.1")))
                .contains("second: before the rotation")
                .doesNotContain("second: after the rotation");
    }

    @Test
    void writersTakingTurnsNeverLoseALineOrKeepTooManyFiles() throws IOException {
        Path file = dir.resolve("shared.log");
        RotatingFileHandler a = handler(file, 400, 10);
        RotatingFileHandler b = handler(file, 400, 10);

        for (int i = 0; i < 60; i++) {
            log(i % 2 == 0 ? a : b, String.format("line-%03d ....................", i));
        }

        List<String> all = new ArrayList<>();
        List<String> names = new ArrayList<>(logFiles("shared.log"));
        names.sort((x, y) -> Integer.compare(index(y), index(x)));
        for (String name : names) {
            all.addAll(lines(dir.resolve(name)));
        }
        assertThat(all).hasSize(60);
        for (int i = 0; i < 60; i++) {
            assertThat(all.get(i)).startsWith(String.format("line-%03d", i));
        }
    }

    private static int index(String name) {
        int dot = name.lastIndexOf('.');
        String suffix = name.substring(dot + 1);
        return suffix.chars().allMatch(Character::isDigit) ? Integer.parseInt(suffix) : 0;
    }
}
