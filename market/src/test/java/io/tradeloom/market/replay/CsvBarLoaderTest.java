package io.tradeloom.market.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;

class CsvBarLoaderTest {

    private static final String HEADER = "time,open,high,low,close,volume\n";
    private static final String ROW_1 = "2026-03-09T13:30:00Z,229.50,229.90,229.10,229.75,812345\n";
    private static final String ROW_2 = "2026-03-09T13:31:00Z,229.75,230.10,229.70,230.00,401200\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void loadsEveryRowAsABarOfTheFilesSymbol() throws IOException {
        write("AAPL_1Min.csv", HEADER + ROW_1 + ROW_2);
        List<Bar> bars = CsvBarLoader.load(dir, "AAPL", Timeframe.MIN_1);
        assertThat(bars).containsExactly(
                new Bar("AAPL", Instant.parse("2026-03-09T13:30:00Z"), new BigDecimal("229.50"),
                        new BigDecimal("229.90"), new BigDecimal("229.10"), new BigDecimal("229.75"), 812345),
                new Bar("AAPL", Instant.parse("2026-03-09T13:31:00Z"), new BigDecimal("229.75"),
                        new BigDecimal("230.10"), new BigDecimal("229.70"), new BigDecimal("230.00"), 401200));
    }

    @Test
    void acceptsAnOffsetTimeAByteOrderMarkWindowsLineEndsAndBlankLines() throws IOException {
        write("MSFT_1Day.csv", "\uFEFF" + HEADER.replace("\n", "\r\n")
                + "2026-03-09T09:30:00-04:00,10,11,9,10.5,100\r\n\r\n");
        assertThat(CsvBarLoader.load(dir, "MSFT", Timeframe.DAY_1))
                .singleElement().extracting(Bar::time).isEqualTo(Instant.parse("2026-03-09T13:30:00Z"));
    }

    @Test
    void aHeaderOnlyFileHoldsNoBars() throws IOException {
        write("KO_5Min.csv", HEADER);
        assertThat(CsvBarLoader.load(dir, "KO", Timeframe.MIN_5)).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "2026-03-09T13:32:00Z,1,2,1,1.5                  | expected 6 columns, found 5",
            "2026-03-09T13:32:00Z,1,2,1,1.5,10,7             | expected 6 columns, found 7",
            "1773063120,1,2,1,1.5,10                         | time '1773063120' is not RFC 3339 (e.g. 2026-03-02T14:30:00Z)",
            "2026-03-09 13:32,1,2,1,1.5,10                   | time '2026-03-09 13:32' is not RFC 3339 (e.g. 2026-03-02T14:30:00Z)",
            "2026-03-09T13:32:00Z,abc,2,1,1.5,10             | open 'abc' is not a number",
            "2026-03-09T13:32:00Z,1,2,1,,10                  | close '' is not a number",
            "2026-03-09T13:32:00Z,1,2,1,1.5,1.5              | volume '1.5' is not an integer",
            "2026-03-09T13:32:00Z,1.5,1,2,1.5,10             | high 1 is below low 2",
            "2026-03-09T13:32:00Z,2.5,2,1,1.5,10             | open 2.5 is outside [low 1, high 2]",
            "2026-03-09T13:32:00Z,1.5,2,1,0.5,10             | close 0.5 is outside [low 1, high 2]",
            "2026-03-09T13:32:00Z,1.5,2,1.6,1.7,10           | open 1.5 is outside [low 1.6, high 2]",
            "2026-03-09T13:32:00Z,0,0,0,0,10                 | low 0 must be positive",
            "2026-03-09T13:32:00Z,1,2,1,1.5,-1               | volume -1 is negative",
            "2026-03-09T13:31:00Z,1,2,1,1.5,10               | time 2026-03-09T13:31:00Z is not after the previous row's 2026-03-09T13:31:00Z",
            "2026-03-09T13:29:00Z,1,2,1,1.5,10               | time 2026-03-09T13:29:00Z is not after the previous row's 2026-03-09T13:31:00Z"})
    void aBadRowIsReportedWithFileLineAndProblemAndNothingIsLoaded(String badRow, String problem)
            throws IOException {
        Path file = write("AAPL_1Min.csv", HEADER + ROW_1 + ROW_2 + badRow.strip() + "\n"
                + "2026-03-09T13:59:00Z,1,2,1,1.5,10\n");
        assertThatThrownBy(() -> CsvBarLoader.load(dir, "AAPL", Timeframe.MIN_1))
                .isInstanceOfSatisfying(ReplayDataException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e).hasMessage(file + " line 4: " + problem);
                });
    }

    @Test
    void aWrongHeaderIsReportedOnLineOne() throws IOException {
        write("AAPL_1Min.csv", "t,o,h,l,c,v\n" + ROW_1);
        assertThatThrownBy(() -> CsvBarLoader.load(dir, "AAPL", Timeframe.MIN_1))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageEndingWith("line 1: header must be 'time,open,high,low,close,volume'");
        write("AAPL_5Min.csv", "");
        assertThatThrownBy(() -> CsvBarLoader.load(dir, "AAPL", Timeframe.MIN_5))
                .isInstanceOf(ReplayDataException.class).hasMessageContaining("line 1");
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> CsvBarLoader.load(dir, "NOPE", Timeframe.MIN_1))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aDirectoryLoadsEveryCsvBySymbolAndTimeframeAndIgnoresOtherFiles() throws IOException {
        write("AAPL_1Min.csv", HEADER + ROW_1 + ROW_2);
        write("BRK.B_1Day.csv", HEADER + "2026-03-09T13:30:00Z,480,485,478,483,3000000\n");
        write("README.md", "not data");
        Map<CsvBarLoader.Series, List<Bar>> loaded = CsvBarLoader.loadDirectory(dir);
        assertThat(loaded).containsOnlyKeys(new CsvBarLoader.Series("AAPL", Timeframe.MIN_1),
                new CsvBarLoader.Series("BRK.B", Timeframe.DAY_1));
        assertThat(loaded.get(new CsvBarLoader.Series("BRK.B", Timeframe.DAY_1)))
                .singleElement().extracting(Bar::symbol).isEqualTo("BRK.B");
    }

    @Test
    void oneBadFileLoadsNothingFromTheDirectory() throws IOException {
        write("AAPL_1Min.csv", HEADER + ROW_1 + ROW_2);
        write("MSFT_1Min.csv", HEADER + ROW_1 + "2026-03-09T13:31:00Z,1,2,3,1.5,10\n");
        assertThatThrownBy(() -> CsvBarLoader.loadDirectory(dir))
                .isInstanceOfSatisfying(ReplayDataException.class, e -> {
                    assertThat(e.file().getFileName()).hasToString("MSFT_1Min.csv");
                    assertThat(e.line()).isEqualTo(3);
                });
    }

    @Test
    void aCsvWhoseNameIsNotSymbolUnderscoreTimeframeIsRejected() throws IOException {
        write("AAPL_2Min.csv", HEADER);
        assertThatThrownBy(() -> CsvBarLoader.loadDirectory(dir))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining("line 0: unknown timeframe '2Min'");
        Files.delete(dir.resolve("AAPL_2Min.csv"));
        write("aapl.csv", HEADER);
        assertThatThrownBy(() -> CsvBarLoader.loadDirectory(dir))
                .hasMessageEndingWith("file name must be <SYMBOL>_<timeframe>.csv");
    }
}
