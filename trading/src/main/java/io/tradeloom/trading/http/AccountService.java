package io.tradeloom.trading.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.broker.Broker;
import io.tradeloom.broker.BrokerException;
import io.tradeloom.broker.EquitySnapshot;
import io.tradeloom.broker.LedgerEntry;
import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;
import io.tradeloom.trading.store.JooqBrokerStore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Alpaca's {@code /v2/account}, {@code /v2/account/activities[/{type}]} (FILL, FEE and the opening CSD, from the
 * ledger) and {@code /v2/account/portfolio/history} (from the engine's equity snapshots).
 */
public final class AccountService implements HttpService {

    private static final Set<String> ACTIVITY_PARAMS = Set.of("activity_types", "date", "after", "until", "direction",
            "page_size", "page_token");
    private static final Set<String> HISTORY_PARAMS = Set.of("period", "timeframe", "date_start", "date_end",
            "end_date", "intraday_reporting", "pnl_reset", "extended_hours", "start", "end");
    private static final Set<String> ACTIVITY_TYPES = Set.of("FILL", "FEE", "CSD");
    private static final Pattern PERIOD = Pattern.compile("(\\d+)([DWMA])");

    private final Broker broker;
    private final JooqBrokerStore store;
    private final MarketClock clock;
    private final Instant createdAt;

    public AccountService(Broker broker, JooqBrokerStore store, MarketClock clock) {
        this.broker = broker;
        this.store = store;
        this.clock = clock;
        List<LedgerEntry> ledger = broker.ledger();
        this.createdAt = ledger.isEmpty() ? Instant.EPOCH : ledger.getFirst().time();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::account)
                .get("/activities", (req, res) -> activities(req, res, null))
                .get("/activities/{type}", (req, res) -> activities(req, res, req.path().pathParameters().get("type")))
                .get("/portfolio/history", this::history);
    }

    private void account(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        Json.send(res, AlpacaJson.account(broker.account(clock.now()), createdAt));
    }

    private void activities(ServerRequest req, ServerResponse res, String pathType) {
        QueryParams q = QueryParams.of(req, ACTIVITY_PARAMS);
        Set<String> types;
        if (pathType != null) {
            types = Set.of(pathType);
        } else {
            types = q.string("activity_types").map(s -> Arrays.stream(s.split(",")).map(String::trim)
                    .collect(Collectors.toSet())).orElse(ACTIVITY_TYPES);
        }
        for (String t : types) {
            if (!ACTIVITY_TYPES.contains(t)) {
                throw BrokerException.invalid("activity type " + t + " is not supported (FILL, FEE, CSD)");
            }
        }
        LocalDate date = q.string("date").map(AccountService::date).orElse(null);
        Instant after = q.string("after").map(AccountService::timeOrDate).orElse(null);
        Instant until = q.string("until").map(AccountService::timeOrDate).orElse(null);
        String direction = q.string("direction").orElse("desc");
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw BrokerException.invalid("direction must be asc or desc");
        }
        int pageSize = q.integer("page_size", 100, 1, 100);
        String token = q.string("page_token").orElse(null);
        List<LedgerEntry> ledger = broker.ledger();
        List<LedgerEntry> picked = new ArrayList<>();
        for (LedgerEntry e : ledger) {
            if (!types.contains(AlpacaJson.activityType(e))) {
                continue;
            }
            if (date != null && !NyseCalendar.dateOf(e.time()).equals(date)) {
                continue;
            }
            if (after != null && !e.time().isAfter(after) || until != null && !e.time().isBefore(until)) {
                continue;
            }
            picked.add(e);
        }
        if (direction.equals("desc")) {
            java.util.Collections.reverse(picked);
        }
        int start = 0;
        if (token != null) {
            start = -1;
            for (int i = 0; i < picked.size(); i++) {
                if (AlpacaJson.activityId(picked.get(i)).equals(token)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw BrokerException.invalid("page_token " + token + " is not an activity id");
            }
        }
        List<Object> out = new ArrayList<>();
        for (LedgerEntry e : picked.subList(start, Math.min(picked.size(), start + pageSize))) {
            out.add(AlpacaJson.activity(e));
        }
        Json.send(res, out);
    }

    private void history(ServerRequest req, ServerResponse res) {
        QueryParams q = QueryParams.of(req, HISTORY_PARAMS);
        Instant now = clock.now();
        Instant end = q.string("date_end").or(() -> q.string("end_date")).or(() -> q.string("end"))
                .map(s -> endOf(s)).orElse(now);
        String period = q.string("period").orElse(null);
        Instant start = q.string("date_start").or(() -> q.string("start")).map(AccountService::timeOrDate).orElse(null);
        if (start == null) {
            start = startFor(period == null ? "1M" : period, end);
        }
        if (start.isAfter(end)) {
            throw BrokerException.invalid("date_start is after date_end");
        }
        Duration days = Duration.between(start, end);
        String timeframe = q.string("timeframe").orElse(days.compareTo(Duration.ofDays(7)) <= 0
                ? (days.compareTo(Duration.ofDays(1)) <= 0 ? "5Min" : "15Min") : "1D");
        Duration step = switch (timeframe) {
            case "1Min" -> Duration.ofMinutes(1);
            case "5Min" -> Duration.ofMinutes(5);
            case "15Min" -> Duration.ofMinutes(15);
            case "1H" -> Duration.ofHours(1);
            case "1D" -> Duration.ofDays(1);
            default -> throw BrokerException.invalid("timeframe must be 1Min, 5Min, 15Min, 1H or 1D");
        };
        if (!step.equals(Duration.ofDays(1)) && days.compareTo(Duration.ofDays(30)) > 0) {
            throw BrokerException.invalid("intraday timeframes cover at most 30 days");
        }
        // The last snapshot in each bucket; daily buckets by New York date.
        TreeMap<Long, EquitySnapshot> buckets = new TreeMap<>();
        for (EquitySnapshot s : store.equity(start, end)) {
            long key = step.equals(Duration.ofDays(1))
                    ? NyseCalendar.dateOf(s.time()).atStartOfDay(NyseCalendar.ZONE).toEpochSecond()
                    : s.time().getEpochSecond() / step.getSeconds() * step.getSeconds();
            buckets.put(key, s);
        }
        List<EquitySnapshot> before = store.equity(Instant.EPOCH, start.minusMillis(1));
        BigDecimal base = !before.isEmpty() ? before.getLast().equity()
                : buckets.isEmpty() ? broker.account(now).equity() : buckets.firstEntry().getValue().equity();
        List<Long> timestamps = new ArrayList<>();
        List<BigDecimal> equity = new ArrayList<>();
        List<BigDecimal> pl = new ArrayList<>();
        List<BigDecimal> plPct = new ArrayList<>();
        for (Map.Entry<Long, EquitySnapshot> e : buckets.entrySet()) {
            BigDecimal eq = e.getValue().equity();
            timestamps.add(e.getKey());
            equity.add(eq.setScale(2, RoundingMode.HALF_EVEN));
            BigDecimal p = eq.subtract(base);
            pl.add(p.setScale(2, RoundingMode.HALF_EVEN));
            plPct.add(base.signum() == 0 ? BigDecimal.ZERO : p.divide(base, 6, RoundingMode.HALF_EVEN));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", timestamps);
        m.put("equity", equity);
        m.put("profit_loss", pl);
        m.put("profit_loss_pct", plPct);
        m.put("base_value", base.setScale(2, RoundingMode.HALF_EVEN));
        m.put("base_value_asof", NyseCalendar.dateOf(start).toString());
        m.put("timeframe", timeframe);
        Json.send(res, m);
    }

    private static Instant startFor(String period, Instant end) {
        Matcher m = PERIOD.matcher(period);
        if (!m.matches()) {
            throw BrokerException.invalid("period must be a number followed by D, W, M or A (e.g. 1D, 2W, 3M, 1A)");
        }
        int n = Integer.parseInt(m.group(1));
        if (n < 1 || n > 100) {
            throw BrokerException.invalid("period must be from 1 to 100 units");
        }
        var local = end.atZone(NyseCalendar.ZONE);
        return switch (m.group(2)) {
            case "D" -> local.minusDays(n).toInstant();
            case "W" -> local.minusWeeks(n).toInstant();
            case "M" -> local.minusMonths(n).toInstant();
            default -> local.minusYears(n).toInstant();
        };
    }

    private static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw BrokerException.invalid("invalid date '" + raw + "': expected YYYY-MM-DD");
        }
    }

    /** An RFC 3339 time, or a date meaning its start in New York. */
    private static Instant timeOrDate(String raw) {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            return date(raw).atStartOfDay(NyseCalendar.ZONE).toInstant();
        }
    }

    /** An RFC 3339 time, or a date meaning its end in New York. */
    private static Instant endOf(String raw) {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            return date(raw).plusDays(1).atStartOfDay(NyseCalendar.ZONE).toInstant().minusMillis(1);
        }
    }
}
