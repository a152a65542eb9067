package io.tradeloom.platform.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.ClassUtil;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The project's one JSON binding (Jackson): snake_case names as Alpaca's, unknown fields rejected,
 * decimals read as BigDecimal, instants as RFC 3339 strings, no polymorphic typing.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxNumberLength(100)
                .maxStringLength(1_000_000)
                .build());
    }

    private Json() {
    }

    /** Reads the request body as {@code type}; any malformed body becomes a 400 naming the problem. */
    public static <T> T read(ServerRequest req, Class<T> type) {
        if (!req.content().hasEntity()) {
            throw ApiException.badRequest("The request needs a JSON body.");
        }
        try (InputStream in = req.content().inputStream()) {
            T value = MAPPER.readValue(in, type);
            if (value == null) {
                throw ApiException.badRequest("The request body must be a JSON object, not null.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalid(path(e), "unknown field '" + e.getPropertyName() + "'");
        } catch (InvalidFormatException e) {
            throw ApiException.invalid(path(e), "has the wrong type or format: " + e.getValue());
        } catch (MismatchedInputException e) {
            throw ApiException.invalid(path(e), "has the wrong type or is missing");
        } catch (JsonMappingException e) {
            throw ApiException.invalid(path(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read.");
        }
    }

    /**
     * Reads NaN and Infinity as numbers, so validators can refuse them naming the element (Python's
     * json.dumps, for one, writes a missing price as a bare NaN) instead of failing the whole body.
     */
    private static final com.fasterxml.jackson.databind.ObjectReader TREE_READER =
            MAPPER.reader().with(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);

    /** For values read inside a larger body: FAIL_ON_TRAILING_TOKENS would look past the value for the end of input. */
    private static final com.fasterxml.jackson.databind.ObjectReader VALUE_READER =
            TREE_READER.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Reads the body as a JSON object, refusing fields outside {@code known}; for endpoints that
     * validate element by element (bar arrays) rather than bind to a record. Non-finite numbers are
     * read, for the validator to refuse with the element's name.
     */
    public static JsonNode readObject(ServerRequest req, java.util.Set<String> known) {
        if (!req.content().hasEntity()) {
            throw ApiException.badRequest("The request needs a JSON body.");
        }
        try (InputStream in = req.content().inputStream()) {
            return readObject(in, known);
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read.");
        }
    }

    static JsonNode readObject(InputStream in, java.util.Set<String> known) throws IOException {
        JsonNode body;
        try {
            body = TREE_READER.readTree(in);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
        if (body == null || !body.isObject()) {
            throw notObject();
        }
        var names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw unknownField(name, known);
            }
        }
        return body;
    }

    static ApiException notJson(JsonProcessingException e) {
        return ApiException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
    }

    static ApiException notObject() {
        return ApiException.badRequest("The request body must be a JSON object.");
    }

    static ApiException unknownField(String name, java.util.Set<String> known) {
        return ApiException.invalid(name, "unknown field '" + name + "' (expected " + known.stream().sorted().toList() + ")");
    }

    /** A parser over a whole body, reading as {@link #readObject} does (non-finite numbers included). */
    static JsonParser parser(InputStream in) throws IOException {
        JsonParser p = TREE_READER.createParser(in);
        // FastDoubleParser (inside Jackson) rounds correctly, as Double.parseDouble and BigDecimal.doubleValue do,
        // so it reads the same doubles, in a fraction of the time: a bar array is mostly numbers.
        p.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
        return p;
    }

    /** The value at the parser's current token as a tree; the parser is left on the value's last token. */
    static JsonNode valueTree(JsonParser p) throws IOException {
        return VALUE_READER.readTree(p);
    }

    /** After a whole body's value: anything but the end of input is refused, as {@link #readObject} refuses it. */
    static void endOfInput(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t != null) {
            throw MismatchedInputException.from(p, JsonNode.class, String.format("Trailing token (of type %s) found after "
                    + "value (bound as %s): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`", t,
                    ClassUtil.getClassDescription(JsonNode.class)));
        }
    }

    /** "bars[3].high" from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        p = p.startsWith(".") ? p.substring(1) : p;
        return p.isEmpty() ? "body" : p;
    }

    public static void send(ServerResponse res, Object body) {
        send(res, Status.OK_200, body);
    }

    public static void send(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(bytes(body));
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getName(), e);
        }
    }

    public static JsonNode tree(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    public static <T> T parse(byte[] body, Class<T> type) throws IOException {
        return MAPPER.readValue(body, type);
    }
}
