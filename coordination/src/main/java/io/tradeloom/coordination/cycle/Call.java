package io.tradeloom.coordination.cycle;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tradeloom.db.Database;
import io.tradeloom.platform.client.ServiceCallException;
import io.tradeloom.platform.client.ServiceRejectedException;

/**
 * One call to another service, started on its own virtual thread, awaited against the cycle's deadline. It ends
 * in a value, a rejection (4xx: our request, not the service, was wrong; e.g. an unknown symbol) or a failure
 * (unreachable, timed out, 5xx, garbage, breaker open, or no answer by the deadline).
 */
final class Call<T> {

    private final long startNanos = System.nanoTime();
    private final Future<T> future;
    private volatile long endNanos;

    Call(ExecutorService executor, Callable<T> work) {
        this.future = executor.submit(() -> {
            try {
                return work.call();
            } finally {
                endNanos = System.nanoTime();
            }
        });
    }

    /** How a call ended. Exactly one of value (possibly null), rejection and failure applies. */
    record Result<T>(T value, ServiceRejectedException rejection, String failure) {
        boolean ok() {
            return rejection == null && failure == null;
        }

        boolean failed() {
            return failure != null;
        }
    }

    Result<T> await(long deadlineNanos) {
        try {
            return new Result<>(future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS), null, null);
        } catch (TimeoutException e) {
            future.cancel(true);
            endNanos = System.nanoTime();
            return new Result<>(null, null, "no answer within the cycle deadline");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ServiceRejectedException rejected) {
                return new Result<>(null, rejected, null);
            }
            Throwable cause = e.getCause();
            // The client's own message says what went wrong ("news: timed out", "news: answered 500"); others' root cause.
            return new Result<>(null, null, cause instanceof ServiceCallException call ? call.getMessage() : Database.rootMessage(cause));
        } catch (CancellationException e) {
            return new Result<>(null, null, "cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new Result<>(null, null, "interrupted");
        }
    }

    long startNanos() {
        return startNanos;
    }

    /** When the call ended (after {@link #await}); its start if it never did. */
    long endNanos() {
        long end = endNanos;
        return end == 0 ? startNanos : end;
    }
}
