package io.tradeloom.db.market;

import static io.tradeloom.db.schema.Tables.UNIVERSE_SYMBOL;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tradeloom.db.Database;

/** The symbols the scanner serves and their company names. */
public final class UniverseStore {

    private final Database db;

    public UniverseStore(Database db) {
        this.db = db;
    }

    public record Member(String symbol, String name) {
    }

    /** Replaces the universe with {@code members} (symbol -> name) in one transaction. */
    public void replace(Map<String, String> members) {
        db.write("universe.replace", ctx -> {
            ctx.deleteFrom(UNIVERSE_SYMBOL).execute();
            var insert = ctx.insertInto(UNIVERSE_SYMBOL, UNIVERSE_SYMBOL.SYMBOL, UNIVERSE_SYMBOL.NAME);
            for (var e : members.entrySet()) {
                insert = insert.values(e.getKey(), e.getValue());
            }
            return members.isEmpty() ? 0 : insert.execute();
        });
    }

    public List<Member> list() {
        return db.read("universe.list", ctx -> ctx.selectFrom(UNIVERSE_SYMBOL)
                .orderBy(UNIVERSE_SYMBOL.SYMBOL)
                .fetch(r -> new Member(r.getSymbol(), r.getName())));
    }

    public Optional<Member> find(String symbol) {
        return db.read("universe.find", ctx -> ctx.selectFrom(UNIVERSE_SYMBOL)
                .where(UNIVERSE_SYMBOL.SYMBOL.eq(symbol))
                .fetchOptional(r -> new Member(r.getSymbol(), r.getName())));
    }
}
