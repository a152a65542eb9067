package io.tradeloom.indicators;

import java.math.BigDecimal;

/**
 * One parameter of an indicator, with TA-Lib's name (as its Python binding spells it), default and
 * valid range, so a spec that TA-Lib would refuse is refused with the range instead.
 *
 * @param whole whether only whole numbers are valid (periods and MA types)
 */
public record Param(String name, boolean whole, double dflt, double min, double max) {

    /** TA-Lib's upper bound for every period. */
    static final int MAX_PERIOD = 100_000;
    /** TA-Lib's bound for real-valued parameters ("TA_REAL_MAX"). */
    static final double REAL_MAX = 3e37;
    /** TA-Lib's moving-average types: 0 SMA, 1 EMA, 2 WMA, 3 DEMA, 4 TEMA, 5 TRIMA, 6 KAMA, 7 MAMA, 8 T3. */
    static final int MA_TYPES = 9;

    static Param period(String name, int dflt, int min) {
        return new Param(name, true, dflt, min, MAX_PERIOD);
    }

    static Param real(String name, double dflt, double min) {
        return new Param(name, false, dflt, min, REAL_MAX);
    }

    static Param maType(String name) {
        return new Param(name, true, 0, 0, MA_TYPES - 1);
    }

    /** Why a value is refused, or null when it is valid. */
    String problem(double value) {
        if (Double.isNaN(value) || value < min || value > max || whole && value != Math.rint(value)) {
            return name + " must be " + range() + ", was " + format(value);
        }
        return null;
    }

    /** "a whole number from 2 to 100000 (TA-Lib's range)". */
    String range() {
        String kind = whole ? "a whole number" : "a number";
        String extra = name.endsWith("matype") ? ": 0 SMA, 1 EMA, 2 WMA, 3 DEMA, 4 TEMA, 5 TRIMA, 6 KAMA, 7 MAMA, 8 T3" : "";
        return kind + " from " + format(min) + " to " + format(max) + " (TA-Lib's range" + extra + ")";
    }

    /** The shortest plain decimal: 14, 0.02, 3E+37 stays readable as 3E37. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (Math.abs(value) >= 1e15) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
