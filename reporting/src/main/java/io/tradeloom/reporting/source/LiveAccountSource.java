package io.tradeloom.reporting.source;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;

import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.reporting.performance.AccountHistory;
import io.tradeloom.reporting.performance.EquityPoint;
import io.tradeloom.reporting.performance.Fill;
import io.tradeloom.reporting.performance.Period;
import io.tradeloom.reporting.performance.RoundTrips;
import io.tradeloom.reporting.performance.Side;

/**
 * The paper account's history read over the trading service's Alpaca-compatible API, as any Alpaca client would:
 * FILL and FEE activities (paged with page_token), the orders (for each order's client_order_id) and the
 * portfolio history. A failure of the trading service is a 502 to the caller; the keys are sent, never logged.
 */
public final class LiveAccountSource {

    static final HeaderName KEY_ID = HeaderNames.create("APCA-API-KEY-ID");
    static final HeaderName SECRET = HeaderNames.create("APCA-API-SECRET-KEY");
    /** Alpaca's largest page of activities. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Pages read at most per request: 1,000,000 activities; far past any paper account. */
    static final int MAX_PAGES = 10_000;

    private final WebClient http;
    private final URI base;
    private final String keyId;
    private final String secret;
    private final int pageSize;

    /** @param pageSize activities and orders asked for per page (at most {@value #MAX_PAGE_SIZE}) */
    public LiveAccountSource(URI base, String keyId, String secret, Duration timeout, int pageSize) {
        this.base = base;
        this.pageSize = pageSize;
        this.keyId = keyId;
        this.secret = secret;
        this.http = WebClient.builder().baseUri(base).connectTimeout(timeout).readTimeout(timeout).build();
    }

    /**
     * Every fill up to the period's end (earlier ones too: a position opened before the period must be matched),
     * commissions from FEE activities spread over their order's fills by quantity, and the equity curve of the
     * period at {@code timeframe} resolution.
     */
    public AccountHistory history(Period period, String timeframe) {
        List<JsonNode> fillActivities = activities("FILL", period);
        Map<String, BigDecimal> feesByOrder = new HashMap<>();
        for (JsonNode fee : activities("FEE", period)) {
            String order = fee.path("order_id").asText("");
            if (!order.isEmpty()) {
                feesByOrder.merge(order, decimal(fee, "net_amount").negate(), BigDecimal::add);
            }
        }
        Map<String, String> clientIds = clientOrderIds(period, fillActivities);
        Map<String, List<JsonNode>> byOrder = new LinkedHashMap<>();
        for (JsonNode a : fillActivities) {
            byOrder.computeIfAbsent(a.path("order_id").asText(""), k -> new ArrayList<>()).add(a);
        }
        Map<JsonNode, BigDecimal> feeOf = new IdentityHashMap<>();
        for (Map.Entry<String, List<JsonNode>> e : byOrder.entrySet()) {
            BigDecimal feeLeft = feesByOrder.getOrDefault(e.getKey(), BigDecimal.ZERO).max(BigDecimal.ZERO);
            BigDecimal qtyLeft = BigDecimal.ZERO;
            for (JsonNode a : e.getValue()) {
                qtyLeft = qtyLeft.add(decimal(a, "qty"));
            }
            for (JsonNode a : e.getValue()) {
                BigDecimal qty = decimal(a, "qty");
                BigDecimal fee = qtyLeft.signum() == 0 ? BigDecimal.ZERO : RoundTrips.share(feeLeft, qty, qtyLeft);
                feeLeft = feeLeft.subtract(fee);
                qtyLeft = qtyLeft.subtract(qty);
                feeOf.put(a, fee);
            }
        }
        List<Fill> fills = new ArrayList<>(fillActivities.size());
        for (JsonNode a : fillActivities) {
            String order = a.path("order_id").asText("");
            try {
                fills.add(new Fill(instant(a, "transaction_time"), a.path("symbol").asText(), Side.parse(a.path("side").asText()),
                        decimal(a, "qty"), decimal(a, "price"), feeOf.get(a), order.isEmpty() ? a.path("id").asText() : order,
                        clientIds.getOrDefault(order, "")));
            } catch (IllegalArgumentException e) {
                throw badGateway("sent a FILL activity reporting cannot read (" + e.getMessage() + ")");
            }
        }
        return new AccountHistory(fills, equity(period, timeframe));
    }

    /** All activities of one type up to the period's end, oldest first, following page_token. */
    private List<JsonNode> activities(String type, Period period) {
        List<JsonNode> all = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("direction", "asc");
            q.put("page_size", Integer.toString(pageSize));
            if (period.to() != null) {
                q.put("until", period.to().toString());
            }
            if (token != null) {
                q.put("page_token", token);
            }
            JsonNode body = get("/v2/account/activities/" + type, q);
            if (!body.isArray()) {
                throw badGateway("answered /v2/account/activities/" + type + " with something other than a list");
            }
            body.forEach(all::add);
            if (body.size() < pageSize) {
                return all;
            }
            token = body.get(body.size() - 1).path("id").asText();
        }
        throw badGateway("listed more than " + MAX_PAGES + " pages of " + type + " activities");
    }

    /** Order id -> client_order_id for every order a fill belongs to. */
    private Map<String, String> clientOrderIds(Period period, List<JsonNode> fills) {
        Map<String, String> ids = new HashMap<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("status", "all");
            q.put("direction", "asc");
            q.put("limit", Integer.toString(pageSize));
            if (period.to() != null) {
                q.put("until", period.to().toString());
            }
            if (after != null) {
                q.put("after", after);
            }
            JsonNode body = get("/v2/orders", q);
            if (!body.isArray()) {
                throw badGateway("answered /v2/orders with something other than a list");
            }
            body.forEach(o -> ids.put(o.path("id").asText(), o.path("client_order_id").asText("")));
            if (body.size() < pageSize) {
                break;
            }
            after = body.get(body.size() - 1).path("submitted_at").asText();
        }
        // Orders sharing the page boundary's submitted_at may be missed by "after": ask for those one by one.
        for (JsonNode f : fills) {
            String order = f.path("order_id").asText("");
            if (!order.isEmpty() && !ids.containsKey(order)) {
                ids.put(order, get("/v2/orders/" + order, Map.of()).path("client_order_id").asText(""));
            }
        }
        return ids;
    }

    private List<EquityPoint> equity(Period period, String timeframe) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("timeframe", timeframe);
        if (period.from() != null) {
            q.put("start", period.from().toString());
        }
        if (period.to() != null) {
            q.put("end", period.to().toString());
        }
        JsonNode body = get("/v2/account/portfolio/history", q);
        JsonNode times = body.path("timestamp");
        JsonNode equity = body.path("equity");
        if (!times.isArray() || !equity.isArray() || times.size() != equity.size()) {
            throw badGateway("answered the portfolio history without matching timestamp and equity arrays");
        }
        List<EquityPoint> points = new ArrayList<>(times.size());
        for (int i = 0; i < times.size(); i++) {
            if (equity.get(i).isNull()) {
                continue; // Alpaca leaves equity null where the account did not exist yet
            }
            points.add(new EquityPoint(Instant.ofEpochSecond(times.get(i).asLong()), new BigDecimal(equity.get(i).asText())));
        }
        return points;
    }

    private JsonNode get(String path, Map<String, String> query) {
        HttpClientRequest request = http.get(path).header(KEY_ID, keyId).header(SECRET, secret);
        query.forEach(request::queryParam);
        try (HttpClientResponse res = request.request()) {
            byte[] bytes = res.entity().as(byte[].class);
            if (res.status().code() != 200) {
                throw badGateway("answered " + path + " with " + res.status().code() + ": "
                        + abbreviate(new String(bytes, StandardCharsets.UTF_8)));
            }
            return Json.tree(bytes);
        } catch (IOException e) {
            throw badGateway("answered " + path + " with a body that is not JSON");
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw badGateway("could not be reached at " + base + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.path(field);
        try {
            return new BigDecimal(v.asText());
        } catch (NumberFormatException e) {
            throw badGateway("sent a " + field + " that is not a decimal: '" + v.asText() + "'");
        }
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(node.path(field).asText());
        } catch (RuntimeException e) {
            throw badGateway("sent a " + field + " that is not an RFC 3339 time: '" + node.path(field).asText() + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static ApiException badGateway(String what) {
        return new ApiException(Status.BAD_GATEWAY_502, "Bad gateway", "The trading service " + what + ".", List.of());
    }
}
