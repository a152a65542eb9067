package io.tradeloom.coordination.cycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradeloom.coordination.CoordinationSettings;
import io.tradeloom.coordination.cycle.Replies.PatternHit;
import io.tradeloom.coordination.cycle.Replies.ScanCandidate;
import io.tradeloom.coordination.cycle.Replies.TimedSignal;
import io.tradeloom.coordination.store.CycleStore;
import io.tradeloom.coordination.trading.TradingApi;
import io.tradeloom.coordination.trading.TradingApi.AccountState;
import io.tradeloom.coordination.trading.TradingApi.OpenPosition;
import io.tradeloom.db.Database;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.client.ServiceClient;
import io.tradeloom.platform.client.ServiceClients;
import io.tradeloom.platform.http.Json;
import io.tradeloom.strategy.Account;
import io.tradeloom.strategy.Candidate;
import io.tradeloom.strategy.ClientOrderIds;
import io.tradeloom.strategy.Decision;
import io.tradeloom.strategy.Evaluation;
import io.tradeloom.strategy.Position;
import io.tradeloom.strategy.SessionTime;
import io.tradeloom.strategy.Strategy;

/**
 * One trading cycle: scan; for every candidate and open position, in parallel, the technical signal, candlestick
 * patterns, chart patterns and sentiment; the strategy's decision; bracket orders for entries and market orders for
 * exits. Every step, timing, input, decision and order result is stored.
 *
 * <p>Faults: a critical service (scanner, technical, pattern, trading) failing in a cycle means no new entries in
 * that cycle, and why is recorded; a non-critical one (recognition, news) failing means its inputs are neutral for
 * the symbols it failed on, and the cycle is recorded as degraded. Reporting is not called by the cycle. Cycles
 * never overlap.
 */
public final class CycleRunner {

    private static final Logger LOG = Logger.getLogger(CycleRunner.class.getName());
    private static final Set<ServiceId> CRITICAL = EnumSet.of(ServiceId.SCANNER, ServiceId.TECHNICAL, ServiceId.PATTERN,
            ServiceId.TRADING);

    /** What started a cycle; stored lower-case. */
    public enum Trigger {
        SCHEDULE, MANUAL;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final CoordinationSettings settings;
    private final Strategy strategy;
    private final ServiceClient scanner;
    private final ServiceClient technical;
    private final ServiceClient pattern;
    private final ServiceClient recognition;
    private final ServiceClient news;
    private final TradingApi trading;
    private final OrderDesk desk;
    private final CycleStore store;
    private final MarketTime marketTime;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    public CycleRunner(CoordinationSettings settings, ServiceClients clients, CycleStore store, MarketTime marketTime,
                       Clock clock) {
        this.settings = settings;
        this.strategy = new Strategy(settings.strategy());
        this.scanner = clients.of(ServiceId.SCANNER);
        this.technical = clients.of(ServiceId.TECHNICAL);
        this.pattern = clients.of(ServiceId.PATTERN);
        this.recognition = clients.of(ServiceId.RECOGNITION);
        this.news = clients.of(ServiceId.NEWS);
        this.trading = new TradingApi(clients.of(ServiceId.TRADING), settings.tradingKeyId(), settings.tradingSecret());
        this.desk = new OrderDesk(trading);
        this.store = store;
        this.marketTime = marketTime;
        this.clock = clock;
    }

    /** Runs a cycle unless one is running; returns the stored cycle. */
    public Optional<CycleStore.Cycle> tryRun(Trigger trigger) {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(run(trigger));
        } finally {
            running.unlock();
        }
    }

    private CycleStore.Cycle run(Trigger trigger) {
        Instant startedAt = clock.instant();
        MarketTime.Now market = marketTime.now();
        long id = store.start(trigger.label(), strategy.config().name(), startedAt, market.time());
        Run run = new Run(id, market, startedAt);
        String status = "COMPLETED";
        String error = null;
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            cycle(run, executor);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cycle " + id + " failed", e);
            status = "FAILED";
            error = Database.rootMessage(e);
        } finally {
            // Calls still running past the deadline were cancelled; their threads are not waited for.
            executor.shutdownNow();
        }
        run.timing("total", run.startNanos, System.nanoTime());
        store.finish(id, new CycleStore.Outcome(status, clock.instant(), run.degraded, run.blockedReason(), run.timings,
                run.analysed, run.orders, error, run.steps, run.decisions));
        CycleStore.Cycle stored = store.find(id).orElseThrow();
        LOG.info(() -> "cycle " + id + " (" + trigger.label() + ") " + stored.status() + ": " + stored.candidates()
                + " symbols, " + stored.orders() + " orders, " + stored.timings().get("total") + " ms"
                + (stored.entriesBlocked() == null ? "" : "; no entries: " + stored.entriesBlocked())
                + (stored.degradedServices().isEmpty() ? "" : "; degraded: " + stored.degradedServices()));
        return stored;
    }

    private void cycle(Run run, ExecutorService executor) {
        long deadline = run.startNanos + settings.deadline().toNanos();

        // 1. The scan, the account and the positions, at once.
        Call<List<ScanCandidate>> scan = new Call<>(executor, () -> Replies.scan(scanner.postJson("/api/scan", scanRequest())));
        Call<AccountState> account = new Call<>(executor, trading::account);
        Call<List<OpenPosition>> positions = new Call<>(executor, trading::positions);
        Call<Set<String>> orders = new Call<>(executor, trading::symbolsWithOpenOrders);
        List<ScanCandidate> candidates = run.single("scan", ServiceId.SCANNER, scan, deadline).orElse(List.of());
        Optional<AccountState> acct = run.single("account", ServiceId.TRADING, account, deadline);
        List<OpenPosition> open = run.single("positions", ServiceId.TRADING, positions, deadline).orElse(List.of());
        Set<String> ordered = run.single("open_orders", ServiceId.TRADING, orders, deadline).orElse(Set.of());
        acct.filter(AccountState::tradingBlocked).ifPresent(a -> run.block("the trading account is blocked"));

        Map<String, ScanCandidate> bySymbol = new LinkedHashMap<>();
        candidates.forEach(c -> bySymbol.putIfAbsent(c.symbol(), c));
        Map<String, OpenPosition> held = new LinkedHashMap<>();
        open.forEach(p -> held.put(p.symbol(), p));
        List<String> symbols = new ArrayList<>(new LinkedHashSet<>(bySymbol.keySet()));
        held.keySet().stream().filter(s -> !bySymbol.containsKey(s)).forEach(symbols::add);
        run.analysed = symbols.size();
        if (symbols.isEmpty()) {
            return;
        }

        // 2. For every symbol, in parallel: signal (one batch), candlesticks, chart patterns, sentiment.
        long analyseStart = System.nanoTime();
        Call<Map<String, TimedSignal>> signals = new Call<>(executor, () -> signals(symbols, executor, deadline));
        Map<String, Call<List<PatternHit>>> candles = perSymbol(executor, symbols, s -> Replies.patterns(pattern.getJson(
                "/api/patterns/" + encode(s) + "?timeframe=" + settings.timeframe().label() + "&limit=" + settings.patternBars())));
        Map<String, Call<BigDecimal>> charts = perSymbol(executor, symbols,
                s -> Replies.bias(recognition.getJson("/api/chart-patterns/" + encode(s))));
        Map<String, Call<BigDecimal>> sentiments = perSymbol(executor, symbols,
                s -> Replies.sentiment(news.getJson("/api/sentiment/" + encode(s))));
        Map<String, TimedSignal> signalOf = run.single("signals", ServiceId.TECHNICAL, signals, deadline).orElse(Map.of());
        Map<String, Call.Result<List<PatternHit>>> candleOf = run.fanOut("candles", ServiceId.PATTERN, candles, deadline);
        Map<String, Call.Result<BigDecimal>> chartOf = run.fanOut("chart_patterns", ServiceId.RECOGNITION, charts, deadline);
        Map<String, Call.Result<BigDecimal>> sentimentOf = run.fanOut("sentiment", ServiceId.NEWS, sentiments, deadline);
        run.timing("analyse", analyseStart, System.nanoTime());

        // 3. Decisions, in scan rank order then the other open positions; buying power spent as entries are decided.
        long decideStart = System.nanoTime();
        SessionTime session = new SessionTime(run.market.time(), run.market.sessionClose());
        Map<String, Instant> openedAt = store.lastEntries(held.keySet());
        BigDecimal buyingPower = acct.map(AccountState::buyingPower).orElse(null);
        List<Pending> pending = new ArrayList<>();
        for (String symbol : symbols) {
            ScanCandidate sc = bySymbol.get(symbol);
            TimedSignal ts = signalOf.get(symbol);
            Map<String, String> missing = new LinkedHashMap<>();
            if (ts == null) {
                missing.put("technical", run.failureOf(ServiceId.TECHNICAL).orElse("no signal for this symbol"));
            }
            List<PatternHit> hits = value(candleOf.get(symbol), "pattern", missing, List.of());
            BigDecimal bias = value(chartOf.get(symbol), "recognition", missing, null);
            BigDecimal sentiment = value(sentimentOf.get(symbol), "news", missing, null);
            Candidate candidate = new Candidate(symbol, sc == null ? null : sc.last(), ts == null ? null : ts.signal(),
                    ts == null ? List.of() : Replies.candles(hits, ts.time(), settings.timeframe().length()), bias, sentiment);
            OpenPosition op = held.get(symbol);
            Position position = op == null ? null : new Position(symbol, op.quantity(), op.averageEntry(), openedAt.get(symbol));
            Account accountNow = new Account(acct.map(AccountState::equity).orElse(BigDecimal.ZERO), buyingPower);
            Evaluation e = strategy.decide(candidate, position, accountNow, session);
            List<String> reasons = new ArrayList<>(e.reasons());
            Decision decision = e.decision();
            if ((decision == Decision.ENTER_LONG || decision == Decision.ENTER_SHORT) && run.blockedReason() != null) {
                reasons.add("no new entries this cycle: " + run.blockedReason());
                decision = Decision.HOLD;
            }
            if ((decision == Decision.ENTER_LONG || decision == Decision.ENTER_SHORT) && ordered.contains(symbol)) {
                // An earlier entry not filled yet has no position, only an open order: entering again would double it.
                reasons.add("an order in " + symbol + " is already open: no second entry");
                decision = Decision.HOLD;
            }
            if (decision == Decision.ENTER_LONG || decision == Decision.ENTER_SHORT) {
                var b = e.bracket().orElseThrow();
                if (buyingPower != null) {
                    buyingPower = buyingPower.subtract(b.entry().multiply(BigDecimal.valueOf(b.quantity())));
                }
            }
            JsonNode inputs = inputs(sc, ts, hits, bias, sentiment, op, openedAt.get(symbol), e, missing);
            pending.add(new Pending(symbol, decision, e, reasons, inputs, op));
        }
        run.step("decide", null, "OK", decideStart, System.nanoTime(),
                pending.stream().filter(p -> p.decision != Decision.HOLD).count() + " of " + pending.size() + " symbols to act on");
        run.timing("decide", decideStart, System.nanoTime());

        // 4. Orders, in parallel: entries as brackets, exits as market orders.
        orders(run, executor, pending);
    }

    /** A decision waiting for its order. */
    private record Pending(String symbol, Decision decision, Evaluation evaluation, List<String> reasons, JsonNode inputs,
                           OpenPosition position) {
    }

    private void orders(Run run, ExecutorService executor, List<Pending> pending) {
        long start = System.nanoTime();
        boolean tradingDown = run.failureOf(ServiceId.TRADING).isPresent();
        Map<Pending, Call<OrderDesk.Outcome>> sent = new LinkedHashMap<>();
        String cycle = "c" + run.id;
        for (Pending p : pending) {
            if (p.decision == Decision.HOLD) {
                continue;
            }
            String leg = p.decision == Decision.EXIT ? "exit" : "entry";
            String clientOrderId = ClientOrderIds.of(strategy.config().name(), cycle, p.symbol, leg);
            if (tradingDown) {
                continue;
            }
            sent.put(p, new Call<>(executor, () -> p.decision == Decision.EXIT
                    ? desk.exit(p.symbol, p.position.quantity(), clientOrderId)
                    : desk.enter(p.symbol, p.evaluation.bracket().orElseThrow(), clientOrderId)));
        }
        int failures = 0;
        long ordersDeadline = System.nanoTime() + settings.deadline().toNanos(); // orders get their own budget
        for (Pending p : pending) {
            String clientOrderId = null;
            String status = null;
            JsonNode result = null;
            if (p.decision != Decision.HOLD) {
                clientOrderId = ClientOrderIds.of(strategy.config().name(), cycle, p.symbol, p.decision == Decision.EXIT ? "exit" : "entry");
                Call<OrderDesk.Outcome> call = sent.get(p);
                if (call == null) {
                    status = "NOT_SENT";
                    result = Json.MAPPER.valueToTree(Map.of("message", "trading unavailable: "
                            + run.failureOf(ServiceId.TRADING).orElse("")));
                } else {
                    Call.Result<OrderDesk.Outcome> r = call.await(ordersDeadline);
                    if (r.ok()) {
                        status = r.value().status();
                        result = r.value().result();
                        if (r.value().accepted()) {
                            run.orders++;
                        }
                    } else {
                        status = "FAILED";
                        result = Json.MAPPER.valueToTree(Map.of("message", "unknown whether placed: "
                                + (r.failed() ? r.failure() : r.rejection().getMessage())
                                + "; a repeated submit with the same client_order_id cannot trade twice"));
                    }
                }
                if (!status.equals("SUBMITTED") && !status.equals("ALREADY_SUBMITTED")) {
                    failures++;
                }
            }
            run.decisions.add(new CycleStore.Decision(p.symbol, p.decision.name(), p.evaluation.score(), p.inputs,
                    p.reasons, clientOrderId, status, result));
        }
        if (!sent.isEmpty() || pending.stream().anyMatch(p -> p.decision != Decision.HOLD)) {
            run.step("orders", ServiceId.TRADING.module(), failures == 0 ? "OK" : "FAILED", start, System.nanoTime(),
                    sent.size() + " sent, " + run.orders + " accepted" + (failures == 0 ? "" : ", " + failures + " not accepted"));
        }
        run.timing("orders", start, System.nanoTime());
    }

    /**
     * The technical signals, in batches of {@code cycle.signal-batch} symbols sent in parallel (the technical service
     * computes a batch on one thread). A batch refused as a whole (a symbol without bars) is retried one call per
     * symbol, so one symbol cannot cost the others their signals. Any batch failing fails the whole step.
     */
    private Map<String, TimedSignal> signals(List<String> symbols, ExecutorService executor, long deadline) {
        List<Call<Map<String, TimedSignal>>> batches = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i += settings.signalBatch()) {
            List<String> batch = List.copyOf(symbols.subList(i, Math.min(symbols.size(), i + settings.signalBatch())));
            batches.add(new Call<>(executor, () -> signalBatch(batch, executor, deadline)));
        }
        Map<String, TimedSignal> out = new LinkedHashMap<>();
        for (Call<Map<String, TimedSignal>> batch : batches) {
            out.putAll(valueOrThrow(batch.await(deadline)));
        }
        return out;
    }

    private Map<String, TimedSignal> signalBatch(List<String> symbols, ExecutorService executor, long deadline) {
        try {
            return Replies.signals(technical.postJson("/api/signals",
                    Map.of("symbols", symbols, "timeframe", settings.timeframe().label())));
        } catch (io.tradeloom.platform.client.ServiceRejectedException refused) {
            Map<String, Call<TimedSignal>> each = perSymbol(executor, symbols, s -> Replies.signal(technical.getJson(
                    "/api/signals/" + encode(s) + "?timeframe=" + settings.timeframe().label())));
            Map<String, TimedSignal> out = new LinkedHashMap<>();
            for (var e : each.entrySet()) {
                Call.Result<TimedSignal> r = e.getValue().await(deadline);
                if (r.failed()) {
                    throw new IllegalStateException(r.failure());
                }
                if (r.ok()) {
                    out.put(e.getKey(), r.value());
                }
            }
            return out;
        }
    }

    /** A batch's value; its failure rethrown with the message as recorded (rejections cannot reach here). */
    private static <T> T valueOrThrow(Call.Result<T> r) {
        if (r.failed()) {
            throw new IllegalStateException(r.failure());
        }
        if (!r.ok()) {
            throw new IllegalStateException(r.rejection().getMessage());
        }
        return r.value();
    }

    @FunctionalInterface
    private interface SymbolCall<T> {
        T call(String symbol) throws Exception;
    }

    private static <T> Map<String, Call<T>> perSymbol(ExecutorService executor, List<String> symbols, SymbolCall<T> work) {
        Map<String, Call<T>> calls = new LinkedHashMap<>();
        for (String s : symbols) {
            calls.put(s, new Call<>(executor, () -> work.call(s)));
        }
        return calls;
    }

    /** The call's value; for a failure or a rejection (e.g. 404 unknown symbol) the fallback, noting why. */
    private static <T> T value(Call.Result<T> r, String service, Map<String, String> missing, T fallback) {
        if (r == null) {
            return fallback;
        }
        if (r.ok()) {
            return r.value();
        }
        missing.put(service, r.failed() ? r.failure() : "nothing known (" + r.rejection().status() + ")");
        return fallback;
    }

    private Map<String, Object> scanRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        settings.scanPreset().ifPresent(p -> body.put("preset", p));
        body.put("top_n", settings.topN());
        return body;
    }

    private static JsonNode inputs(ScanCandidate sc, TimedSignal ts, List<PatternHit> hits, BigDecimal bias,
                                   BigDecimal sentiment, OpenPosition op, Instant openedAt, Evaluation e,
                                   Map<String, String> missing) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scan_rank", sc == null ? null : sc.rank());
        m.put("price", sc == null ? null : sc.last());
        if (ts == null) {
            m.put("signal", null);
        } else {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("time", ts.time());
            s.put("action", ts.signal().action());
            s.put("score", ts.signal().score());
            s.put("close", ts.signal().close());
            s.put("atr", ts.signal().atr());
            s.put("suggested_stop", ts.signal().suggestedStop());
            s.put("reasons", ts.signal().reasons());
            m.put("signal", s);
        }
        m.put("candles", hits.stream().map(h -> Map.of("id", h.id(), "value", h.value(), "time", h.time())).toList());
        m.put("chart_bias", bias);
        m.put("sentiment", sentiment);
        if (op == null) {
            m.put("position", null);
        } else {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("qty", op.quantity());
            p.put("avg_entry_price", op.averageEntry());
            p.put("opened_at", openedAt);
            m.put("position", p);
        }
        m.put("components", e.components());
        e.bracket().ifPresent(b -> m.put("bracket", b));
        m.put("missing", missing);
        return Json.MAPPER.valueToTree(m);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** What one cycle has gathered so far; the decisions list is filled on the cycle's thread only. */
    private static final class Run {
        final long id;
        final MarketTime.Now market;
        final Instant startedAt;
        final long startNanos = System.nanoTime();
        final List<CycleStore.Step> steps = new ArrayList<>();
        final List<CycleStore.Decision> decisions = new ArrayList<>();
        final Map<String, BigDecimal> timings = new LinkedHashMap<>();
        final Set<String> degraded = new TreeSet<>();
        final Map<ServiceId, String> failures = new LinkedHashMap<>();
        final List<String> blocked = new ArrayList<>();
        int analysed;
        int orders;

        Run(long id, MarketTime.Now market, Instant startedAt) {
            this.id = id;
            this.market = market;
            this.startedAt = startedAt;
        }

        /** The wall-clock time of a System.nanoTime() reading during the cycle. */
        Instant at(long nanos) {
            return startedAt.plusNanos(nanos - startNanos);
        }

        Optional<String> failureOf(ServiceId service) {
            return Optional.ofNullable(failures.get(service));
        }

        void block(String why) {
            if (!blocked.contains(why)) {
                blocked.add(why);
            }
        }

        String blockedReason() {
            return blocked.isEmpty() ? null : String.join("; ", blocked);
        }

        void fail(ServiceId service, String why) {
            failures.putIfAbsent(service, why);
            if (CRITICAL.contains(service)) {
                block(service.module() + " unavailable (" + why + ")");
            } else {
                degraded.add(service.module());
            }
        }

        /** Awaits one call and records its step. */
        <T> Optional<T> single(String name, ServiceId service, Call<T> call, long deadline) {
            Call.Result<T> r = call.await(deadline);
            String status;
            String detail;
            if (r.ok()) {
                status = "OK";
                detail = null;
            } else {
                String why = r.failed() ? r.failure() : r.rejection().getMessage() + ": " + r.rejection().body();
                fail(service, why);
                status = CRITICAL.contains(service) ? "FAILED" : "DEGRADED";
                detail = why;
            }
            step(name, service.module(), status, call.startNanos(), call.endNanos(), detail);
            timing(name, call.startNanos(), call.endNanos());
            return r.ok() ? Optional.ofNullable(r.value()) : Optional.empty();
        }

        /** Awaits one call per symbol to one service and records them as one step. */
        <T> Map<String, Call.Result<T>> fanOut(String name, ServiceId service, Map<String, Call<T>> calls, long deadline) {
            Map<String, Call.Result<T>> results = new LinkedHashMap<>();
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            List<String> failed = new ArrayList<>();
            int rejected = 0;
            for (var e : calls.entrySet()) {
                Call.Result<T> r = e.getValue().await(deadline);
                results.put(e.getKey(), r);
                first = Math.min(first, e.getValue().startNanos());
                last = Math.max(last, e.getValue().endNanos());
                if (r.failed()) {
                    failed.add(e.getKey() + ": " + r.failure());
                } else if (!r.ok()) {
                    rejected++;
                }
            }
            String detail = calls.size() + " calls" + (rejected == 0 ? "" : ", " + rejected + " knew nothing of the symbol");
            String status = "OK";
            if (!failed.isEmpty()) {
                fail(service, failed.size() + " of " + calls.size() + " calls failed, first " + failed.getFirst());
                status = CRITICAL.contains(service) ? "FAILED" : "DEGRADED";
                detail += ", " + failed.size() + " failed: " + String.join("; ", failed.subList(0, Math.min(3, failed.size())))
                        + (failed.size() > 3 ? "; ..." : "");
            }
            step(name, service.module(), status, first, last, detail);
            timing(name, first, last);
            return results;
        }

        void step(String name, String service, String status, long startNanos, long endNanos, String detail) {
            steps.add(new CycleStore.Step(steps.size() + 1, name, service, status, at(startNanos), millis(startNanos, endNanos), detail));
        }

        void timing(String name, long startNanos, long endNanos) {
            timings.put(name, millis(startNanos, endNanos));
        }

        private static BigDecimal millis(long startNanos, long endNanos) {
            return BigDecimal.valueOf(Math.max(0, endNanos - startNanos) / 1000, 3).setScale(3, RoundingMode.UNNECESSARY);
        }
    }
}
