package io.tradeloom.market.sim;

/**
 * A small deterministic random source (SplitMix64) with the few distributions the simulator needs. Written out
 * rather than taken from {@code java.util.random} so that a seed yields the same market on every JDK, and with
 * {@link StrictMath} for the same reason.
 */
final class Rng {

    private long state;
    private double spareGaussian = Double.NaN;

    Rng(long seed) {
        this.state = seed;
    }

    /** The seed of the stream for {@code key} (a symbol, or the market) on the day {@code epochDay}. */
    static long streamSeed(long seed, String key, long epochDay) {
        return mix(mix(seed ^ mix(key.hashCode())) + epochDay);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in (0, 1], safe to take the log of. */
    double nextOpenUnit() {
        return 1.0 - nextDouble();
    }

    double nextExponential() {
        return -StrictMath.log(nextOpenUnit());
    }

    /** Standard normal (Marsaglia's polar method; the second value of each pair is kept for the next call). */
    double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double value = spareGaussian;
            spareGaussian = Double.NaN;
            return value;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * factor;
        return u * factor;
    }

    /** Student-t with {@code nu} degrees of freedom, scaled to unit variance ({@code nu > 2}; Bailey's polar method). */
    double nextUnitStudentT(double nu) {
        double u;
        double w;
        do {
            u = 2 * nextDouble() - 1;
            double v = 2 * nextDouble() - 1;
            w = u * u + v * v;
        } while (w >= 1 || w == 0);
        double t = u * StrictMath.sqrt(nu * (StrictMath.pow(w, -2 / nu) - 1) / w);
        return t * StrictMath.sqrt((nu - 2) / nu);
    }

    /** Poisson with mean {@code lambda} (Knuth's multiplication method; fine for small means). */
    int nextPoisson(double lambda) {
        double limit = StrictMath.exp(-lambda);
        int count = 0;
        for (double product = nextDouble(); product > limit; product *= nextDouble()) {
            count++;
        }
        return count;
    }

    int nextInt(int bound) {
        return (int) (nextDouble() * bound);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
