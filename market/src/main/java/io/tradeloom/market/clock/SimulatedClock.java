package io.tradeloom.market.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Simulated market time: starts at {@code start} when the real clock reads {@code realAnchor} and then runs
 * {@code speed} simulated seconds per real second ({@code SIM_SPEED=60}: one simulated minute per real second).
 *
 * <p>With {@code skipClosedHours} (the default for demos) the clock only runs through sessions: on reaching a
 * session's close it continues at the next session's open, so a demo never sits through a night, a weekend or a
 * holiday. A start outside a session then counts as the next open. {@link #now()} is therefore always inside a
 * session's {@code [open, close)}; the close instant itself is never shown. Without it the clock runs straight
 * through closed hours like a real one.
 *
 * <p>{@code now()} is a pure function of the real clock's reading, so it needs no ticking thread and tests drive
 * it with a manual {@link Clock}; two services given the same anchor, start and speed read the same time.
 */
public final class SimulatedClock implements MarketClock {

    private final NyseCalendar calendar;
    private final Clock realClock;
    private final Instant realAnchor;
    private final Instant start;
    private final double speed;
    private final boolean skipClosedHours;

    // With skipClosedHours, a checkpoint on the way from start to now: simulated running time (nanos) at a point
    // in a session, so that each call walks only the sessions passed since the previous call.
    private Instant checkpoint;
    private long checkpointElapsed;

    /**
     * @param realAnchor the real instant at which the simulated clock reads {@code start}
     * @param start the simulated starting instant; {@link #defaultStart} gives the usual choice
     * @param speed simulated seconds per real second, positive
     */
    public SimulatedClock(NyseCalendar calendar, Clock realClock, Instant realAnchor, Instant start, double speed,
                          boolean skipClosedHours) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.realClock = Objects.requireNonNull(realClock, "realClock");
        this.realAnchor = Objects.requireNonNull(realAnchor, "realAnchor");
        Objects.requireNonNull(start, "start");
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed " + speed + " must be a positive number");
        }
        this.speed = speed;
        this.skipClosedHours = skipClosedHours;
        this.start = skipClosedHours && !calendar.isOpen(start) ? calendar.nextOpen(start) : start;
        this.checkpoint = this.start;
    }

    /** A clock anchored now on {@code realClock}, skipping closed hours. */
    public static SimulatedClock startingNow(NyseCalendar calendar, Clock realClock, Instant start, double speed) {
        return new SimulatedClock(calendar, realClock, realClock.instant(), start, speed, true);
    }

    /**
     * The default start: the open of the most recent session at or before {@code realNow} (today's open once
     * 09:30 has passed on a trading day, else the previous trading day's). Chosen over the next open so that
     * simulated time never runs ahead of the real date at start (nothing is stamped in the future) and the user
     * watches a whole session unfold from its first minute, whatever the hour they start.
     */
    public static Instant defaultStart(NyseCalendar calendar, Instant realNow) {
        return calendar.latestOpen(realNow);
    }

    /** The simulated instant where the clock started (the next open, if skipping and given a closed instant). */
    public Instant start() {
        return start;
    }

    public double speed() {
        return speed;
    }

    @Override
    public NyseCalendar calendar() {
        return calendar;
    }

    @Override
    public synchronized Instant now() {
        long realNanos = Math.max(0, Duration.between(realAnchor, realClock.instant()).toNanos());
        long elapsed = Math.round(realNanos * speed);
        if (!skipClosedHours) {
            return start.plusNanos(elapsed);
        }
        if (elapsed < checkpointElapsed) { // the real clock went back (a test's manual clock): walk again
            checkpoint = start;
            checkpointElapsed = 0;
        }
        while (true) {
            Session session = calendar.sessionAt(checkpoint).orElseThrow();
            long left = Duration.between(checkpoint, session.close()).toNanos();
            if (elapsed - checkpointElapsed < left) {
                return checkpoint.plusNanos(elapsed - checkpointElapsed);
            }
            checkpointElapsed += left;
            checkpoint = calendar.nextOpen(session.close());
        }
    }
}
