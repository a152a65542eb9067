package io.tradeloom.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path that cannot be a database is refused with a message naming the path and the problem,
 * and nothing at the path is changed or created.
 */
@Timeout(60)
class OpenRefusalTest {

    @TempDir
    Path dir;

    @Test
    void refusesAFileOfRandomBytesAndLeavesItUntouched() throws Exception {
        byte[] garbage = new byte[8192];
        new Random(20240601L).nextBytes(garbage);
        garbage[0] = 0x7f; // cannot start "SQLite format 3"
        assertRefusedAsNotSqlite(garbage);
    }

    @Test
    void refusesATextFileAndLeavesItUntouched() throws Exception {
        byte[] text = "name,price\nACME,12.50\nINITECH,3.10\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        assertRefusedAsNotSqlite(text);
    }

    @Test
    void refusesAFileWithASqliteHeaderButCorruptContentAndLeavesItUntouched() throws Exception {
        byte[] corrupt = new byte[8192];
        new Random(7L).nextBytes(corrupt);
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, corrupt, 0, header.length);
        Path file = dir.resolve("corrupt.db");
        Files.write(file, corrupt);

        assertThatThrownBy(() -> Database.open(DatabaseSettings.defaults(file)).close())
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a database");
        assertUntouched(file, corrupt);
    }

    @Test
    void refusesAPathWhoseParentIsARegularFileNamingTheDirectory() throws Exception {
        Path notADirectory = dir.resolve("data");
        byte[] content = "I am a file, not a directory".getBytes(StandardCharsets.UTF_8);
        Files.write(notADirectory, content);
        Path file = notADirectory.resolve("tradeloom.db");

        assertThatThrownBy(() -> Database.open(DatabaseSettings.defaults(file)).close())
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("directory")
                .hasMessageContaining(notADirectory.toString());
        assertThat(Files.readAllBytes(notADirectory)).isEqualTo(content);
    }

    @Test
    void refusesAPathThatIsADirectory() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("tradeloom.db"));

        assertThatThrownBy(() -> Database.open(DatabaseSettings.defaults(directory)).close())
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining(directory.toString())
                .hasMessageContaining("is a directory");
        try (var entries = Files.list(directory)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void opensAnEmptyFileAsANewDatabaseAndCreatesAMissingDirectory() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        try (Database db = Database.open(DatabaseSettings.defaults(empty))) {
            assertThat(Migrations.migrate(db)).isEqualTo(TestFiles.latestMigration());
        }
        Path nested = dir.resolve("a/b/tradeloom.db");
        try (Database db = Database.open(DatabaseSettings.defaults(nested))) {
            assertThat(Migrations.migrate(db)).isEqualTo(TestFiles.latestMigration());
            assertThat(db.integrityCheck()).containsExactly("ok");
        }
        assertThat(nested).isRegularFile();
    }

    private void assertRefusedAsNotSqlite(byte[] content) throws Exception {
        Path file = dir.resolve("tradeloom.db");
        Files.write(file, content);

        assertThatThrownBy(() -> Database.open(DatabaseSettings.defaults(file)).close())
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a SQLite database");
        assertUntouched(file, content);
    }

    private static void assertUntouched(Path file, byte[] content) throws Exception {
        assertThat(Files.readAllBytes(file)).as("bytes of %s", file).isEqualTo(content);
        assertThat(file.resolveSibling(file.getFileName() + "-wal")).doesNotExist();
        assertThat(file.resolveSibling(file.getFileName() + "-shm")).doesNotExist();
        assertThat(file.resolveSibling(file.getFileName() + "-journal")).doesNotExist();
    }
}
