package io.tradeloom.trading.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.tradeloom.broker.Account;
import io.tradeloom.broker.Broker;
import io.tradeloom.broker.RiskLimits;
import io.tradeloom.broker.RiskStatus;
import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.QueryParams;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/risk}: the trading state (ACTIVE, REDUCING, HALTED) and why, the limits, the day's starting equity,
 * the drawdown and warnings; {@code POST /api/risk/reset} puts the state back to ACTIVE (bearer token required).
 */
public final class RiskService implements HttpService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Broker broker;
    private final MarketClock clock;

    public RiskService(Broker broker, MarketClock clock) {
        this.broker = broker;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::get)
                .post("/reset", this::reset);
    }

    private void get(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        Json.send(res, view(clock.now()));
    }

    private void reset(ServerRequest req, ServerResponse res) {
        QueryParams.of(req, Set.of());
        broker.resetRisk(clock.now());
        Json.send(res, view(clock.now()));
    }

    private Map<String, Object> view(Instant now) {
        Account a = broker.account(now);
        RiskStatus r = a.risk();
        RiskLimits l = broker.limits();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", r.state().name());
        m.put("reason", r.reason());
        m.put("trading_day", r.tradingDay().toString());
        m.put("day_start_equity", r.dayStartEquity());
        m.put("peak_equity", r.peakEquity());
        m.put("equity", a.equity());
        m.put("daily_loss_pct", pct(r.dayStartEquity().subtract(a.equity()), r.dayStartEquity()));
        m.put("drawdown_pct", pct(r.peakEquity().subtract(a.equity()), r.peakEquity()));
        m.put("updated_at", r.updatedAt());
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_position_pct", l.maxPositionPctEquity());
        limits.put("max_position_shares", l.maxPositionShares());
        limits.put("max_open_positions", l.maxOpenPositions());
        limits.put("max_order_notional", l.maxOrderNotional());
        limits.put("reduce_at_daily_loss_pct", l.reduceAtDailyLossPct());
        limits.put("halt_at_daily_loss_pct", l.haltAtDailyLossPct());
        limits.put("halt_at_drawdown_pct", l.haltAtDrawdownPct());
        limits.put("allow_short", l.allowShort());
        limits.put("market_hours_only", l.marketHoursOnly());
        limits.put("pdt_equity_threshold", l.pdtEquityThreshold());
        m.put("limits", limits);
        m.put("daytrade_count", a.daytradeCount());
        List<String> warnings = new ArrayList<>();
        if (a.patternDayTrader()) {
            warnings.add("pattern day trader: " + a.daytradeCount() + " day trades in 5 sessions with equity under "
                    + l.pdtEquityThreshold().toPlainString());
        } else if (l.pdtEquityThreshold() != null && a.daytradeCount() == 3
                && a.equity().compareTo(l.pdtEquityThreshold()) < 0) {
            warnings.add("one more day trade in 5 sessions flags the account as a pattern day trader");
        }
        m.put("warnings", warnings);
        return m;
    }

    private static BigDecimal pct(BigDecimal part, BigDecimal whole) {
        return whole.signum() <= 0 ? BigDecimal.ZERO : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN);
    }
}
