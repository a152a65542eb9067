package io.tradeloom.platform.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a request before failing, so the client learns all bad fields at once.
 * <pre>
 * Validation v = new Validation();
 * v.require(req.limit() == null || req.limit() &gt; 0, "limit", "must be positive");
 * v.throwIfInvalid();
 * </pre>
 */
public final class Validation {

    private final List<ApiException.FieldError> errors = new ArrayList<>();

    public Validation require(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new ApiException.FieldError(field, message));
        }
        return this;
    }

    public Validation requirePresent(Object value, String field) {
        return require(value != null, field, "is required");
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
