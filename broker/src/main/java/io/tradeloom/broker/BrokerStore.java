package io.tradeloom.broker;

import java.util.List;

/**
 * Where the engine keeps its state. {@link #commit} is atomic: after a crash either every change of one engine
 * step is stored or none is, so a restart neither loses an accepted order nor doubles a fill.
 */
public interface BrokerStore {

    /** Everything needed to rebuild the engine: every order, the whole ledger in order, the risk state. */
    State load();

    void commit(Changes changes);

    record State(List<Order> orders, List<LedgerEntry> ledger, RiskStatus risk) {
    }

    /** One engine step's changes: orders inserted or updated (by id), ledger lines appended, risk, snapshots. */
    record Changes(List<Order> orders, List<LedgerEntry> ledger, RiskStatus risk, List<EquitySnapshot> equity) {
        public boolean isEmpty() {
            return orders.isEmpty() && ledger.isEmpty() && risk == null && equity.isEmpty();
        }
    }
}
