package io.tradeloom.candles;

import static io.tradeloom.candles.Series.candle;
import static io.tradeloom.candles.Series.concat;
import static io.tradeloom.candles.Series.downtrend;

import java.util.List;

import io.tradeloom.market.bar.BarSeries;

/**
 * Textbook candles, {open, high, low, close}, drawn to TA-Lib's definitions with its default candle settings: each
 * after twelve ordinary candles of a downtrend (bodies of 1, ranges of 1.5; the last a white 14.0 to 15.0), so
 * "long", "short", "near" and "doji" have an average to be judged against. Among them every pattern the simulated
 * market never shows.
 *
 * @param value TA-Lib's output expected at the last bar
 */
record Textbook(String id, int value, BarSeries bars) {

    private static final double[][] CONTEXT = downtrend(12, 20);

    static final List<Textbook> ALL = List.of(
            of("CDLENGULFING", 100,
                    candle(14.2, 14.4, 13.4, 13.6),    // black
                    candle(13.4, 14.6, 13.2, 14.4)),   // white, its body covering the black one's
            of("CDLENGULFING", -100,
                    candle(13.6, 14.4, 13.4, 14.2),    // white
                    candle(14.4, 14.6, 13.2, 13.4)),   // black, covering it
            of("CDLHAMMER", 100,
                    candle(13.5, 13.7, 12.3, 13.7)),   // small body on top of a long lower shadow, at the prior low
            of("CDLDOJI", 100,
                    candle(14.0, 14.5, 13.5, 14.0)),   // open == close
            of("CDLMORNINGSTAR", 100,
                    candle(14.5, 14.6, 12.4, 12.5),    // long black
                    candle(12.0, 12.1, 11.7, 11.9),    // small body gapping below it
                    candle(12.2, 13.9, 12.1, 13.8)),   // long white closing well into the first body
            of("CDL2CROWS", -100,
                    candle(14.0, 16.1, 13.9, 16.0),    // long white
                    candle(17.0, 17.1, 16.4, 16.5),    // black gapping up
                    candle(16.8, 16.9, 14.9, 15.0)),   // black opening in the second body, closing in the first
            of("CDLUPSIDEGAP2CROWS", -100,
                    candle(14.0, 16.1, 13.9, 16.0),    // long white
                    candle(17.0, 17.1, 16.6, 16.7),    // small black gapping up
                    candle(17.2, 17.3, 16.4, 16.5)),   // black engulfing it, closing above the first close
            of("CDL3LINESTRIKE", 100,
                    candle(14.0, 15.1, 13.9, 15.0),    // three white, each opening in the previous body
                    candle(14.9, 16.0, 14.8, 15.9),
                    candle(15.8, 16.9, 15.7, 16.8),
                    candle(17.0, 17.1, 13.7, 13.8)),   // black opening above and closing below them all
            of("CDL3STARSINSOUTH", 100,
                    candle(14.5, 14.6, 11.4, 13.0),    // long black with a long lower shadow
                    candle(13.5, 13.6, 12.0, 12.6),    // smaller black, higher low, still a lower shadow
                    candle(12.9, 12.9, 12.5, 12.5)),   // small black marubozu inside the second's range
            of("CDLABANDONEDBABY", 100,
                    candle(14.5, 14.6, 12.4, 12.5),    // long black
                    candle(11.8, 11.9, 11.7, 11.8),    // doji, its whole range gapping below
                    candle(12.1, 13.6, 12.0, 13.5)),   // white, its whole range gapping above, closing into the first
            of("CDLBREAKAWAY", 100,
                    candle(14.5, 14.6, 12.4, 12.5),    // long black
                    candle(12.0, 12.1, 11.5, 11.6),    // black gapping down
                    candle(11.5, 11.6, 11.0, 11.1),    // lower highs and lows
                    candle(11.0, 11.1, 10.5, 10.6),
                    candle(10.7, 12.3, 10.6, 12.2)),   // white closing inside the gap
            of("CDLCONCEALBABYSWALL", 100,
                    candle(14.5, 14.5, 13.5, 13.5),    // black marubozu
                    candle(13.4, 13.4, 12.4, 12.4),    // black marubozu
                    candle(12.0, 12.6, 11.5, 11.6),    // black gapping down, its upper shadow into the prior body
                    candle(12.7, 12.8, 11.2, 11.3)),   // black engulfing it, shadows included
            of("CDLKICKING", 100,
                    candle(14.5, 14.5, 13.0, 13.0),    // black marubozu
                    candle(15.0, 17.0, 15.0, 17.0)),   // longer white marubozu gapping above it
            of("CDLKICKINGBYLENGTH", 100,
                    candle(14.5, 14.5, 13.0, 13.0),
                    candle(15.0, 17.0, 15.0, 17.0)),   // the longer marubozu is white
            of("CDLMATHOLD", 100,
                    candle(14.0, 16.1, 13.9, 16.0),    // long white
                    candle(16.6, 16.7, 16.2, 16.3),    // small black gapping up
                    candle(16.2, 16.3, 15.7, 15.8),    // two small falling candles holding in the first body
                    candle(16.0, 16.1, 15.5, 15.6),
                    candle(15.8, 17.3, 15.7, 17.2)),   // white closing above their highs
            of("CDLRISEFALL3METHODS", 100,
                    candle(14.0, 16.1, 13.9, 16.0),    // long white
                    candle(15.8, 15.9, 15.4, 15.5),    // three small falling black candles within its range
                    candle(15.6, 15.7, 15.1, 15.2),
                    candle(15.3, 15.4, 14.8, 14.9),
                    candle(15.0, 16.9, 14.9, 16.8)),   // long white closing above the first
            of("CDLHIKKAKEMOD", 100,
                    candle(13.5, 15.0, 13.0, 14.5),
                    candle(14.0, 14.8, 13.2, 13.3),    // inside bar closing near its low
                    candle(13.6, 14.6, 13.4, 14.0),    // inside bar
                    candle(14.0, 14.4, 13.2, 13.5)));  // lower high and lower low

    private static Textbook of(String id, int value, double[]... candles) {
        return new Textbook(id, value, Series.of(concat(CONTEXT, candles)));
    }

    int last() {
        return bars.size() - 1;
    }

    @Override
    public String toString() {
        return id + (value > 0 ? " bullish" : " bearish");
    }
}
