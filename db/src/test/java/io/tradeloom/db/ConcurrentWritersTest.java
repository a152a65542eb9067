package io.tradeloom.db;

import static io.tradeloom.db.TestFiles.raw;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers in several OS processes hammer one file at once with the default settings (30 s busy
 * timeout): no row may be lost or duplicated and no error may reach a caller.
 */
class ConcurrentWritersTest {

    private static final int CHILD_PROCESSES = 2;
    private static final int WRITERS_PER_PROCESS = 4;
    private static final int TRANSACTIONS_PER_WRITER = 1000;
    private static final Pattern RESULT = Pattern.compile(
            "RESULT proc=(\\S+) writers=(\\d+) ok=(\\d+) errors=(\\d+) retries=(\\d+) observedRetries=(\\d+)"
            + " onVirtualThreads=(\\d+) startedAt=(\\d+) endedAt=(\\d+)");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void twelveWritersInThreeProcessesLoseNoRowsDuplicateNoneAndSurfaceNoErrors() throws Exception {
        Path file = TestFiles.migratedFile(dir);
        List<Child> children = new ArrayList<>();
        try {
            for (int p = 1; p <= CHILD_PROCESSES; p++) {
                children.add(Child.start(dir, file, "p" + p, WRITERS_PER_PROCESS, TRANSACTIONS_PER_WRITER));
            }
            for (Child c : children) {
                c.awaitLine("READY", 60);
            }

            WriterProcess.RetryCounter observer = new WriterProcess.RetryCounter();
            WriterProcess.Result own;
            long ownRetries;
            List<String> integrity;
            long start = System.nanoTime();
            try (Database db = Database.open(DatabaseSettings.defaults(file), observer)) {
                for (Child c : children) {
                    c.send("GO");
                }
                own = WriterProcess.runWriters(db, "p0", WRITERS_PER_PROCESS, TRANSACTIONS_PER_WRITER);
                ownRetries = db.retryCount();
                for (Child c : children) {
                    assertThat(c.process.waitFor(100, TimeUnit.SECONDS)).as("%s finished", c.proc).isTrue();
                }
                integrity = db.integrityCheck();
            }
            long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            // Every process's own account.
            List<ProcessResult> results = new ArrayList<>();
            results.add(new ProcessResult("p0", WRITERS_PER_PROCESS, own.ok(), own.errors(), ownRetries,
                    observer.retries.get(), own.onVirtualThreads(), own.startedAt(), own.endedAt()));
            for (Child c : children) {
                assertThat(c.process.exitValue()).as("exit status of %s; stderr:%n%s", c.proc, c.stderr()).isZero();
                results.add(c.result());
            }
            long totalRetries = 0;
            System.out.printf("concurrent writers: %d processes x %d writers x %d transactions, wall %d ms%n",
                    CHILD_PROCESSES + 1, WRITERS_PER_PROCESS, TRANSACTIONS_PER_WRITER, wallMillis);
            for (ProcessResult r : results) {
                System.out.printf("  %s: %d writers, ok=%d errors=%d retries=%d (observer saw %d) in %d ms%n",
                        r.proc(), r.writers(), r.ok(), r.errors(), r.retries(), r.observedRetries(),
                        r.endedAt() - r.startedAt());
                totalRetries += r.retries();
            }
            System.out.printf("  total retries: %d%n", totalRetries);

            for (ProcessResult r : results) {
                assertThat(r.errors()).as("errors reaching callers in %s", r.proc()).isZero();
                assertThat(r.ok()).as("transactions committed by %s", r.proc())
                        .isEqualTo((long) WRITERS_PER_PROCESS * TRANSACTIONS_PER_WRITER);
                assertThat(r.retries()).as("retries counted and observed alike in %s", r.proc())
                        .isEqualTo(r.observedRetries());
                assertThat(r.onVirtualThreads()).as("work of %s run on virtual threads", r.proc()).isZero();
            }
            long lastStart = results.stream().mapToLong(ProcessResult::startedAt).max().orElseThrow();
            long firstEnd = results.stream().mapToLong(ProcessResult::endedAt).min().orElseThrow();
            assertThat(lastStart).as("all processes were writing at the same time").isLessThan(firstEnd);
            assertThat(integrity).containsExactly("ok");

            // The file's own account, read over a plain connection.
            Set<String> expected = new HashSet<>();
            int rowsPerWriter = 0;
            for (int seq = 0; seq < TRANSACTIONS_PER_WRITER; seq++) {
                rowsPerWriter += 1 + seq % 3;
            }
            List<String> writers = new ArrayList<>();
            for (int p = 0; p <= CHILD_PROCESSES; p++) {
                for (int w = 0; w < WRITERS_PER_PROCESS; w++) {
                    String writer = "writer-p" + p + "-" + w;
                    writers.add(writer);
                    for (int seq = 0; seq < TRANSACTIONS_PER_WRITER; seq++) {
                        for (int part = 0; part < 1 + seq % 3; part++) {
                            expected.add(writer + "|" + seq + "|part-" + part);
                        }
                    }
                }
            }
            long expectedRows = (long) writers.size() * rowsPerWriter;
            assertThat(expected).hasSize((int) expectedRows);

            List<String> actual = new ArrayList<>();
            Map<String, Integer> perWriter = new HashMap<>();
            try (Connection c = raw(file, 5_000);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT service, message, kind FROM system_event")) {
                while (rs.next()) {
                    actual.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                    perWriter.merge(rs.getString(1), 1, Integer::sum);
                }
            }
            assertThat(actual).as("rows in the file").hasSize((int) expectedRows).doesNotHaveDuplicates();
            assertThat(new HashSet<>(actual)).as("every writer's every sequence, complete").isEqualTo(expected);
            for (String writer : writers) {
                assertThat(perWriter.get(writer)).as("rows of %s", writer).isEqualTo(rowsPerWriter);
            }
        } finally {
            for (Child c : children) {
                c.process.destroyForcibly();
            }
        }
    }

    record ProcessResult(String proc, int writers, long ok, long errors, long retries, long observedRetries,
                         long onVirtualThreads, long startedAt, long endedAt) {
    }

    /** A child JVM running {@link WriterProcess} on this test's classpath. */
    private static final class Child {
        final String proc;
        final Process process;
        final Path stderrFile;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();

        private Child(String proc, Process process, Path stderrFile) {
            this.proc = proc;
            this.process = process;
            this.stderrFile = stderrFile;
            Thread.ofVirtual().name("stdout-" + proc).start(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("stdout failed: " + e);
                }
            });
        }

        static Child start(Path dir, Path file, String proc, int writers, int transactions) throws IOException {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Path stderr = dir.resolve(proc + ".stderr.txt");
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"),
                    WriterProcess.class.getName(), file.toString(), proc,
                    Integer.toString(writers), Integer.toString(transactions))
                    .redirectError(stderr.toFile());
            return new Child(proc, pb.start(), stderr);
        }

        void awaitLine(String wanted, int seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError(proc + " did not print " + wanted + " within " + seconds
                            + " s; output " + seen + "; stderr:\n" + stderr());
                }
                seen.add(line);
                if (line.equals(wanted)) {
                    return;
                }
            }
        }

        void send(String line) throws IOException {
            OutputStream out = process.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        ProcessResult result() throws Exception {
            awaitResultLine();
            for (String line : seen) {
                Matcher m = RESULT.matcher(line);
                if (m.matches()) {
                    return new ProcessResult(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                            Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)),
                            Long.parseLong(m.group(7)), Long.parseLong(m.group(8)), Long.parseLong(m.group(9)));
                }
            }
            throw new AssertionError(proc + " printed no RESULT line: " + seen + "; stderr:\n" + stderr());
        }

        private void awaitResultLine() throws InterruptedException {
            for (String line; (line = lines.poll(10, TimeUnit.SECONDS)) != null; ) {
                seen.add(line);
                if (line.startsWith("RESULT")) {
                    return;
                }
            }
        }

        String stderr() {
            try {
                return Files.exists(stderrFile) ? Files.readString(stderrFile) : "";
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }
    }
}
