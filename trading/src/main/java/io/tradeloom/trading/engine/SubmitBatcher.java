package io.tradeloom.trading.engine;

import io.tradeloom.broker.Broker;
import io.tradeloom.broker.BrokerException;
import io.tradeloom.broker.Order;
import io.tradeloom.broker.OrderRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Group commit for order submission: orders that arrive while the previous batch is being written go to the engine
 * together ({@link Broker#submitAll}), so one SQLite transaction makes them all durable. Each caller still waits for
 * its own order's commit before it is acknowledged, and gets exactly the answer a lone submit would give. A lone
 * order is a batch of one.
 */
public final class SubmitBatcher implements AutoCloseable {

    private static final int MAX_BATCH = 256;

    private record Pending(OrderRequest request, CompletableFuture<Object> result) {
    }

    private final Broker broker;
    private final Supplier<Instant> clock;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;

    public SubmitBatcher(Broker broker, Supplier<Instant> clock) {
        this.broker = broker;
        this.clock = clock;
        this.worker = Thread.ofVirtual().name("paper-submit").start(this::run);
    }

    /** Submits and waits for the order's commit; throws what {@link Broker#submit} would. */
    public Order submit(OrderRequest request) {
        if (closed) {
            throw new IllegalStateException("the service is stopping");
        }
        Pending p = new Pending(request, new CompletableFuture<>());
        queue.add(p);
        Object r;
        try {
            r = p.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the order was being accepted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (r instanceof BrokerException refused) {
            // A fresh exception on the caller's thread, with the same status and message.
            throw new BrokerException(refused.status(), refused.getMessage());
        }
        return (Order) r;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            List<OrderRequest> requests = new ArrayList<>(batch.size());
            for (Pending p : batch) {
                requests.add(p.request());
            }
            try {
                List<Object> results = broker.submitAll(requests, clock.get());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(results.get(i));
                }
            } catch (RuntimeException e) {
                // Nothing of the batch was committed: every order in it fails as a lone one would have.
                for (Pending p : batch) {
                    p.result().completeExceptionally(e);
                }
            }
            batch.clear();
        }
        for (Pending p : queue) {
            p.result().completeExceptionally(new IllegalStateException("the service is stopping"));
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }
}
