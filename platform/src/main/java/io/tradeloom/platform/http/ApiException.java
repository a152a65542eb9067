package io.tradeloom.platform.http;

import java.util.List;

import io.helidon.http.Status;

/**
 * A request the service refuses, rendered once, in routing, as application/problem+json.
 * Thrown before anything is written, so a rejected request leaves no trace in the database.
 */
public class ApiException extends RuntimeException {

    private final Status status;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(Status status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** One bad field (or array element, e.g. {@code bars[3].high}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(Status.BAD_REQUEST_400, "Bad request", detail, List.of());
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(Status.BAD_REQUEST_400, "Invalid request", field + " " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + " " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ApiException(Status.BAD_REQUEST_400, "Invalid request", detail, errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Status.NOT_FOUND_404, "Not found", detail, List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Status.CONFLICT_409, "Conflict", detail, List.of());
    }

    public Status status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
