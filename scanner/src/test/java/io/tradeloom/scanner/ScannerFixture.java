package io.tradeloom.scanner;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.helidon.webclient.api.WebClient;

import io.tradeloom.db.PriceUnits;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.Settings;
import io.tradeloom.testkit.TestContexts;

/**
 * The scanner's test harness, over testkit's {@link TestContexts} database and settings: the service started as
 * its main starts it, an HTTP client on 127.0.0.1, and plain JDBC on the file to look at what was stored.
 */
final class ScannerFixture {

    private ScannerFixture() {
    }

    /** The scanner's settings on {@code database}, logs in {@code dir}, port 0, plus {@code extra} (such as {@code sim.speed}). */
    static Settings settings(Path dir, Path database, Map<String, String> extra) {
        return Settings.load(ServiceId.SCANNER, TestContexts.overrides(dir, database, extra));
    }

    /** Starts the scanner as {@code Main} does. */
    static ServiceKit.RunningService start(Settings settings) {
        return ServiceKit.start(settings, Main::routing);
    }

    static WebClient client(int port) {
        return WebClient.builder().baseUri(URI.create("http://127.0.0.1:" + port)).build();
    }

    /** Waits, polling every 50 ms, until {@code done} holds; fails after {@code max}. */
    static void await(Duration max, String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + max + " for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** Plain JDBC on the SQLite file, a connection per call: works whether or not the service runs. */
    record Sql(Path file) {

        private Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + file);
        }

        private static void bind(PreparedStatement st, Object... args) throws SQLException {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
        }

        long count(String sql, Object... args) {
            try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
                bind(st, args);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        long bars(Timeframe timeframe) {
            return count("SELECT count(*) FROM bar WHERE timeframe = ?", timeframe.label());
        }

        long bars(Timeframe timeframe, Instant from) {
            return count("SELECT count(*) FROM bar WHERE timeframe = ? AND time >= ?", timeframe.label(),
                    from.toEpochMilli());
        }

        long scans() {
            return count("SELECT count(*) FROM scan");
        }

        int update(String sql, Object... args) {
            try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
                bind(st, args);
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        /** The stored bars of a symbol with time in [from, to), oldest first. */
        List<Bar> bars(String symbol, Timeframe timeframe, Instant from, Instant to) {
            String sql = "SELECT time, open_e4, high_e4, low_e4, close_e4, volume FROM bar"
                    + " WHERE symbol = ? AND timeframe = ? AND time >= ? AND time < ? ORDER BY time";
            try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
                bind(st, symbol, timeframe.label(), from.toEpochMilli(), to.toEpochMilli());
                List<Bar> bars = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        bars.add(new Bar(symbol, Instant.ofEpochMilli(rs.getLong(1)), price(rs.getLong(2)),
                                price(rs.getLong(3)), price(rs.getLong(4)), price(rs.getLong(5)), rs.getLong(6)));
                    }
                }
                return bars;
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        List<Bar> bars(String symbol, Timeframe timeframe) {
            return bars(symbol, timeframe, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"));
        }

        /** The stored ingest cursor (market_clock.ingested_through). */
        Instant ingestedThrough() {
            return Instant.ofEpochMilli(count("SELECT ingested_through FROM market_clock WHERE id = 1"));
        }

        private static BigDecimal price(long e4) {
            return PriceUnits.fromE4(e4);
        }
    }
}
