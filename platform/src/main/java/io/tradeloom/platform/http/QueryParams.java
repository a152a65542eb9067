package io.tradeloom.platform.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.helidon.common.parameters.Parameters;
import io.helidon.webserver.http.ServerRequest;

/**
 * Typed query parameters; a malformed or unknown one is a 400 naming it, for the same reason an
 * unknown body field is: a typo must never silently change what a request asks for.
 */
public final class QueryParams {

    private final Parameters query;

    private QueryParams(Parameters query) {
        this.query = query;
    }

    /** Reads the request's query, refusing parameters outside {@code known}. */
    public static QueryParams of(ServerRequest req, Set<String> known) {
        Parameters query = req.query();
        for (String name : query.names()) {
            if (!known.contains(name)) {
                throw ApiException.invalid(name, "is not a parameter of this endpoint (expected one of " + known.stream().sorted().toList() + ")");
            }
        }
        return new QueryParams(query);
    }

    public Optional<String> string(String name) {
        if (!query.contains(name)) {
            return Optional.empty();
        }
        if (query.all(name).size() > 1) {
            throw ApiException.invalid(name, "must be given once");
        }
        String value = query.get(name).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A whole number in [min, max], {@code dflt} when absent. */
    public int integer(String name, int dflt, int min, int max) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return dflt;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a whole number, was '" + raw.get() + "'");
        }
        if (value < min || value > max) {
            throw ApiException.invalid(name, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** An RFC 3339 time (with Z or an offset). */
    public Optional<Instant> instant(String name) {
        return string(name).map(raw -> {
            try {
                return OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.invalid(name, "must be an RFC 3339 time such as 2026-11-24T14:30:00Z, was '" + raw + "'");
            }
        });
    }

    /** A value parsed by {@code parser}, whose IllegalArgumentException message becomes the 400's. */
    public <T> Optional<T> parsed(String name, Function<String, T> parser) {
        return string(name).map(raw -> {
            try {
                return parser.apply(raw);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(name, e.getMessage());
            }
        });
    }
}
