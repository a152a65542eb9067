package io.tradeloom.market.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SimulatedClockTest {

    private final NyseCalendar calendar = new NyseCalendar();
    private final ManualClock real = new ManualClock(Instant.parse("2026-07-15T02:00:00Z"));

    private SimulatedClock clock(String start, double speed, boolean skip) {
        return new SimulatedClock(calendar, real, real.instant(), Instant.parse(start), speed, skip);
    }

    @Test
    void speed60RunsOneSimulatedMinutePerRealSecond() {
        SimulatedClock clock = clock("2026-03-09T13:30:00Z", 60, true);
        assertThat(clock.now()).isEqualTo("2026-03-09T13:30:00Z");
        real.advance(Duration.ofSeconds(1));
        assertThat(clock.now()).isEqualTo("2026-03-09T13:31:00Z");
        real.advance(Duration.ofMillis(500));
        assertThat(clock.now()).isEqualTo("2026-03-09T13:31:30Z");
    }

    @Test
    void speedOneFollowsRealTime() {
        SimulatedClock clock = clock("2026-03-09T13:30:00Z", 1, true);
        real.advance(Duration.ofMinutes(5));
        assertThat(clock.now()).isEqualTo("2026-03-09T13:35:00Z");
    }

    @Test
    void reachingTheCloseJumpsToTheNextSessionsOpen() {
        // Thursday 2026-04-02 15:59 New York; Good Friday and the weekend follow
        SimulatedClock clock = clock("2026-04-02T19:59:00Z", 60, true);
        real.advance(Duration.ofMillis(999));
        assertThat(clock.now()).isEqualTo("2026-04-02T19:59:59.940Z");
        assertThat(clock.isOpen()).isTrue();
        real.advance(Duration.ofMillis(1));
        assertThat(clock.now()).isEqualTo("2026-04-06T13:30:00Z");
        real.advance(Duration.ofSeconds(2));
        assertThat(clock.now()).isEqualTo("2026-04-06T13:32:00Z");
        assertThat(clock.isOpen()).isTrue();
    }

    @Test
    void jumpsThroughManySessionsAtOnceAndAnEarlyClose() {
        // from Wednesday 2026-11-25's open: a full session, Thanksgiving, then Friday's 13:00 early close
        SimulatedClock clock = clock("2026-11-25T14:30:00Z", 60, true);
        real.advance(Duration.ofSeconds(390 + 210 + 5)); // 390 + 210 simulated minutes, then 5 more
        assertThat(clock.now()).isEqualTo("2026-11-30T14:35:00Z");
    }

    @Test
    void aStartOutsideASessionBeginsAtTheNextOpenWhenSkipping() {
        SimulatedClock clock = clock("2026-03-07T15:00:00Z", 60, true); // Saturday
        assertThat(clock.start()).isEqualTo("2026-03-09T13:30:00Z");
        assertThat(clock.now()).isEqualTo("2026-03-09T13:30:00Z");
    }

    @Test
    void withoutSkippingTheClockRunsThroughClosedHours() {
        SimulatedClock clock = clock("2026-04-02T19:59:00Z", 60, false);
        real.advance(Duration.ofSeconds(61));
        assertThat(clock.now()).isEqualTo("2026-04-02T21:00:00Z");
        assertThat(clock.isOpen()).isFalse();
        assertThat(clock.nextOpen()).isEqualTo("2026-04-06T13:30:00Z");
    }

    @Test
    void nextCloseIsTheCurrentSessionsClose() {
        SimulatedClock clock = clock("2026-11-27T14:30:00Z", 60, true);
        assertThat(clock.nextClose()).isEqualTo("2026-11-27T18:00:00Z");
    }

    @Test
    void aRealClockGoingBackWalksFromTheStartAgain() {
        SimulatedClock clock = clock("2026-04-02T19:59:00Z", 60, true);
        real.advance(Duration.ofSeconds(10));
        assertThat(clock.now()).isEqualTo("2026-04-06T13:39:00Z");
        real.advance(Duration.ofMillis(-9500));
        assertThat(clock.now()).isEqualTo("2026-04-02T19:59:30Z");
    }

    @Test
    void twoClocksWithTheSameAnchorReadTheSameTimeWhenEverTheyAreCreated() {
        Instant anchor = real.instant();
        SimulatedClock first = new SimulatedClock(calendar, real, anchor, Instant.parse("2026-03-09T13:30:00Z"), 60,
                true);
        real.advance(Duration.ofSeconds(30));
        SimulatedClock second = new SimulatedClock(calendar, real, anchor, Instant.parse("2026-03-09T13:30:00Z"),
                60, true);
        assertThat(second.now()).isEqualTo(first.now()).isEqualTo("2026-03-09T14:00:00Z");
    }

    @Test
    void defaultStartIsTheMostRecentSessionOpen() {
        // a Saturday: Friday's open
        assertThat(SimulatedClock.defaultStart(calendar, Instant.parse("2026-03-07T15:00:00Z")))
                .isEqualTo("2026-03-06T14:30:00Z");
        // Tuesday before the open: Monday's open
        assertThat(SimulatedClock.defaultStart(calendar, Instant.parse("2026-03-10T12:00:00Z")))
                .isEqualTo("2026-03-09T13:30:00Z");
        // during a session: today's open
        assertThat(SimulatedClock.defaultStart(calendar, Instant.parse("2026-03-10T17:45:00Z")))
                .isEqualTo("2026-03-10T13:30:00Z");
    }

    @Test
    void startingNowAnchorsOnTheRealClocksCurrentReading() {
        SimulatedClock clock = SimulatedClock.startingNow(calendar, real, Instant.parse("2026-03-09T13:30:00Z"), 60);
        real.advance(Duration.ofSeconds(3));
        assertThat(clock.now()).isEqualTo("2026-03-09T13:33:00Z");
    }

    @Test
    void speedMustBePositive() {
        assertThatThrownBy(() -> clock("2026-03-09T13:30:00Z", 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speed 0.0");
        assertThatThrownBy(() -> clock("2026-03-09T13:30:00Z", Double.NaN, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void realMarketClockReadsItsClock() {
        MarketClock clock = new RealMarketClock(Clock.fixed(Instant.parse("2026-03-09T15:00:00Z"), ZoneOffset.UTC),
                calendar);
        assertThat(clock.now()).isEqualTo("2026-03-09T15:00:00Z");
        assertThat(clock.isOpen()).isTrue();
        assertThat(clock.nextClose()).isEqualTo("2026-03-09T20:00:00Z");
        assertThat(clock.nextOpen()).isEqualTo("2026-03-10T13:30:00Z");
    }
}
