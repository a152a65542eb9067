package io.tradeloom.broker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A store in memory, for backtests and tests: the same contract, nothing durable. */
public final class InMemoryBrokerStore implements BrokerStore {

    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final List<EquitySnapshot> equity = new ArrayList<>();
    private RiskStatus risk;

    @Override
    public synchronized State load() {
        return new State(List.copyOf(orders.values()), List.copyOf(ledger), risk);
    }

    @Override
    public synchronized void commit(Changes c) {
        for (Order o : c.orders()) {
            orders.put(o.id(), o);
        }
        ledger.addAll(c.ledger());
        equity.addAll(c.equity());
        if (c.risk() != null) {
            risk = c.risk();
        }
    }

    public synchronized List<EquitySnapshot> equity() {
        return List.copyOf(equity);
    }

    public synchronized List<LedgerEntry> ledger() {
        return List.copyOf(ledger);
    }
}
