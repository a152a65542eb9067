package io.tradeloom.platform.client;

import io.tradeloom.platform.ServiceId;

/**
 * The other service answered 4xx: our request was wrong, the service is healthy. Neither retried
 * nor counted against its circuit breaker.
 */
public final class ServiceRejectedException extends ServiceCallException {

    private final String body;

    public ServiceRejectedException(ServiceId target, int status, String body) {
        super(target, status, "rejected with " + status, null);
        this.body = body;
    }

    /** The error body the service sent (problem+json or Alpaca's format). */
    public String body() {
        return body;
    }
}
