package io.tradeloom.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tradeloom.dashboard.system.SystemStatus;
import io.tradeloom.dashboard.upstream.Panel;
import io.tradeloom.dashboard.upstream.Upstreams;
import io.tradeloom.platform.ServiceId;

/**
 * What every open page shows live: the system, the market and trading. Computed at most once per
 * refresh interval however many pages listen, every read in parallel and each bounded by its
 * service's timeout, so one dead service delays a refresh by one timeout and then by nothing
 * (its breaker opens).
 */
public final class LiveView {

    private final SystemStatus system;
    private final Upstreams upstreams;
    private final Clock clock;
    private final Duration refresh;
    private Overview latest;

    public LiveView(SystemStatus system, Upstreams upstreams, Clock clock, Duration refresh) {
        this.system = system;
        this.upstreams = upstreams;
        this.clock = clock;
        this.refresh = refresh;
    }

    public record Overview(Instant at, SystemStatus.Snapshot system, Map<String, Panel> market, Map<String, Panel> trading) {
    }

    public Duration refresh() {
        return refresh;
    }

    /** The latest overview, recomputed when older than half the refresh interval. */
    public synchronized Overview overview() {
        Instant now = clock.instant();
        if (latest == null || now.isAfter(latest.at().plus(refresh.dividedBy(2)))) {
            latest = compute();
        }
        return latest;
    }

    private Overview compute() {
        Map<String, Callable<Object>> reads = new LinkedHashMap<>();
        reads.put("system", system::snapshot);
        reads.put("clock", () -> upstreams.read(ServiceId.SCANNER, "/api/clock"));
        reads.put("scan", this::latestScan);
        reads.put("account", () -> upstreams.read(ServiceId.TRADING, "/v2/account"));
        reads.put("positions", () -> upstreams.read(ServiceId.TRADING, "/v2/positions"));
        reads.put("orders", () -> upstreams.read(ServiceId.TRADING, "/v2/orders?status=all&limit=50&direction=desc"));
        reads.put("risk", () -> upstreams.read(ServiceId.TRADING, "/api/risk"));
        reads.put("autotrade", () -> upstreams.read(ServiceId.COORDINATION, "/api/autotrade"));
        reads.put("cycles", this::latestCycles);
        Map<String, Object> r = Upstreams.all(reads);
        Map<String, Panel> market = new LinkedHashMap<>();
        market.put("clock", (Panel) r.get("clock"));
        market.put("scan", (Panel) r.get("scan"));
        Map<String, Panel> trading = new LinkedHashMap<>();
        for (String k : new String[] {"account", "positions", "orders", "risk", "autotrade", "cycles"}) {
            trading.put(k, (Panel) r.get(k));
        }
        return new Overview(clock.instant(), (SystemStatus.Snapshot) r.get("system"), market, trading);
    }

    /**
     * The latest cycles, the newest with its steps and decisions: coordination's list leaves them
     * empty, so the newest one is read whole and put in its place.
     */
    private Panel latestCycles() {
        Panel list = upstreams.read(ServiceId.COORDINATION, "/api/cycles?limit=10");
        if (!list.ok() || !list.data().path("cycles").isArray() || list.data().path("cycles").isEmpty()) {
            return list;
        }
        ArrayNode cycles = (ArrayNode) list.data().get("cycles");
        Panel newest = upstreams.read(ServiceId.COORDINATION, "/api/cycles/" + cycles.get(0).path("id").asLong());
        if (!newest.ok()) {
            return list;
        }
        ObjectNode data = list.data().deepCopy();
        ((ArrayNode) data.get("cycles")).set(0, newest.data());
        return new Panel(list.state(), list.service(), list.problem(), data);
    }

    /** The newest stored scan with its candidates (the list holds only their symbols). */
    private Panel latestScan() {
        Panel list = upstreams.read(ServiceId.SCANNER, "/api/scans?limit=1");
        if (!list.ok()) {
            return list;
        }
        JsonNode scans = list.data().path("scans");
        if (!scans.isArray() || scans.isEmpty()) {
            return list;
        }
        return upstreams.read(ServiceId.SCANNER, "/api/scans/" + scans.get(0).path("id").asLong());
    }
}
