package io.tradeloom.technical.store;

import static io.tradeloom.db.schema.Tables.SIGNAL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import io.tradeloom.db.Database;
import io.tradeloom.db.PriceUnits;
import io.tradeloom.indicators.signal.Signal;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.http.Json;

/** Every signal computed, with the bar time it was computed at: a history, never updated. */
public final class SignalStore {

    private final Database db;

    public SignalStore(Database db) {
        this.db = db;
    }

    /** A signal of {@code symbol} on its {@code timeframe} bars. */
    public record Evaluated(String symbol, Timeframe timeframe, Signal signal) {
    }

    /** Stores the signals in one transaction, so a batch is stored whole or not at all; returns their ids in order. */
    public List<Long> save(List<Evaluated> signals, Instant createdAt) {
        return db.write("signals.save", ctx -> {
            List<Long> ids = new ArrayList<>(signals.size());
            for (Evaluated e : signals) {
                Signal s = e.signal();
                ids.add(ctx.insertInto(SIGNAL)
                        .set(SIGNAL.SYMBOL, e.symbol())
                        .set(SIGNAL.TIMEFRAME, e.timeframe().label())
                        .set(SIGNAL.TIME, s.time().toEpochMilli())
                        .set(SIGNAL.ACTION, s.action().name())
                        .set(SIGNAL.SCORE, score(s.score()).toPlainString())
                        .set(SIGNAL.CLOSE_E4, PriceUnits.toE4(price(s.close())))
                        .set(SIGNAL.ATR_E4, e4(s.atr()))
                        .set(SIGNAL.SUGGESTED_STOP_E4, e4(s.suggestedStop()))
                        .set(SIGNAL.REASONS, new String(Json.bytes(s.reasons()), StandardCharsets.UTF_8))
                        .set(SIGNAL.CREATED_AT, createdAt.toEpochMilli())
                        .returningResult(SIGNAL.ID)
                        .fetchOne(0, Long.class));
            }
            return ids;
        });
    }

    /** A score as stored and shown: 4 decimals. */
    public static BigDecimal score(double score) {
        return BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP);
    }

    /** A price (close, ATR, stop) as stored and shown: to 1/10,000, as every price column. */
    public static BigDecimal price(double price) {
        return PriceUnits.fromE4(PriceUnits.toE4(BigDecimal.valueOf(price)));
    }

    private static Long e4(OptionalDouble value) {
        return value.isPresent() ? PriceUnits.toE4(price(value.getAsDouble())) : null;
    }
}
