package io.tradeloom.candles;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.tictactec.ta.lib.Core;

/**
 * TA-Lib 0.4.0's 61 candlestick pattern functions, in TA-Lib's (alphabetical) order. An explicit table rather than
 * reflection over {@code Core}, so each id, its description and its default penetration can be read here; the Java
 * port's own misspellings ({@code cdlHignWave}, {@code cdlSeperatingLines}, {@code cdlStickSandwhich}) stay on this
 * side, the ids are TA-Lib's function names.
 */
public final class CandlePatterns {

    /** TA-Lib's default penetration for the star patterns and the abandoned baby: the third candle's close must reach 30 % into the first's body. */
    static final double STAR_PENETRATION = 0.3;
    /** TA-Lib's default penetration for dark cloud cover and mat hold: half of the first candle's body. */
    static final double HALF_PENETRATION = 0.5;

    private static final List<CandlePattern> ALL = List.of(
            CandlePattern.of("CDL2CROWS", "Two Crows", Core::cdl2Crows),
            CandlePattern.of("CDL3BLACKCROWS", "Three Black Crows", Core::cdl3BlackCrows),
            CandlePattern.of("CDL3INSIDE", "Three Inside Up/Down", Core::cdl3Inside),
            CandlePattern.of("CDL3LINESTRIKE", "Three-Line Strike", Core::cdl3LineStrike),
            CandlePattern.of("CDL3OUTSIDE", "Three Outside Up/Down", Core::cdl3Outside),
            CandlePattern.of("CDL3STARSINSOUTH", "Three Stars In The South", Core::cdl3StarsInSouth),
            CandlePattern.of("CDL3WHITESOLDIERS", "Three Advancing White Soldiers", Core::cdl3WhiteSoldiers),
            CandlePattern.of("CDLABANDONEDBABY", "Abandoned Baby", STAR_PENETRATION, Core::cdlAbandonedBaby),
            CandlePattern.of("CDLADVANCEBLOCK", "Advance Block", Core::cdlAdvanceBlock),
            CandlePattern.of("CDLBELTHOLD", "Belt-hold", Core::cdlBeltHold),
            CandlePattern.of("CDLBREAKAWAY", "Breakaway", Core::cdlBreakaway),
            CandlePattern.of("CDLCLOSINGMARUBOZU", "Closing Marubozu", Core::cdlClosingMarubozu),
            CandlePattern.of("CDLCONCEALBABYSWALL", "Concealing Baby Swallow", Core::cdlConcealBabysWall),
            CandlePattern.of("CDLCOUNTERATTACK", "Counterattack", Core::cdlCounterAttack),
            CandlePattern.of("CDLDARKCLOUDCOVER", "Dark Cloud Cover", HALF_PENETRATION, Core::cdlDarkCloudCover),
            CandlePattern.of("CDLDOJI", "Doji", Core::cdlDoji),
            CandlePattern.of("CDLDOJISTAR", "Doji Star", Core::cdlDojiStar),
            CandlePattern.of("CDLDRAGONFLYDOJI", "Dragonfly Doji", Core::cdlDragonflyDoji),
            CandlePattern.of("CDLENGULFING", "Engulfing Pattern", Core::cdlEngulfing),
            CandlePattern.of("CDLEVENINGDOJISTAR", "Evening Doji Star", STAR_PENETRATION, Core::cdlEveningDojiStar),
            CandlePattern.of("CDLEVENINGSTAR", "Evening Star", STAR_PENETRATION, Core::cdlEveningStar),
            CandlePattern.of("CDLGAPSIDESIDEWHITE", "Up/Down-gap side-by-side white lines", Core::cdlGapSideSideWhite),
            CandlePattern.of("CDLGRAVESTONEDOJI", "Gravestone Doji", Core::cdlGravestoneDoji),
            CandlePattern.of("CDLHAMMER", "Hammer", Core::cdlHammer),
            CandlePattern.of("CDLHANGINGMAN", "Hanging Man", Core::cdlHangingMan),
            CandlePattern.of("CDLHARAMI", "Harami Pattern", Core::cdlHarami),
            CandlePattern.of("CDLHARAMICROSS", "Harami Cross Pattern", Core::cdlHaramiCross),
            CandlePattern.of("CDLHIGHWAVE", "High-Wave Candle", Core::cdlHignWave),
            CandlePattern.of("CDLHIKKAKE", "Hikkake Pattern", Core::cdlHikkake),
            CandlePattern.of("CDLHIKKAKEMOD", "Modified Hikkake Pattern", Core::cdlHikkakeMod),
            CandlePattern.of("CDLHOMINGPIGEON", "Homing Pigeon", Core::cdlHomingPigeon),
            CandlePattern.of("CDLIDENTICAL3CROWS", "Identical Three Crows", Core::cdlIdentical3Crows),
            CandlePattern.of("CDLINNECK", "In-Neck Pattern", Core::cdlInNeck),
            CandlePattern.of("CDLINVERTEDHAMMER", "Inverted Hammer", Core::cdlInvertedHammer),
            CandlePattern.of("CDLKICKING", "Kicking", Core::cdlKicking),
            CandlePattern.of("CDLKICKINGBYLENGTH", "Kicking - bull/bear determined by the longer marubozu", Core::cdlKickingByLength),
            CandlePattern.of("CDLLADDERBOTTOM", "Ladder Bottom", Core::cdlLadderBottom),
            CandlePattern.of("CDLLONGLEGGEDDOJI", "Long Legged Doji", Core::cdlLongLeggedDoji),
            CandlePattern.of("CDLLONGLINE", "Long Line Candle", Core::cdlLongLine),
            CandlePattern.of("CDLMARUBOZU", "Marubozu", Core::cdlMarubozu),
            CandlePattern.of("CDLMATCHINGLOW", "Matching Low", Core::cdlMatchingLow),
            CandlePattern.of("CDLMATHOLD", "Mat Hold", HALF_PENETRATION, Core::cdlMatHold),
            CandlePattern.of("CDLMORNINGDOJISTAR", "Morning Doji Star", STAR_PENETRATION, Core::cdlMorningDojiStar),
            CandlePattern.of("CDLMORNINGSTAR", "Morning Star", STAR_PENETRATION, Core::cdlMorningStar),
            CandlePattern.of("CDLONNECK", "On-Neck Pattern", Core::cdlOnNeck),
            CandlePattern.of("CDLPIERCING", "Piercing Pattern", Core::cdlPiercing),
            CandlePattern.of("CDLRICKSHAWMAN", "Rickshaw Man", Core::cdlRickshawMan),
            CandlePattern.of("CDLRISEFALL3METHODS", "Rising/Falling Three Methods", Core::cdlRiseFall3Methods),
            CandlePattern.of("CDLSEPARATINGLINES", "Separating Lines", Core::cdlSeperatingLines),
            CandlePattern.of("CDLSHOOTINGSTAR", "Shooting Star", Core::cdlShootingStar),
            CandlePattern.of("CDLSHORTLINE", "Short Line Candle", Core::cdlShortLine),
            CandlePattern.of("CDLSPINNINGTOP", "Spinning Top", Core::cdlSpinningTop),
            CandlePattern.of("CDLSTALLEDPATTERN", "Stalled Pattern", Core::cdlStalledPattern),
            CandlePattern.of("CDLSTICKSANDWICH", "Stick Sandwich", Core::cdlStickSandwhich),
            CandlePattern.of("CDLTAKURI", "Takuri (Dragonfly Doji with very long lower shadow)", Core::cdlTakuri),
            CandlePattern.of("CDLTASUKIGAP", "Tasuki Gap", Core::cdlTasukiGap),
            CandlePattern.of("CDLTHRUSTING", "Thrusting Pattern", Core::cdlThrusting),
            CandlePattern.of("CDLTRISTAR", "Tristar Pattern", Core::cdlTristar),
            CandlePattern.of("CDLUNIQUE3RIVER", "Unique 3 River", Core::cdlUnique3River),
            CandlePattern.of("CDLUPSIDEGAP2CROWS", "Upside Gap Two Crows", Core::cdlUpsideGap2Crows),
            CandlePattern.of("CDLXSIDEGAP3METHODS", "Upside/Downside Gap Three Methods", Core::cdlXSideGap3Methods));

    private static final Map<String, CandlePattern> BY_ID = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(CandlePattern::id, Function.identity()));

    private CandlePatterns() {
    }

    /** Every pattern, ordered by id. */
    public static List<CandlePattern> all() {
        return ALL;
    }

    /** The pattern with TA-Lib function name {@code id}, ignoring case ({@code cdlDoji} is {@code CDLDOJI}). */
    public static Optional<CandlePattern> find(String id) {
        return Optional.ofNullable(BY_ID.get(id.trim().toUpperCase(Locale.ROOT)));
    }
}
