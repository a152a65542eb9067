package io.tradeloom.coordination.cycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.client.ServiceCallException;
import io.tradeloom.strategy.CandleSignal;
import io.tradeloom.strategy.SignalAction;
import io.tradeloom.strategy.TechnicalSignal;

/**
 * Reads the other services' answers into the strategy's inputs. An answer that is JSON but not the documented
 * shape is garbage: a {@link ServiceCallException} of that service, so the cycle treats it as the service failing.
 */
final class Replies {

    private Replies() {
    }

    /** A scan candidate: its symbol, rank and last price. */
    record ScanCandidate(String symbol, int rank, BigDecimal last) {
    }

    /** A technical signal with the start of the bar it judged. */
    record TimedSignal(TechnicalSignal signal, Instant time) {
    }

    /** A candlestick detection with its bar's start. */
    record PatternHit(String id, int value, Instant time) {
    }

    static List<ScanCandidate> scan(JsonNode body) {
        JsonNode list = body.path("candidates");
        if (!list.isArray()) {
            throw garbage(ServiceId.SCANNER, "the scan answer has no candidates array");
        }
        List<ScanCandidate> out = new ArrayList<>();
        for (JsonNode c : list) {
            String symbol = text(ServiceId.SCANNER, c, "symbol");
            out.add(new ScanCandidate(symbol, c.path("rank").asInt(out.size() + 1),
                    decimal(ServiceId.SCANNER, c.path("metrics"), "last")));
        }
        return out;
    }

    /** POST /api/signals' {"signals": [...]}, keyed by symbol. */
    static Map<String, TimedSignal> signals(JsonNode body) {
        JsonNode list = body.path("signals");
        if (!list.isArray()) {
            throw garbage(ServiceId.TECHNICAL, "the signals answer has no signals array");
        }
        Map<String, TimedSignal> out = new HashMap<>();
        for (JsonNode s : list) {
            out.put(text(ServiceId.TECHNICAL, s, "symbol"), signal(s));
        }
        return out;
    }

    static TimedSignal signal(JsonNode s) {
        ServiceId t = ServiceId.TECHNICAL;
        SignalAction action;
        try {
            action = SignalAction.valueOf(text(t, s, "action"));
        } catch (IllegalArgumentException e) {
            throw garbage(t, "a signal's action is '" + s.path("action").asText() + "'");
        }
        BigDecimal score = decimal(t, s, "score");
        if (score.abs().compareTo(BigDecimal.ONE) > 0) {
            throw garbage(t, "a signal's score " + score + " is outside [-1, 1]");
        }
        List<String> reasons = new ArrayList<>();
        s.path("reasons").forEach(r -> reasons.add(r.path("rule").asText() + ": " + r.path("detail").asText()));
        return new TimedSignal(new TechnicalSignal(action, score, decimal(t, s, "close"), optionalDecimal(t, s, "atr"),
                optionalDecimal(t, s, "suggested_stop"), reasons), instant(t, s, "time"));
    }

    static List<PatternHit> patterns(JsonNode body) {
        ServiceId p = ServiceId.PATTERN;
        JsonNode list = body.path("patterns");
        if (!list.isArray()) {
            throw garbage(p, "the patterns answer has no patterns array");
        }
        List<PatternHit> out = new ArrayList<>();
        for (JsonNode d : list) {
            if (!d.path("value").isInt()) {
                throw garbage(p, "a pattern without an integer value: " + d);
            }
            out.add(new PatternHit(text(p, d, "id"), d.path("value").asInt(), instant(p, d, "time")));
        }
        return out;
    }

    /** The detections completed within the strategy's reach of the signal's bar, as bars ago. */
    static List<CandleSignal> candles(List<PatternHit> hits, Instant signalBar, Duration barLength) {
        List<CandleSignal> out = new ArrayList<>();
        for (PatternHit h : hits) {
            long ago = Duration.between(h.time(), signalBar).toMillis() / barLength.toMillis();
            if (ago >= 0 && !h.time().isAfter(signalBar)) {
                out.add(new CandleSignal(h.id(), h.value(), (int) Math.min(ago, Integer.MAX_VALUE)));
            }
        }
        return out;
    }

    /** Recognition's {"patterns": [...], "bias": b}: b in [-1, 1]. */
    static BigDecimal bias(JsonNode body) {
        return unit(ServiceId.RECOGNITION, body, "bias");
    }

    /** News' {"symbol", "score", ...}: the score in [-1, 1]. */
    static BigDecimal sentiment(JsonNode body) {
        return unit(ServiceId.NEWS, body, "score");
    }

    private static BigDecimal unit(ServiceId service, JsonNode body, String field) {
        BigDecimal v = decimal(service, body, field);
        if (v.abs().compareTo(BigDecimal.ONE) > 0) {
            throw garbage(service, field + " " + v.toPlainString() + " is outside [-1, 1]");
        }
        return v;
    }

    private static String text(ServiceId service, JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw garbage(service, "answered without " + field);
        }
        return v.asText();
    }

    private static BigDecimal decimal(ServiceId service, JsonNode node, String field) {
        BigDecimal v = optionalDecimal(service, node, field);
        if (v == null) {
            throw garbage(service, "answered without " + field);
        }
        return v;
    }

    private static BigDecimal optionalDecimal(ServiceId service, JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw garbage(service, "answered " + field + " " + v + ", not a number");
        }
        return v.decimalValue();
    }

    private static Instant instant(ServiceId service, JsonNode node, String field) {
        try {
            return Instant.parse(text(service, node, field));
        } catch (DateTimeParseException e) {
            throw garbage(service, "answered " + field + " '" + node.path(field).asText() + "', not an RFC 3339 time");
        }
    }

    private static ServiceCallException garbage(ServiceId service, String message) {
        return new ServiceCallException(service, 200, message, null);
    }
}
