package io.tradeloom.technical.http;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradeloom.indicators.IndicatorSpec;
import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Validation;

/** Indicator specs from a request: every bad one is named ({@code indicators[2]}) with what is wrong, all at once. */
final class Specs {

    private Specs() {
    }

    /** From a JSON array of strings. */
    static List<IndicatorSpec> fromJson(JsonNode node, String field, int max) {
        if (node == null || node.isNull()) {
            throw ApiException.invalid(field, "is required: a list of indicators such as [\"SMA(20)\", \"MACD(12,26,9)\"]");
        }
        if (!node.isArray()) {
            throw ApiException.invalid(field, "must be a list of indicators such as [\"SMA(20)\", \"MACD(12,26,9)\"]");
        }
        Validation v = new Validation();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            v.require(node.get(i).isTextual(), field + "[" + i + "]", "must be a string such as \"SMA(20)\"");
            texts.add(node.get(i).asText());
        }
        v.throwIfInvalid();
        return parse(texts, field, max);
    }

    /** From a query parameter: specs separated by the commas that are not inside parentheses. */
    static List<IndicatorSpec> fromQuery(String value, String field, int max) {
        List<String> texts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (ch == ',' && depth == 0) {
                texts.add(value.substring(start, i).trim());
                start = i + 1;
            }
        }
        texts.add(value.substring(start).trim());
        return parse(texts, field, max);
    }

    private static List<IndicatorSpec> parse(List<String> texts, String field, int max) {
        if (texts.isEmpty()) {
            throw ApiException.invalid(field, "must name at least one indicator, such as \"SMA(20)\"");
        }
        if (texts.size() > max) {
            throw ApiException.invalid(field, "names " + texts.size() + " indicators; at most " + max + " are accepted per request");
        }
        Validation v = new Validation();
        List<IndicatorSpec> specs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                specs.add(IndicatorSpec.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                v.require(false, field + "[" + i + "]", e.getMessage());
            }
        }
        v.throwIfInvalid();
        return specs;
    }
}
