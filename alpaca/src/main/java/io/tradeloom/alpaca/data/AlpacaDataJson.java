package io.tradeloom.alpaca.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Quote;

/**
 * Alpaca's stock JSON records to the market module's types. Each method throws an unchecked exception (the value
 * types' {@link IllegalArgumentException}, a {@link java.time.DateTimeException}, an {@link ArithmeticException})
 * naming the problem when a record is incomplete or breaks an invariant; the client skips and counts such records.
 */
final class AlpacaDataJson {

    private AlpacaDataJson() {
    }

    /** {@code {"t", "o", "h", "l", "c", "v", "n", "vw"}}; the trade count and VWAP are not kept. */
    static Bar bar(String symbol, JsonNode bar) {
        return new Bar(symbol, time(bar), decimal(bar, "o"), decimal(bar, "h"), decimal(bar, "l"),
                decimal(bar, "c"), whole(bar, "v"));
    }

    /** {@code {"t", "ax", "ap", "as", "bx", "bp", "bs", "c", "z"}}; exchanges, conditions and tape are not kept. */
    static Quote quote(String symbol, JsonNode quote) {
        return new Quote(symbol, time(quote), decimal(quote, "bp"), decimal(quote, "ap"), whole(quote, "bs"),
                whole(quote, "as"));
    }

    /** {@code {"t", "x", "p", "s", "c", "i", "z"}}. */
    static Snapshot.Trade trade(JsonNode trade) {
        return new Snapshot.Trade(time(trade), decimal(trade, "p"), whole(trade, "s"));
    }

    /** RFC 3339 with {@code Z} or an offset, with up to nanoseconds, as Alpaca writes them. */
    private static Instant time(JsonNode record) {
        JsonNode t = record.get("t");
        if (t == null || !t.isTextual()) {
            throw new IllegalArgumentException("t is missing or not a string");
        }
        return OffsetDateTime.parse(t.asText()).toInstant();
    }

    private static BigDecimal decimal(JsonNode record, String field) {
        return number(record, field).decimalValue();
    }

    /** A whole number; {@code 100.0} passes, {@code 100.5} does not. */
    private static long whole(JsonNode record, String field) {
        return number(record, field).decimalValue().longValueExact();
    }

    private static JsonNode number(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(field + " is missing or not a number");
        }
        return value;
    }
}
