package io.tradeloom.pattern.store;

import static io.tradeloom.db.schema.Tables.CANDLE_PATTERN;

import java.util.List;

import io.tradeloom.candles.Detection;
import io.tradeloom.db.Database;
import io.tradeloom.market.bar.Timeframe;

/** Candlestick patterns found in stored bars, once per (symbol, timeframe, bar time, pattern). */
public final class PatternStore {

    /** Rows per INSERT: 5 columns x 1000 stays far below SQLite's bind limit, as BarStore's chunks do. */
    private static final int ROWS_PER_STATEMENT = 1000;

    private final Database db;

    public PatternStore(Database db) {
        this.db = db;
    }

    /**
     * Stores {@code detections} in one transaction; one already stored for its key is left as it was (bars never
     * change once stored, so neither does what TA-Lib finds in them). Returns the rows added.
     */
    public int save(String symbol, Timeframe timeframe, List<Detection> detections) {
        if (detections.isEmpty()) {
            return 0;
        }
        return db.write("patterns.save", ctx -> {
            int added = 0;
            for (int from = 0; from < detections.size(); from += ROWS_PER_STATEMENT) {
                var insert = ctx.insertInto(CANDLE_PATTERN, CANDLE_PATTERN.SYMBOL, CANDLE_PATTERN.TIMEFRAME,
                        CANDLE_PATTERN.TIME, CANDLE_PATTERN.PATTERN_ID, CANDLE_PATTERN.VALUE);
                for (Detection d : detections.subList(from, Math.min(from + ROWS_PER_STATEMENT, detections.size()))) {
                    insert = insert.values(symbol, timeframe.label(), d.time().toEpochMilli(), d.pattern().id(), d.value());
                }
                added += insert.onConflictDoNothing().execute();
            }
            return added;
        });
    }
}
