package io.tradeloom.platform.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;

import io.tradeloom.market.bar.BarSeries;

/**
 * A request body of one bar array and a few small fields ({@code {"bars": [...], "indicators": [...]}}), read in
 * one streaming pass: the bars straight into {@link BarSeries} columns, the other fields as trees. As a tree, 500
 * bars are 3,500 nodes, 2,500 BigDecimals and 500 date-time formatter calls, which cost more than computing ten
 * indicators over them. The answers are those of {@link Json#readObject} followed by {@link BarsInput#parse}, in
 * the same order: a body that is not JSON, not an object or with an unknown field is refused by {@link #read};
 * a bad bar array only by {@link #bars()}, so the caller checks the other fields first, as with the tree.
 */
public final class BarsBody {

    private final ObjectNode fields;
    private final String barsField;
    private final BarsInput.Read bars;

    private BarsBody(ObjectNode fields, String barsField, BarsInput.Read bars) {
        this.fields = fields;
        this.barsField = barsField;
        this.bars = bars;
    }

    /**
     * Reads the body, refusing fields outside {@code known} (which holds {@code barsField}); at most
     * {@code maxBars} bars are kept, more is a 413 from {@link #bars()}.
     */
    public static BarsBody read(ServerRequest req, Set<String> known, String barsField, int maxBars) {
        if (!req.content().hasEntity()) {
            throw ApiException.badRequest("The request needs a JSON body.");
        }
        try (InputStream in = req.content().inputStream()) {
            return read(in, known, barsField, maxBars);
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read.");
        }
    }

    static BarsBody read(InputStream in, Set<String> known, String barsField, int maxBars) throws IOException {
        try (JsonParser p = Json.parser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                Json.endOfInput(p);
                throw Json.notObject();
            }
            ObjectNode fields = Json.MAPPER.createObjectNode();
            BarsInput.Read bars = null;
            String unknown = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals(barsField)) {
                    bars = BarsInput.read(p, name, maxBars);
                } else if (known.contains(name)) {
                    fields.set(name, Json.valueTree(p));
                } else {
                    unknown = unknown == null ? name : unknown;
                    p.skipChildren();
                }
            }
            Json.endOfInput(p);
            if (unknown != null) {
                throw Json.unknownField(unknown, known);
            }
            return new BarsBody(fields, barsField, bars);
        } catch (JsonProcessingException e) {
            throw Json.notJson(e);
        }
    }

    /** A field other than the bars, as a tree; null when the body does not have it. */
    public JsonNode field(String name) {
        return fields.get(name);
    }

    /** The bars, or the 400/413 naming the first bad bar (or the field, when it is missing or not an array). */
    public BarSeries bars() {
        if (bars == null) {
            throw ApiException.invalid(barsField, "is required");
        }
        return bars.orThrow();
    }
}
