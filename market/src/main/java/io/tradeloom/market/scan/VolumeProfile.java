package io.tradeloom.market.scan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The U-shaped intraday volume profile behind the relative volume: minute {@code k} of an {@code N}-minute session
 * normally trades in proportion to {@code u(k) = 1 + 3 e^(-k/15) + 2 e^(-(N-1-k)/10)}, busy after the open and
 * before the close. A regular session then does about 15 % of its volume in the first half hour and 11 % in the
 * last, close to US equities without the closing auction; it is also the simulator's profile, so the
 * simulated market's relative volume centres on 1.
 *
 * <p>A linear share (minutes elapsed / 390) would put an ordinary stock at a relative volume over 3 in the first
 * minutes and 2 after half an hour, so "unusual volume" would mean "early".
 *
 * <p>Shares are relative to a regular 390-minute session, since the average daily volume is mostly of those: an
 * early close (210 minutes) ends at 0.61 of an average day, so its relative volume is not inflated all day.
 * Public for callers that build {@link Snapshot#of} from other data than a {@link SymbolState}.
 */
public final class VolumeProfile {

    public static final int REGULAR_MINUTES = 390;
    private static final double REGULAR_TOTAL = weightSums(REGULAR_MINUTES)[REGULAR_MINUTES];
    /** Cumulative shares by session length: index k = the share traded in the first k minutes. */
    private static final Map<Integer, double[]> CUMULATIVE = new ConcurrentHashMap<>();

    private VolumeProfile() {
    }

    /**
     * The share of an average regular day's volume normally traded in the first {@code minutesElapsed} minutes
     * of a session of {@code sessionMinutes} (clamped to {@code [0, sessionMinutes]}).
     */
    public static double expectedShare(int minutesElapsed, int sessionMinutes) {
        if (sessionMinutes < 1) {
            throw new IllegalArgumentException("sessionMinutes " + sessionMinutes + " must be at least 1");
        }
        double[] cumulative = CUMULATIVE.computeIfAbsent(sessionMinutes, VolumeProfile::cumulative);
        return cumulative[Math.max(0, Math.min(minutesElapsed, sessionMinutes))];
    }

    private static double[] cumulative(int sessionMinutes) {
        double[] shares = weightSums(sessionMinutes);
        for (int k = 0; k < shares.length; k++) {
            shares[k] /= REGULAR_TOTAL;
        }
        return shares;
    }

    /** Index k: the summed weights of the first k minutes. */
    private static double[] weightSums(int sessionMinutes) {
        double[] sums = new double[sessionMinutes + 1];
        for (int k = 0; k < sessionMinutes; k++) {
            sums[k + 1] = sums[k] + 1 + 3 * Math.exp(-k / 15.0) + 2 * Math.exp(-(sessionMinutes - 1 - k) / 10.0);
        }
        return sums;
    }
}
