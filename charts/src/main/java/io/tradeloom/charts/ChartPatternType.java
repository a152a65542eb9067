package io.tradeloom.charts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every chart pattern the engine knows, with its API id and the direction it usually points before it breaks. */
public enum ChartPatternType {
    SUPPORT("support", "Support level", Direction.NEUTRAL),
    RESISTANCE("resistance", "Resistance level", Direction.NEUTRAL),
    UPTREND_LINE("uptrend_line", "Uptrend line", Direction.BULLISH),
    DOWNTREND_LINE("downtrend_line", "Downtrend line", Direction.BEARISH),
    ASCENDING_CHANNEL("ascending_channel", "Ascending channel", Direction.BULLISH),
    DESCENDING_CHANNEL("descending_channel", "Descending channel", Direction.BEARISH),
    HORIZONTAL_CHANNEL("horizontal_channel", "Horizontal channel", Direction.NEUTRAL),
    DOUBLE_TOP("double_top", "Double top", Direction.BEARISH),
    DOUBLE_BOTTOM("double_bottom", "Double bottom", Direction.BULLISH),
    TRIPLE_TOP("triple_top", "Triple top", Direction.BEARISH),
    TRIPLE_BOTTOM("triple_bottom", "Triple bottom", Direction.BULLISH),
    HEAD_AND_SHOULDERS("head_and_shoulders", "Head and shoulders", Direction.BEARISH),
    INVERSE_HEAD_AND_SHOULDERS("inverse_head_and_shoulders", "Inverse head and shoulders", Direction.BULLISH),
    ASCENDING_TRIANGLE("ascending_triangle", "Ascending triangle", Direction.BULLISH),
    DESCENDING_TRIANGLE("descending_triangle", "Descending triangle", Direction.BEARISH),
    SYMMETRICAL_TRIANGLE("symmetrical_triangle", "Symmetrical triangle", Direction.NEUTRAL),
    RISING_WEDGE("rising_wedge", "Rising wedge", Direction.BEARISH),
    FALLING_WEDGE("falling_wedge", "Falling wedge", Direction.BULLISH),
    BULL_FLAG("bull_flag", "Bull flag", Direction.BULLISH),
    BEAR_FLAG("bear_flag", "Bear flag", Direction.BEARISH),
    BULL_PENNANT("bull_pennant", "Bull pennant", Direction.BULLISH),
    BEAR_PENNANT("bear_pennant", "Bear pennant", Direction.BEARISH);

    private final String id;
    private final String displayName;
    private final Direction bias;

    ChartPatternType(String id, String displayName, Direction bias) {
        this.id = id;
        this.displayName = displayName;
        this.bias = bias;
    }

    /** The snake_case id used in APIs and the database, e.g. {@code double_top}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The direction the pattern points before its breakout decides. */
    public Direction bias() {
        return bias;
    }

    /** Levels and trendlines describe where price is, not a setup: {@link ChartEngine} leaves them out of the bias. */
    public boolean isContext() {
        return this == SUPPORT || this == RESISTANCE || this == UPTREND_LINE || this == DOWNTREND_LINE;
    }

    /** The type with this id, in any case and with '-' or ' ' for '_'. */
    public static Optional<ChartPatternType> find(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(t -> t.id.equals(key)).findFirst();
    }

    /** Every id, comma separated, for error messages. */
    public static String known() {
        return Arrays.stream(values()).map(ChartPatternType::id).collect(Collectors.joining(", "));
    }
}
