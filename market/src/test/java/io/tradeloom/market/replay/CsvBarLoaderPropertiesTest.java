package io.tradeloom.market.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.assertj.core.api.Assertions;

import io.tradeloom.market.bar.Bar;

/**
 * Arbitrary and hostile CSV replay rows: the loader either returns bars that hold every invariant
 * (prices positive, within [0.0001, 1e9], low <= open, close <= high, times increasing) or refuses
 * the file with a ReplayDataException naming the line, whose message stays short. Nothing else.
 */
class CsvBarLoaderPropertiesTest {

    private static final String VALID = "2026-03-09T13:30:00Z,1.5,2,1,1.75,100";
    private static final List<String> NASTY = List.of(
            "", " ", "'; DROP TABLE bar; --", "../../etc/passwd", "\u0000", "\u001b[2J", "NaN", "Infinity", "-0",
            "1e999999999", "-1e999999999", "1e-999999999", "0.00001", "1000000000.0001", "999999999999999999999",
            "-1", "0", "\uFEFF1", "１２", "0x10", "1_000", "2026-03-09T13:30:00+25:00", "2026-02-30T13:30:00Z",
            "+1", ".5", "5.", "1e3", "\"1\"", "1;2", "𝟙");

    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("tradeloom-csv-properties-");
    }

    @AfterContainer
    static void removeDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(NASTY)),
                net.jqwik.api.Tuple.of(3, Arbitraries.bigDecimals().between(new BigDecimal("-10"), new BigDecimal("1e12"))
                        .ofScale(6).map(BigDecimal::toPlainString)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("0123456789.e-").ofMinLength(30).ofMaxLength(60)));
    }

    /** A row: the valid row with each column replaced by a hostile field with some probability, or random text. */
    @Provide
    Arbitrary<String> rows() {
        Arbitrary<String> mutated = fields().list().ofSize(6).flatMap(replacements ->
                Arbitraries.integers().between(0, 63).map(mask -> {
                    String[] cols = VALID.split(",");
                    for (int i = 0; i < 6; i++) {
                        if ((mask & (1 << i)) != 0) {
                            cols[i] = replacements.get(i);
                        }
                    }
                    return String.join(",", cols);
                }));
        return Arbitraries.oneOf(mutated, Arbitraries.strings().all().ofMaxLength(80));
    }

    @Property(tries = 300)
    void anyRowIsLoadedWithItsInvariantsOrRefusedNamingTheLine(@ForAll("rows") String row) throws IOException {
        Path file = dir.resolve("AAPL_1Min.csv");
        // getBytes, not writeString: a lone surrogate becomes '?' instead of failing the test's own write.
        Files.write(file, (CsvBarLoader.HEADER + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8));

        List<Bar> bars;
        try {
            bars = CsvBarLoader.load(file, "AAPL");
        } catch (ReplayDataException e) {
            assertThat(e.getMessage()).contains("line ").hasSizeLessThan(1000);
            return;
        }
        for (Bar b : bars) {
            for (BigDecimal p : List.of(b.open(), b.high(), b.low(), b.close())) {
                assertThat(p).isBetween(CsvBarLoader.MIN_PRICE, CsvBarLoader.MAX_PRICE);
            }
            assertThat(b.low()).isLessThanOrEqualTo(b.open()).isLessThanOrEqualTo(b.high());
            assertThat(b.volume()).isNotNegative();
        }
    }

    @Example
    void aTenMegabyteFieldIsRefusedWithAShortMessage() throws IOException {
        Path file = dir.resolve("MSFT_1Min.csv");
        Files.writeString(file, CsvBarLoader.HEADER + "\n" + "2026-03-09T13:30:00Z," + "9".repeat(10 * 1024 * 1024) + ",2,1,1.5,10\n");

        Assertions.assertThatThrownBy(() -> CsvBarLoader.load(file, "MSFT"))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("longer than")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000));
    }
}
