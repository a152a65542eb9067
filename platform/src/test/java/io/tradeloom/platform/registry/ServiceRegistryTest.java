package io.tradeloom.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.platform.TestContexts;

class ServiceRegistryTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final Instant T0 = Instant.parse("2025-03-03T14:30:00.123Z");

    private Path dir;
    private Database db;
    private ManualClock clock;
    private ServiceRegistry registry;

    @BeforeEach
    void open() {
        dir = TestContexts.tempDir("registry");
        db = Database.open(DatabaseSettings.defaults(TestContexts.migratedDatabase(dir)));
        clock = new ManualClock(T0);
        registry = new ServiceRegistry(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
        TestContexts.delete(dir);
    }

    @Test
    void aRegisteredServiceIsFoundRunning() {
        registry.register("scanner", "http://localhost:5001", 5001, "1.2.3", 42);

        ServiceRegistry.Entry e = registry.find("scanner").orElseThrow();
        assertThat(e.name()).isEqualTo("scanner");
        assertThat(e.url()).isEqualTo("http://localhost:5001");
        assertThat(e.port()).isEqualTo(5001);
        assertThat(e.version()).isEqualTo("1.2.3");
        assertThat(e.pid()).isEqualTo(42);
        assertThat(e.startedAt()).isEqualTo(T0);
        assertThat(e.heartbeatAt()).isEqualTo(T0);
        assertThat(e.stoppedAt()).isEmpty();
        assertThat(registry.find("pattern")).isEmpty();
    }

    @Test
    void aHeartbeatMovesHeartbeatAtOnly() {
        registry.register("scanner", "http://localhost:5001", 5001, "1", 42);
        clock.advance(Duration.ofSeconds(5));

        registry.heartbeat("scanner", 42);

        ServiceRegistry.Entry e = registry.find("scanner").orElseThrow();
        assertThat(e.heartbeatAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(e.startedAt()).isEqualTo(T0);
        assertThat(e.stoppedAt()).isEmpty();
    }

    @Test
    void aHeartbeatOrStopFromAnotherPidChangesNothing() {
        registry.register("scanner", "http://localhost:5001", 5001, "1", 42);
        clock.advance(Duration.ofSeconds(5));

        registry.heartbeat("scanner", 99);
        registry.markStopped("scanner", 99);

        ServiceRegistry.Entry e = registry.find("scanner").orElseThrow();
        assertThat(e.heartbeatAt()).isEqualTo(T0);
        assertThat(e.stoppedAt()).isEmpty();
        assertThat(e.pid()).isEqualTo(42);
    }

    @Test
    void markStoppedRecordsTheTime() {
        registry.register("scanner", "http://localhost:5001", 5001, "1", 42);
        clock.advance(Duration.ofMinutes(2));

        registry.markStopped("scanner", 42);

        assertThat(registry.find("scanner").orElseThrow().stoppedAt()).contains(T0.plus(Duration.ofMinutes(2)));
    }

    @Test
    void registeringAgainReplacesTheEntryAndClearsTheStop() {
        registry.register("scanner", "http://localhost:5001", 5001, "1", 42);
        clock.advance(Duration.ofMinutes(1));
        registry.markStopped("scanner", 42);
        clock.advance(Duration.ofMinutes(1));

        registry.register("scanner", "http://scanner:6001", 6001, "2", 43);

        ServiceRegistry.Entry e = registry.find("scanner").orElseThrow();
        assertThat(e.stoppedAt()).isEmpty();
        assertThat(e.pid()).isEqualTo(43);
        assertThat(e.port()).isEqualTo(6001);
        assertThat(e.url()).isEqualTo("http://scanner:6001");
        assertThat(e.version()).isEqualTo("2");
        assertThat(e.startedAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        assertThat(e.heartbeatAt()).isEqualTo(e.startedAt());
        assertThat(registry.list()).hasSize(1);

        registry.heartbeat("scanner", 42);
        assertThat(registry.find("scanner").orElseThrow().heartbeatAt()).isEqualTo(e.startedAt());
    }

    @Test
    void theListIsOrderedByPort() {
        registry.register("dashboard", "http://localhost:5010", 5010, "1", 3);
        registry.register("coordination", "http://localhost:5000", 5000, "1", 1);
        registry.register("trading", "http://localhost:5005", 5005, "1", 2);

        assertThat(registry.list()).extracting(ServiceRegistry.Entry::name)
                .containsExactly("coordination", "trading", "dashboard");
    }
}
