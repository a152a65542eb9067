package io.tradeloom.platform.client;

import io.tradeloom.platform.ServiceId;

/**
 * A call to another service failed: it was unreachable, too slow, answered 5xx or garbage, or its
 * circuit breaker is open. Counts against the breaker and may be retried (idempotent calls only).
 */
public class ServiceCallException extends RuntimeException {

    private final ServiceId target;
    private final int status;

    public ServiceCallException(ServiceId target, int status, String message, Throwable cause) {
        super(target.module() + ": " + message, cause);
        this.target = target;
        this.status = status;
    }

    public ServiceId target() {
        return target;
    }

    /** The HTTP status received, or 0 when no response arrived. */
    public int status() {
        return status;
    }
}
