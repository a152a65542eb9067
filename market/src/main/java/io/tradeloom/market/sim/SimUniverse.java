package io.tradeloom.market.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a simulated universe from CSV: header {@code symbol,name,price,beta,daily_vol,avg_volume}, one stock
 * per line, no quoting (so no commas in names). The default, {@code sim-universe.csv} on the class path, holds
 * about 50 liquid US stocks.
 */
public final class SimUniverse {

    public static final String HEADER = "symbol,name,price,beta,daily_vol,avg_volume";
    private static final String DEFAULT_RESOURCE = "/sim-universe.csv";

    private SimUniverse() {
    }

    /** The default universe bundled with this module. */
    public static List<SimSymbol> defaults() {
        InputStream in = SimUniverse.class.getResourceAsStream(DEFAULT_RESOURCE);
        Objects.requireNonNull(in, DEFAULT_RESOURCE + " is missing from the class path");
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<SimSymbol> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    /**
     * Parses a universe; {@code source} names it in errors.
     *
     * @throws IllegalArgumentException naming the source and line of the first bad line
     */
    public static List<SimSymbol> read(Reader reader, String source) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        String header = lines.readLine();
        if (header == null || !header.strip().equals(HEADER)) {
            throw new IllegalArgumentException(source + " line 1: header must be '" + HEADER + "'");
        }
        List<SimSymbol> universe = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                String[] f = line.split(",", -1);
                if (f.length != 6) {
                    throw new IllegalArgumentException("expected 6 columns, found " + f.length);
                }
                SimSymbol symbol = new SimSymbol(f[0].strip(), f[1].strip(), new BigDecimal(f[2].strip()),
                        Double.parseDouble(f[3].strip()), Double.parseDouble(f[4].strip()),
                        Long.parseLong(f[5].strip()));
                if (!seen.add(symbol.symbol())) {
                    throw new IllegalArgumentException("duplicate symbol " + symbol.symbol());
                }
                universe.add(symbol);
            } catch (IllegalArgumentException e) { // NumberFormatException included
                throw new IllegalArgumentException(source + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        if (universe.isEmpty()) {
            throw new IllegalArgumentException(source + ": the universe is empty");
        }
        return List.copyOf(universe);
    }
}
