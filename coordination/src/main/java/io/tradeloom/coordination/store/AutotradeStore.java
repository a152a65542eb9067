package io.tradeloom.coordination.store;

import static io.tradeloom.db.schema.Tables.AUTOTRADE;

import java.time.Instant;

/** The auto-trading switch: one row, so it survives restarts. */
public final class AutotradeStore {

    private final io.tradeloom.db.Database db;

    public AutotradeStore(io.tradeloom.db.Database db) {
        this.db = db;
    }

    /** The switch and when it was last set ({@code updatedAt} is the epoch when never set). */
    public record State(boolean enabled, Instant updatedAt) {
    }

    public State load() {
        return db.read("autotrade.load", ctx -> ctx.selectFrom(AUTOTRADE).where(AUTOTRADE.ID.eq(1))
                .fetchOptional(r -> new State(r.getEnabled() == 1, Instant.ofEpochMilli(r.getUpdatedAt())))
                .orElse(new State(false, Instant.EPOCH)));
    }

    public State save(boolean enabled, Instant at) {
        db.write("autotrade.save", ctx -> ctx.insertInto(AUTOTRADE)
                .set(AUTOTRADE.ID, 1)
                .set(AUTOTRADE.ENABLED, enabled ? 1 : 0)
                .set(AUTOTRADE.UPDATED_AT, at.toEpochMilli())
                .onConflict(AUTOTRADE.ID)
                .doUpdate()
                .set(AUTOTRADE.ENABLED, enabled ? 1 : 0)
                .set(AUTOTRADE.UPDATED_AT, at.toEpochMilli())
                .execute());
        return new State(enabled, at);
    }
}
