package io.tradeloom.trading.engine;

import io.tradeloom.broker.Broker;
import io.tradeloom.broker.Order;
import io.tradeloom.broker.OrderRequest;
import io.tradeloom.broker.ReplaceRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Where the API's state-changing order calls go: the paper engine itself, or Alpaca with the engine as its local
 * mirror. Reads always come from the engine ({@link #broker()}).
 */
public interface OrderDesk {

    Broker broker();

    Order submit(OrderRequest request, Instant now);

    Order cancel(String id, Instant now);

    List<Order> cancelAll(Instant now);

    Order replace(String id, ReplaceRequest request, Instant now);

    Order closePosition(String symbol, Long qty, BigDecimal percentage, Instant now);

    List<Broker.CloseResult> closeAll(boolean cancelOrders, Instant now);

    /** This service's own engine; submissions go through the batcher (group commit). */
    record Paper(Broker broker, SubmitBatcher batcher) implements OrderDesk {
        public Order submit(OrderRequest request, Instant now) {
            return batcher.submit(request);
        }

        public Order cancel(String id, Instant now) {
            return broker.cancel(id, now);
        }

        public List<Order> cancelAll(Instant now) {
            return broker.cancelAll(now);
        }

        public Order replace(String id, ReplaceRequest request, Instant now) {
            return broker.replace(id, request, now);
        }

        public Order closePosition(String symbol, Long qty, BigDecimal percentage, Instant now) {
            return broker.closePosition(symbol, qty, percentage, now);
        }

        public List<Broker.CloseResult> closeAll(boolean cancelOrders, Instant now) {
            return broker.closeAll(cancelOrders, now);
        }
    }
}
