package io.tradeloom.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * JsonDoubles against BigDecimal's own half-even rounding of the exact binary value, on millions of random doubles
 * from fixed seeds: the same digits, parsed back within the relative bound, in valid JSON of the promised shape.
 */
class JsonDoublesTest {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?(E-?[1-9][0-9]*)?");
    private static final int PER_KIND = 1_000_000;

    private static String text(double value, int digits) {
        byte[] out = new byte[JsonDoubles.ROOM + 3];
        int end = JsonDoubles.write(out, 3, value, digits);
        assertThat(end - 3).isBetween(1, JsonDoubles.MAX_LENGTH);
        return new String(out, 3, end - 3, StandardCharsets.US_ASCII);
    }

    @Test
    void writesTheUsualCasesAsPlainTrimmedNumbers() {
        Object[][] cases = {
            {0.0, "0"}, {-0.0, "0"}, {1.0, "1"}, {-1.0, "-1"}, {100.0, "100"}, {812345.0, "812345"},
            {229.61, "229.61"}, {-229.61, "-229.61"}, {229.75, "229.75"}, {0.1, "0.1"}, {0.30000000000000004, "0.3"},
            {1.0 / 3, "0.333333333333"}, {2.0 / 3, "0.666666666667"}, {-2.0 / 3, "-0.666666666667"},
            {12345.678901234567, "12345.6789012"}, {123456789.0, "123456789"}, {123456789012345.0, "123456789012000"},
            {1e-6, "0.000001"}, {1.5e-6, "0.0000015"}, {-0.0000123456789012345, "-0.0000123456789012"},
            {99999999999999.0, "100000000000000"}, {1e14, "100000000000000"}, {999999999999.0, "999999999999"},
        };
        for (Object[] c : cases) {
            assertThat(text((double) c[0], 12)).as("%s", c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void carriesIntoTheNextDecadeWhenRoundingUp() {
        assertThat(text(9.99999999999951, 12)).isEqualTo("10");
        assertThat(text(-9.99999999999951, 12)).isEqualTo("-10");
        assertThat(text(0.999999999999951, 12)).isEqualTo("1");
        assertThat(text(99.9999999999999, 12)).isEqualTo("100");
        assertThat(text(999999999999.6, 12)).isEqualTo("1000000000000");
        assertThat(text(Math.nextDown(1e-6), 12)).isEqualTo("0.000001");
        assertThat(text(999999999999999.0, 12)).isEqualTo("1E15");
        assertThat(text(9.5, 1)).isEqualTo("10");
    }

    @Test
    void roundsExactTiesHalfToEven() {
        // Exactly representable ties at the 13th significant digit.
        assertThat(text(100000000000.5, 12)).isEqualTo("100000000000");
        assertThat(text(100000000001.5, 12)).isEqualTo("100000000002");
        assertThat(text(0.125, 2)).isEqualTo("0.12");
        assertThat(text(0.375, 2)).isEqualTo("0.38");
        assertThat(text(2.5, 1)).isEqualTo("2");
        assertThat(text(3.5, 1)).isEqualTo("4");
        assertThat(text(25.0, 1)).isEqualTo("20");
        assertThat(text(35.0, 1)).isEqualTo("40");
        // Not ties: the doubles nearest 0.95 and 0.35 lie below them, which scaling in double arithmetic would hide.
        assertThat(text(0.95, 1)).isEqualTo("0.9");
        assertThat(text(0.35, 1)).isEqualTo("0.3");
    }

    @Test
    void usesAnExponentOnlyOutsideOneMillionthToOneQuadrillion() {
        assertThat(text(1e-7, 12)).isEqualTo("1E-7");
        assertThat(text(-1.5e-7, 12)).isEqualTo("-1.5E-7");
        assertThat(text(Math.pow(2, -46), 12)).isEqualTo("1.42108547152E-14");
        assertThat(text(5.551115123125783e-17, 12)).isEqualTo("5.55111512313E-17");
        assertThat(text(1e15, 12)).isEqualTo("1E15");
        assertThat(text(1.2345e20, 12)).isEqualTo("1.2345E20");
        assertThat(text(-1e100, 12)).isEqualTo("-1E100");
        assertThat(text(Double.MAX_VALUE, 12)).isEqualTo("1.79769313486E308");
        assertThat(text(Double.MIN_VALUE, 12)).isEqualTo("4.94065645841E-324");
        assertThat(text(Double.MIN_NORMAL, 12)).isEqualTo("2.22507385851E-308");
    }

    @Test
    void refusesWhatJsonCannotCarryAndDigitCountsOutOfRange() {
        byte[] out = new byte[64];
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> JsonDoubles.write(out, 0, bad, 12)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no JSON form");
        }
        assertThatThrownBy(() -> JsonDoubles.write(out, 0, 1.0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonDoubles.write(out, 0, 1.0, 16)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A price with 4 decimals, and any number of at most 12 digits, comes back as its shortest text. */
    @Test
    void numbersOfAtMostTwelveDigitsAreWrittenExactlyAsTheirShortestDecimal() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < PER_KIND; i++) {
            long unscaled = random.nextLong(1, 1_000_000_000_000L);
            int scale = random.nextInt(-3, 16);
            double x = BigDecimal.valueOf(unscaled, scale).doubleValue();
            String expected = BigDecimal.valueOf(unscaled, scale).stripTrailingZeros().toPlainString();
            if (Math.abs(x) >= 1e-6 && Math.abs(x) < 1e15 && !text(x, 12).equals(expected)) {
                assertThat(text(x, 12)).as("%s (%d, %d)", x, unscaled, scale).isEqualTo(expected);
            }
        }
    }

    @Test
    void randomDoublesAcrossMagnitudesHaveBigDecimalsDigitsAndReadBackWithinFiveTimesTenToMinusTwelve() {
        SplittableRandom decades = new SplittableRandom(1);
        check(12, () -> (decades.nextBoolean() ? 1 : -1) * (1 + 9 * decades.nextDouble())
                * Math.pow(10, decades.nextInt(-20, 21)));
        SplittableRandom bits = new SplittableRandom(2);
        check(12, () -> {
            double x;
            do {
                x = Double.longBitsToDouble(bits.nextLong());
            } while (!Double.isFinite(x));
            return x;
        });
        // Near powers of ten and near 13th-digit halves: the carries and the ties.
        SplittableRandom edges = new SplittableRandom(3);
        check(12, () -> {
            double decade = Math.pow(10, edges.nextInt(-18, 18));
            double x = edges.nextBoolean() ? decade : decade * (1 + edges.nextLong(1, 1_000_000_000_000L) * 1e-12 + 5e-13);
            for (int ulps = edges.nextInt(-3, 4); ulps != 0; ulps -= Integer.signum(ulps)) {
                x = ulps > 0 ? Math.nextUp(x) : Math.nextDown(x);
            }
            return x;
        });
        // Indicator-like values: prices, their differences and ratios.
        SplittableRandom prices = new SplittableRandom(4);
        check(12, () -> {
            double a = prices.nextLong(1, 10_000_000) / 1e4;
            double b = prices.nextLong(1, 10_000_000) / 1e4;
            return switch (prices.nextInt(3)) {
                case 0 -> a - b;
                case 1 -> a / b;
                default -> (a + b) / 3;
            };
        });
    }

    @Test
    void otherDigitCountsKeepTheirBounds() {
        for (int digits = 1; digits <= JsonDoubles.MAX_DIGITS; digits++) {
            SplittableRandom random = new SplittableRandom(100 + digits);
            check(digits, PER_KIND / 20, () -> (random.nextBoolean() ? 1 : -1) * (1 + 9 * random.nextDouble())
                    * Math.pow(10, random.nextInt(-30, 31)));
        }
        SplittableRandom random = new SplittableRandom(13);
        check(13, () -> (1 + 9 * random.nextDouble()) * Math.pow(10, random.nextInt(-20, 21)));
    }

    private static void check(int digits, DoubleSupplier values) {
        check(digits, PER_KIND, values);
    }

    /**
     * Each value's text: valid JSON without trailing zeros, at most {@code digits} significant digits, plain exactly
     * in [1e-6, 1e15); the same number as BigDecimal's half-even rounding of the exact value; and read back by
     * Double.parseDouble within 5 * 10^-digits of the value, relatively (plus the parse's own half ulp).
     */
    private static void check(int digits, int count, DoubleSupplier values) {
        MathContext context = new MathContext(digits, RoundingMode.HALF_EVEN);
        double bound = 5 * Math.pow(10, -digits);
        byte[] out = new byte[JsonDoubles.ROOM];
        for (int i = 0; i < count; i++) {
            double x = values.getAsDouble();
            int end = JsonDoubles.write(out, 0, x, digits);
            String text = new String(out, 0, end, StandardCharsets.US_ASCII);
            BigDecimal written = new BigDecimal(text);
            BigDecimal expected = x == 0 ? BigDecimal.ZERO : new BigDecimal(x).round(context);
            double back = Double.parseDouble(text);
            boolean plain = text.indexOf('E') < 0;
            double rounded = Math.abs(expected.doubleValue());
            boolean ok = JSON_NUMBER.matcher(text).matches()
                    && written.compareTo(expected) == 0
                    && written.stripTrailingZeros().precision() <= digits
                    && plain == (x == 0 || rounded >= 1e-6 && rounded < 1e15)
                    && Math.abs(back - x) <= bound * Math.abs(x) + Math.ulp(back) / 2
                    && (back == 0) == (x == 0);
            if (!ok) {
                assertThat(text).as("%s (%s) at %d digits, case %d: expected %s", x, new BigDecimal(x), digits, i,
                        expected.stripTrailingZeros()).isEqualTo("something else");
            }
        }
    }
}
