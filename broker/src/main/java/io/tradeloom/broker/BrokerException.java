package io.tradeloom.broker;

/**
 * A request the broker refuses, with the HTTP status Alpaca answers it with: 403 (insufficient buying power,
 * a risk limit, trading halted), 404 (no such order or position) or 422 (invalid). Nothing was changed.
 */
public final class BrokerException extends RuntimeException {

    private final int status;

    public BrokerException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static BrokerException invalid(String message) {
        return new BrokerException(422, message);
    }

    public static BrokerException forbidden(String message) {
        return new BrokerException(403, message);
    }

    public static BrokerException notFound(String message) {
        return new BrokerException(404, message);
    }
}
