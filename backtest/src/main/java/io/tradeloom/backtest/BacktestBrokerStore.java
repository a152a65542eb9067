package io.tradeloom.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradeloom.broker.BrokerStore;
import io.tradeloom.broker.LedgerEntry;
import io.tradeloom.broker.Order;
import io.tradeloom.broker.RiskStatus;

/**
 * The broker's store for a backtest: in memory, everything a rebuild needs (orders, ledger, risk) and nothing
 * else. Equity snapshots are not kept: the engine records its own curve, and a million-bar run would otherwise
 * hold a second copy of it.
 */
final class BacktestBrokerStore implements BrokerStore {

    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private RiskStatus risk;

    @Override
    public State load() {
        return new State(List.copyOf(orders.values()), List.copyOf(ledger), risk);
    }

    @Override
    public void commit(Changes c) {
        for (Order o : c.orders()) {
            orders.put(o.id(), o);
        }
        ledger.addAll(c.ledger());
        if (c.risk() != null) {
            risk = c.risk();
        }
    }
}
