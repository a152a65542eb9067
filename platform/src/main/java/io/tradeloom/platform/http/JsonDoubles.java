package io.tradeloom.platform.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteOrder;

/**
 * Writes a finite double as a JSON number rounded to a given count of significant digits, straight into a byte
 * array, without allocating. For answers made mostly of computed doubles (indicator outputs), where the JDK's
 * shortest exact decimal ({@code Double.toString}, about 55 ns each) was the largest cost.
 *
 * <p>The digits are those of the double's exact binary value rounded <b>half-even</b> (as
 * {@code new BigDecimal(x).round(new MathContext(n, HALF_EVEN))}), so the written number is within half a unit of
 * its last digit: a relative error of at most {@code 5 * 10^-n} (5e-12 for 12 digits). The text:
 * <ul>
 * <li>trailing zeros trimmed, and no fraction at all for a whole number ({@code 100}, {@code 229.61});
 * <li>plain notation when the rounded magnitude is in [1e-6, 1e15), else {@code d.dddE-n} ({@code 1.42108547152E-14});
 * <li>both zeros as {@code 0}; a carry moves to the next decade ({@code 9.99999999999951} -> {@code 10}).
 * </ul>
 * NaN and infinities have no JSON form: the caller decides what stands for them (null), and is refused here.
 *
 * <p>How: x = m * 2^q with a 53-bit m. The decimal exponent e of x comes from q and one exact comparison with a
 * power of ten; then x * 10^(n-1-e) is rounded to an integer of n digits with long arithmetic only: for
 * n-1-e = k >= 0 as (m * 5^k) * 2^(q+k), a 128-bit product shifted right, for k < 0 as m / 5^-k / 2^(-k-q) with
 * both remainders kept for the rounding. That covers magnitudes from about 10^(n-28) (5^27 is the largest power of
 * five in a long) up to 1e15; beyond, which indicators rarely give, the digits come from BigDecimal, the same
 * rounding, with allocation.
 */
public final class JsonDoubles {

    /** The longest text written: a sign, "0.00000" and 15 digits. */
    public static final int MAX_LENGTH = 23;

    /** The free bytes a write needs from where it starts: it may overwrite a few bytes past its text. */
    public static final int ROOM = 32;

    /** The most significant digits asked for: 10^15 and the 128-bit product leave room up to here. */
    public static final int MAX_DIGITS = 15;

    private static final int MAX_FIVE = 27;
    private static final long[] FIVES = new long[MAX_FIVE + 1];
    private static final long[] TENS = new long[19];
    /** For each j in [MIN_TEN, MAX_TEN], the smallest double >= 10^j, so v >= 10^j compares exactly. */
    private static final int MIN_TEN = -30;
    private static final int MAX_TEN = 16;
    private static final double[] TEN_AT_LEAST = new double[MAX_TEN - MIN_TEN + 1];
    private static final double FAST_BELOW = 1e15;
    private static final byte[] PAIRS = new byte[200];
    private static final long ZEROS = 0x3030_3030_3030_3030L;
    /** "0.000000" as little-endian bytes. */
    private static final long ZERO_POINT = 0x3030_3030_3030_2E30L;
    private static final VarHandle EIGHT = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        FIVES[0] = 1;
        for (int i = 1; i <= MAX_FIVE; i++) {
            FIVES[i] = FIVES[i - 1] * 5;
        }
        TENS[0] = 1;
        for (int i = 1; i < TENS.length; i++) {
            TENS[i] = TENS[i - 1] * 10;
        }
        for (int j = MIN_TEN; j <= MAX_TEN; j++) {
            BigDecimal exact = BigDecimal.ONE.scaleByPowerOfTen(j);
            double nearest = exact.doubleValue();
            TEN_AT_LEAST[j - MIN_TEN] = new BigDecimal(nearest).compareTo(exact) < 0 ? Math.nextUp(nearest) : nearest;
        }
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private JsonDoubles() {
    }

    /**
     * Writes {@code value} rounded to {@code digits} significant digits at {@code out[at]} and returns the index after
     * it. {@code out} must have {@link #ROOM} bytes free from {@code at}; those past the returned index are garbage.
     *
     * @throws IllegalArgumentException for NaN or an infinity, or digits outside [1, {@link #MAX_DIGITS}]
     */
    public static int write(byte[] out, int at, double value, int digits) {
        if (!Double.isFinite(value) || digits < 1 || digits > MAX_DIGITS) {
            throw new IllegalArgumentException(Double.isFinite(value)
                    ? "significant digits must be from 1 to " + MAX_DIGITS + ", was " + digits
                    : value + " has no JSON form");
        }
        int pos = at;
        if (value == 0) {
            out[pos] = '0';
            return pos + 1;
        }
        // The sign without a branch: indicator outputs such as MACD's change sign unpredictably.
        out[pos] = '-';
        pos += (int) (Double.doubleToRawLongBits(value) >>> 63);
        double v = Math.abs(value);
        int binary = Math.getExponent(v);
        if (v >= FAST_BELOW || binary < Double.MIN_EXPONENT) {
            return slow(out, pos, v, digits);
        }
        // floor(binary * log10(2)) is e or e - 1; one exact comparison decides.
        int e = (binary * 78913) >> 18;
        if (e < MIN_TEN) {
            return slow(out, pos, v, digits);
        }
        if (v >= TEN_AT_LEAST[e + 1 - MIN_TEN]) {
            e++;
        }
        int k = digits - 1 - e;
        if (k > MAX_FIVE) {
            return slow(out, pos, v, digits);
        }
        long m = (Double.doubleToRawLongBits(v) & 0xF_FFFF_FFFF_FFFFL) | 0x10_0000_0000_0000L;
        int q = binary - 52;
        long d;
        long up;
        if (k >= 0) {
            // m * 5^k * 2^(q+k); q + k < 0 here, as 10^digits is far below 2^52 * 5^k.
            long five = FIVES[k];
            long hi = Math.multiplyHigh(m, five);
            long lo = m * five;
            int s = -(q + k);
            if (s < 64) {
                d = (hi << 1 << (63 - s)) | (lo >>> s);
                // Up when the remainder passes half, or is half and d is odd: rem + odd > half, without a branch.
                up = ((1L << (s - 1)) - (lo & ((1L << s) - 1)) - (d & 1)) >>> 63;
            } else {
                // Below about 1e-10 the remainder spans hi's low t bits and all of lo: its top 63 bits against half
                // (2^62 at that scale), the bits below only as "some were set".
                int t = s - 64;
                d = hi >>> t;
                long rem = ((hi & ((1L << t) - 1)) << (63 - t)) | (lo >>> (t + 1));
                long sticky = (lo & ((1L << (t + 1)) - 1)) == 0 ? 0 : 1;
                up = ((1L << 62) - rem - ((sticky | d) & 1)) >>> 63;
            }
        } else {
            // m / 5^j / 2^t, with j = -k and t = j - q > 0: both divisions' remainders decide the rounding.
            long five = FIVES[-k];
            long quotient = m / five;
            boolean inexact = quotient * five != m;
            int t = -k - q;
            d = quotient >>> t;
            long rem = quotient & ((1L << t) - 1);
            up = ((1L << (t - 1)) - rem - ((inexact ? 1 : 0) | (d & 1))) >>> 63;
        }
        d += up;
        if (d == TENS[digits]) {
            d = TENS[digits - 1];
            e++;
        }
        return emit(out, pos, d, digits, e);
    }

    /** Beyond the long arithmetic's range: the same half-even digits from the exact value, with allocation. */
    private static int slow(byte[] out, int pos, double v, int digits) {
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int count = rounded.precision();
        return emit(out, pos, rounded.unscaledValue().longValueExact(), count, count - rounded.scale() - 1);
    }

    /** {@code d}, of {@code count} digits, times 10^(e - count + 1). */
    private static int emit(byte[] out, int pos, long d, int count, int e) {
        while (d % 100 == 0) {
            d /= 100;
            count -= 2;
        }
        if (d % 10 == 0) {
            d /= 10;
            count--;
        }
        if (e < -6 || e >= 15) {
            // d.ddd E e
            digits(out, pos + 1, d, count);
            out[pos] = out[pos + 1];
            pos++;
            if (count > 1) {
                out[pos] = '.';
                pos += count;
            }
            out[pos++] = 'E';
            if (e < 0) {
                out[pos++] = '-';
                e = -e;
            }
            if (e >= 100) {
                out[pos++] = (byte) ('0' + e / 100);
                e %= 100;
                out[pos++] = PAIRS[2 * e];
                out[pos++] = PAIRS[2 * e + 1];
            } else if (e >= 10) {
                out[pos++] = PAIRS[2 * e];
                out[pos++] = PAIRS[2 * e + 1];
            } else {
                out[pos++] = (byte) ('0' + e);
            }
            return pos;
        }
        if (e < 0) {
            // 0.000ddd
            // "0.000000" at once, then the digits over its end: no loop whose length the branch predictor must guess.
            EIGHT.set(out, pos, ZERO_POINT);
            pos += 1 - e;
            digits(out, pos, d, count);
            return pos + count;
        }
        if (e + 1 >= count) {
            // ddd000
            digits(out, pos, d, count);
            pos += count;
            EIGHT.set(out, pos, ZEROS);
            EIGHT.set(out, pos + 8, ZEROS);
            return pos + e + 1 - count;
        }
        // ddd.ddd: the digits, then the fraction's (at most 14) moved one to the right by two 8-byte moves, no loop.
        digits(out, pos, d, count);
        int point = pos + e + 1;
        long first = (long) EIGHT.get(out, point);
        long second = (long) EIGHT.get(out, point + 8);
        EIGHT.set(out, point + 1, first);
        EIGHT.set(out, point + 9, second);
        out[point] = '.';
        return pos + count + 1;
    }

    /**
     * The {@code count} decimal digits of {@code d} at out[pos, pos + count), written 8 bytes at a time, so a few
     * bytes after them are overwritten too.
     */
    private static void digits(byte[] out, int pos, long d, int count) {
        if (count > 8) {
            long high = d / 1_0000_0000L;
            EIGHT.set(out, pos, eightDigits((int) high) >>> (8 * (16 - count)));
            EIGHT.set(out, pos + count - 8, eightDigits((int) (d - high * 1_0000_0000L)));
        } else {
            EIGHT.set(out, pos, eightDigits((int) d) >>> (8 * (8 - count)));
        }
    }

    /**
     * The 8 ASCII digits of {@code n} (below 10^8, zero-padded), most significant in the lowest byte: the number split
     * into 4-digit halves in 32-bit lanes, then into 2-digit and 1-digit lanes, each lane's division by 100 or 10 done
     * for all lanes at once by a multiplication and a shift that are exact in that range.
     */
    private static long eightDigits(int n) {
        int high = n / 10000;
        long lanes = high | ((long) (n - high * 10000) << 32);
        long hundreds = ((lanes * 5243) >>> 19) & 0x0000_007F_0000_007FL;
        lanes = hundreds | ((lanes - hundreds * 100) << 16);
        long tens = ((lanes * 103) >>> 10) & 0x000F_000F_000F_000FL;
        lanes = tens | ((lanes - tens * 10) << 8);
        return lanes | 0x3030_3030_3030_3030L;
    }
}
