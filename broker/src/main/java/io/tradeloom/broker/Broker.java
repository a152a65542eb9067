package io.tradeloom.broker;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.Session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The paper broker: accepts orders (after validation and the risk manager), matches open orders against each market
 * event it is given, appends every fill to the ledger and keeps cash and positions as the ledger replayed.
 *
 * <p>Time is always explicit ({@code now}, the event's time), so a backtest drives it bar by bar and the service
 * from its market-data loop. Each public call is one step: its changes are committed to the {@link BrokerStore}
 * atomically before it returns; if the commit fails, the engine reloads from the store and the call throws, so memory
 * never runs ahead of what is durable. Calls are serialised (one lock).
 */
public final class Broker {

    /** How long past its expiry a day, opg or cls order waits for late market data before it expires. */
    static final Duration EXPIRY_GRACE = Duration.ofMinutes(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final BrokerConfig config;
    private final NyseCalendar calendar;
    private final BrokerStore store;
    private final Predicate<String> knownSymbol;
    private final Supplier<String> ids;
    private final FillModel fills;
    private volatile RiskLimits limits;

    private final Map<String, Order> orders = new HashMap<>();
    private final Map<String, String> byClientId = new HashMap<>();
    /** Open order ids per symbol, in the order they were created: the matching priority. */
    private final Map<String, Set<String>> openBySymbol = new HashMap<>();
    private final Map<String, BigDecimal> marks = new HashMap<>();
    private final Map<String, BigDecimal[]> reserveCache = new HashMap<>();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    /** Symbol -> the date of its last opening fill, and the dates of day trades, for the PDT count. */
    private final Map<String, LocalDate> openedOn = new HashMap<>();
    private final List<LocalDate> dayTrades = new ArrayList<>();
    private Portfolio portfolio;
    private RiskStatus risk;
    /** When another broker executes the orders, this engine only mirrors them: it never matches or expires any. */
    private volatile boolean mirrorOnly;
    private long orderSeq;
    private Step step;

    public Broker(BrokerConfig config, RiskLimits limits, NyseCalendar calendar, BrokerStore store,
                  Predicate<String> knownSymbol, Supplier<String> ids, Instant now) {
        this.config = Objects.requireNonNull(config, "config");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.store = Objects.requireNonNull(store, "store");
        this.knownSymbol = Objects.requireNonNull(knownSymbol, "knownSymbol");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.fills = new FillModel(config);
        synchronized (this) {
            restore();
            if (ledger.isEmpty()) {
                begin();
                append(new LedgerEntry(1, now, LedgerEntry.Kind.DEPOSIT, null, null, null, 0, null,
                        config.startingCash(), 0, 0, null, "initial deposit"));
                BigDecimal cash = config.startingCash();
                risk = new RiskStatus(RiskState.ACTIVE, null, NyseCalendar.dateOf(now), cash, cash, now);
                step.risk = true;
                commit();
            } else if (risk == null) {
                // A store written before risk was recorded: start the risk manager from equity now.
                begin();
                BigDecimal eq = equity();
                risk = new RiskStatus(RiskState.ACTIVE, null, NyseCalendar.dateOf(now), eq, eq, now);
                step.risk = true;
                commit();
            }
        }
    }

    /** A broker with random order ids. */
    public Broker(BrokerConfig config, RiskLimits limits, NyseCalendar calendar, BrokerStore store,
                  Predicate<String> knownSymbol, Instant now) {
        this(config, limits, calendar, store, knownSymbol, () -> UUID.randomUUID().toString(), now);
    }

    // ---------------------------------------------------------------- state and recovery

    private void restore() {
        orders.clear();
        byClientId.clear();
        openBySymbol.clear();
        reserveCache.clear();
        ledger.clear();
        openedOn.clear();
        dayTrades.clear();
        portfolio = new Portfolio();
        BrokerStore.State state = store.load();
        orderSeq = 0;
        for (Order o : state.orders()) {
            index(o);
            orderSeq = Math.max(orderSeq, o.seq());
        }
        for (LedgerEntry e : state.ledger()) {
            applyEntry(e);
        }
        risk = state.risk();
    }

    /** The changes of the step under way. */
    private static final class Step {
        final Map<String, Order> orders = new LinkedHashMap<>();
        final List<LedgerEntry> ledger = new ArrayList<>();
        final List<EquitySnapshot> equity = new ArrayList<>();
        boolean risk;
    }

    private void begin() {
        step = new Step();
    }

    private void commit() {
        Step s = step;
        step = null;
        BrokerStore.Changes changes = new BrokerStore.Changes(List.copyOf(s.orders.values()), List.copyOf(s.ledger),
                s.risk ? risk : null, List.copyOf(s.equity));
        if (changes.isEmpty()) {
            return;
        }
        try {
            store.commit(changes);
        } catch (RuntimeException e) {
            restore();
            throw e;
        }
    }

    /** Runs one step; a refusal (BrokerException) thrown before anything changed commits nothing. */
    private <T> T inStep(Supplier<T> body) {
        begin();
        try {
            T result = body.get();
            commit();
            return result;
        } catch (RuntimeException e) {
            if (step != null) {
                boolean dirty = !step.orders.isEmpty() || !step.ledger.isEmpty() || step.risk;
                step = null;
                if (dirty) {
                    restore();
                }
            }
            throw e;
        }
    }

    private void put(Order o) {
        index(o);
        step.orders.put(o.id(), o);
    }

    private void index(Order o) {
        reserveCache.remove(o.symbol());
        orders.put(o.id(), o);
        byClientId.put(o.clientOrderId(), o.id());
        Set<String> open = openBySymbol.computeIfAbsent(o.symbol(), k -> new LinkedHashSet<>());
        if (o.status().isOpen()) {
            open.add(o.id());
        } else {
            open.remove(o.id());
        }
    }

    private void append(LedgerEntry e) {
        applyEntry(e);
        step.ledger.add(e);
    }

    private void applyEntry(LedgerEntry e) {
        if (e.kind() == LedgerEntry.Kind.FILL) {
            long before = portfolio.qty(e.symbol());
            long after = before + e.signedQty();
            LocalDate day = NyseCalendar.dateOf(e.time());
            if (Math.abs(after) > Math.abs(before) || Long.signum(after) == -Long.signum(before)) {
                openedOn.put(e.symbol(), day);
            } else if (day.equals(openedOn.get(e.symbol()))) {
                dayTrades.add(day);
                openedOn.remove(e.symbol());
            }
        }
        portfolio.apply(e);
        ledger.add(e);
    }

    private LedgerEntry entry(Instant time, LedgerEntry.Kind kind, Order o, long qty, BigDecimal price,
                              BigDecimal amount, String description) {
        return new LedgerEntry(portfolio.lastSeq() + 1, time, kind, o == null ? null : o.id(),
                o == null ? null : o.symbol(), o == null ? null : o.side(), qty, price, amount,
                kind == LedgerEntry.Kind.FILL ? o.filledQty() : 0,
                kind == LedgerEntry.Kind.FILL ? o.leavesQty() : 0,
                kind == LedgerEntry.Kind.FILL ? o.status() : null, description);
    }

    // ---------------------------------------------------------------- orders

    /** An order that passed validation and the risk manager, sized, not yet accepted. */
    private record Prepared(String symbol, String clientId, long qty, OrderClass cls) {
    }

    private Prepared prepare(OrderRequest request, Instant now) {
        OrderValidator.validate(request);
        String symbol = request.symbol().toUpperCase(java.util.Locale.ROOT);
        if (!knownSymbol.test(symbol)) {
            throw BrokerException.invalid("asset \"" + request.symbol() + "\" not found");
        }
        String clientId = request.clientOrderId() != null ? request.clientOrderId() : ids.get();
        if (byClientId.containsKey(clientId)) {
            throw BrokerException.invalid("client_order_id must be unique");
        }
        BigDecimal mark = marks.get(symbol);
        long qty;
        if (request.notional() != null) {
            if (mark == null) {
                throw BrokerException.forbidden("no quote for " + symbol + " to size a notional order");
            }
            qty = request.notional().divide(mark, 0, RoundingMode.FLOOR).longValueExact();
            if (qty < 1) {
                throw BrokerException.invalid("notional " + request.notional().toPlainString()
                        + " buys less than one share of " + symbol);
            }
        } else {
            qty = request.qty();
        }
        OrderClass cls = request.orderClass() == null ? OrderClass.SIMPLE : request.orderClass();
        BigDecimal ref = referencePrice(request.type(), request.limitPrice(), request.stopPrice(), mark, symbol);
        checkRisk(symbol, request.side(), qty, ref, now, null);
        return new Prepared(symbol, clientId, qty, cls);
    }

    /**
     * Everything {@link #submit} checks (validation, symbol, client id, risk) without accepting anything: for an
     * order that another broker will execute. Throws the same refusals.
     */
    public synchronized void check(OrderRequest request, Instant now) {
        prepare(request, now);
    }

    /** Validates, risk-checks and accepts an order (with its legs); returns the accepted order. */
    public synchronized Order submit(OrderRequest request, Instant now) {
        Prepared p = prepare(request, now);
        return inStep(() -> accept(p, request, now));
    }

    /**
     * Submits several orders in one step, so one store commit makes them all durable (the service batches orders
     * that arrive together). Each is checked after the ones before it are accepted, exactly as if submitted one by
     * one; the result for each is its accepted {@link Order} or the {@link BrokerException} that refused it.
     */
    public synchronized List<Object> submitAll(List<OrderRequest> requests, Instant now) {
        return inStep(() -> {
            List<Object> results = new ArrayList<>(requests.size());
            for (OrderRequest r : requests) {
                try {
                    results.add(accept(prepare(r, now), r, now));
                } catch (BrokerException refused) {
                    results.add(refused);
                }
            }
            return results;
        });
    }

    private Order accept(Prepared p, OrderRequest request, Instant now) {
        String symbol = p.symbol();
        String clientId = p.clientId();
        long qty = p.qty();
        OrderClass cls = p.cls();
        Order entry = newOrder(symbol, clientId, qty, request.notional(), cls, request.type(), request.side(),
                request.timeInForce(), request.limitPrice(), request.stopPrice(), request.trailPrice(),
                request.trailPercent(), request.extendedHours(), null,
                cls == OrderClass.OCO ? Order.Leg.TAKE_PROFIT : Order.Leg.ENTRY, OrderStatus.NEW, now);
        put(entry);
        Side exit = cls == OrderClass.OCO ? request.side() : OrderValidator.opposite(request.side());
        OrderStatus legStatus = cls == OrderClass.OCO ? OrderStatus.NEW : OrderStatus.HELD;
        TimeInForce legTif = request.timeInForce();
        if (cls == OrderClass.BRACKET || cls == OrderClass.OTO) {
            if (request.takeProfitLimitPrice() != null) {
                put(newOrder(symbol, ids.get(), qty, null, cls, OrderType.LIMIT, exit, legTif,
                        request.takeProfitLimitPrice(), null, null, null, false, entry.id(),
                        Order.Leg.TAKE_PROFIT, legStatus, now));
            }
        }
        if (cls != OrderClass.SIMPLE && request.stopLossStopPrice() != null) {
            OrderType slType = request.stopLossLimitPrice() == null ? OrderType.STOP : OrderType.STOP_LIMIT;
            put(newOrder(symbol, ids.get(), qty, null, cls, slType, exit, legTif,
                    request.stopLossLimitPrice(), request.stopLossStopPrice(), null, null, false, entry.id(),
                    Order.Leg.STOP_LOSS, legStatus, now));
        }
        return orders.get(entry.id());
    }

    private Order newOrder(String symbol, String clientId, long qty, BigDecimal notional, OrderClass cls,
                           OrderType type, Side side, TimeInForce tif, BigDecimal limit, BigDecimal stop,
                           BigDecimal trailPrice, BigDecimal trailPercent, boolean extendedHours, String parentId,
                           Order.Leg leg, OrderStatus status, Instant now) {
        Order o = Order.builder().seq(++orderSeq).id(ids.get()).clientOrderId(clientId).createdAt(now)
                .updatedAt(now).submittedAt(now).symbol(symbol).notional(notional).qty(qty).orderClass(cls)
                .type(type).side(side).timeInForce(tif).limitPrice(limit).stopPrice(stop).trailPrice(trailPrice)
                .trailPercent(trailPercent).extendedHours(extendedHours).parentId(parentId).leg(leg).status(status)
                .expiresAt(expiry(tif, now)).build();
        BigDecimal mark = marks.get(symbol);
        if (type == OrderType.TRAILING_STOP && mark != null) {
            o = FillModel.trail(o, mark);
        }
        return o;
    }

    private Instant expiry(TimeInForce tif, Instant now) {
        return switch (tif) {
            case DAY -> calendar.nextClose(now);
            case OPG -> calendar.nextOpen(now).plus(Duration.ofMinutes(1));
            case CLS -> calendar.nextClose(now);
            case GTC, IOC, FOK -> null;
        };
    }

    /** Cancels an open order (and the rest of its bracket or oco group); 404 unknown, 422 not open. */
    public synchronized Order cancel(String id, Instant now) {
        Order o = orders.get(id);
        if (o == null) {
            throw BrokerException.notFound("order not found");
        }
        if (!o.status().isOpen()) {
            throw BrokerException.invalid("order is already in \"" + o.status().wire() + "\" state");
        }
        return inStep(() -> {
            terminate(o, OrderStatus.CANCELED, now);
            return orders.get(id);
        });
    }

    /** Cancels every open order; returns those it canceled. */
    public synchronized List<Order> cancelAll(Instant now) {
        return inStep(() -> {
            List<Order> done = new ArrayList<>();
            for (Order o : openOrders()) {
                Order current = orders.get(o.id());
                if (current.status().isOpen()) {
                    terminate(current, OrderStatus.CANCELED, now);
                    done.add(orders.get(o.id()));
                }
            }
            return done;
        });
    }

    /** Replaces an open order with a new one (Alpaca's PATCH); the original becomes {@code replaced}. */
    public synchronized Order replace(String id, ReplaceRequest r, Instant now) {
        Order o = orders.get(id);
        if (o == null) {
            throw BrokerException.notFound("order not found");
        }
        if (!o.status().isOpen()) {
            throw BrokerException.invalid("order is not open: \"" + o.status().wire() + "\"");
        }
        if (children(o).stream().anyMatch(c -> c.status().isOpen())) {
            throw BrokerException.invalid("replace the legs of this order, not the order itself");
        }
        long total = r.qty() != null ? r.qty() : o.qty();
        long leaves = total - o.filledQty();
        if (r.qty() != null && (r.qty() <= 0 || leaves <= 0)) {
            throw BrokerException.invalid("qty must exceed the " + o.filledQty() + " shares already filled");
        }
        TimeInForce tif = r.timeInForce() != null ? r.timeInForce() : o.timeInForce();
        BigDecimal limit = r.limitPrice() != null ? r.limitPrice() : o.limitPrice();
        BigDecimal stop = o.type() == OrderType.TRAILING_STOP ? null
                : r.stopPrice() != null ? r.stopPrice() : o.stopPrice();
        BigDecimal trailPrice = o.trailPrice();
        BigDecimal trailPercent = o.trailPercent();
        if (r.trail() != null) {
            if (o.type() != OrderType.TRAILING_STOP) {
                throw BrokerException.invalid("trail is only for trailing_stop orders");
            }
            trailPrice = trailPrice != null ? r.trail() : null;
            trailPercent = trailPercent != null ? r.trail() : null;
        }
        String clientId = r.clientOrderId() != null ? r.clientOrderId() : ids.get();
        if (byClientId.containsKey(clientId)) {
            throw BrokerException.invalid("client_order_id must be unique");
        }
        OrderValidator.validate(new OrderRequest(o.symbol(), leaves, null, o.side(), o.type(), tif, limit, stop,
                trailPrice, trailPercent, o.extendedHours(), clientId, OrderClass.SIMPLE, null, null, null));
        BigDecimal ref = referencePrice(o.type(), limit, stop, marks.get(o.symbol()), o.symbol());
        checkRisk(o.symbol(), o.side(), leaves, ref, now, o.id());
        BigDecimal finalTrailPrice = trailPrice;
        BigDecimal finalTrailPercent = trailPercent;
        return inStep(() -> {
            Order n = newOrder(o.symbol(), clientId, leaves, null, o.orderClass(), o.type(), o.side(), tif, limit,
                    stop, finalTrailPrice, finalTrailPercent, o.extendedHours(), o.parentId(), o.leg(),
                    o.status() == OrderStatus.HELD ? OrderStatus.HELD : OrderStatus.NEW, now);
            put(n.toBuilder().replaces(o.id()).build());
            put(o.toBuilder().status(OrderStatus.REPLACED).replacedAt(now).replacedBy(n.id()).updatedAt(now)
                    .build());
            return orders.get(n.id());
        });
    }

    /**
     * Closes all or part of a position with a market order: {@code qty} shares, or {@code percentage} of it
     * (rounded down to whole shares), or all of it.
     */
    public synchronized Order closePosition(String symbol, Long qty, BigDecimal percentage, Instant now) {
        long held = portfolio.qty(symbol);
        if (held == 0) {
            throw BrokerException.notFound("position does not exist");
        }
        if (qty != null && percentage != null) {
            throw BrokerException.invalid("qty and percentage cannot both be given");
        }
        long close = Math.abs(held);
        if (qty != null) {
            if (qty <= 0 || qty > close) {
                throw BrokerException.invalid("qty must be from 1 to the " + close + " shares held");
            }
            close = qty;
        } else if (percentage != null) {
            if (percentage.signum() <= 0 || percentage.compareTo(HUNDRED) > 0) {
                throw BrokerException.invalid("percentage must be above 0 and at most 100");
            }
            close = percentage.multiply(BigDecimal.valueOf(close)).divide(HUNDRED, 0, RoundingMode.FLOOR)
                    .longValueExact();
            if (close < 1) {
                throw BrokerException.invalid("percentage closes less than one share");
            }
        }
        return submit(OrderRequest.market(symbol, close, held > 0 ? Side.SELL : Side.BUY, null), now);
    }

    /** Every position's close order, or the refusal, by symbol. */
    public record CloseResult(String symbol, Order order, BrokerException error) {
    }

    public synchronized List<CloseResult> closeAll(boolean cancelOrders, Instant now) {
        if (cancelOrders) {
            cancelAll(now);
        }
        List<CloseResult> results = new ArrayList<>();
        for (Position p : positions()) {
            try {
                results.add(new CloseResult(p.symbol(), closePosition(p.symbol(), null, null, now), null));
            } catch (BrokerException e) {
                results.add(new CloseResult(p.symbol(), null, e));
            }
        }
        return results;
    }

    // ---------------------------------------------------------------- market data

    /** Matches the symbol's open orders against a new quote, and marks the position to its mid. */
    public synchronized void onQuote(Quote quote) {
        marks.put(quote.symbol(), quote.bid().add(quote.ask()).divide(TWO, 4, RoundingMode.HALF_EVEN));
        reserveCache.remove(quote.symbol());
        onEvent(new MarketEvent.QuoteEvent(quote));
    }

    /** Matches the symbol's open orders against a completed bar of length {@code length}, marking to its close. */
    public synchronized void onBar(Bar bar, Duration length) {
        marks.put(bar.symbol(), bar.close());
        reserveCache.remove(bar.symbol());
        onEvent(new MarketEvent.BarEvent(bar, length));
    }

    /** Sets a symbol's mark without matching (recovery seeds marks from the latest stored quotes). */
    public synchronized void mark(String symbol, BigDecimal price) {
        marks.put(symbol, price);
        reserveCache.remove(symbol);
    }

    private void onEvent(MarketEvent event) {
        inStep(() -> {
            Set<String> open = openBySymbol.get(event.symbol());
            if (!mirrorOnly && open != null && !open.isEmpty()) {
                Session session = calendar.sessionAt(event.time()).orElse(null);
                long available = liquidity(event);
                for (String id : List.copyOf(open)) {
                    Order o = orders.get(id);
                    if (o.status().isOpen() && o.status() != OrderStatus.HELD
                            && !event.time().isBefore(o.submittedAt())
                            && (o.expiresAt() == null || event.time().isBefore(o.expiresAt()))) {
                        available -= work(o, event, available, session);
                    }
                }
            }
            evaluateRisk(event.time());
            return null;
        });
    }

    private long liquidity(MarketEvent event) {
        return switch (event) {
            case MarketEvent.QuoteEvent q -> config.limitToQuoteSize()
                    ? Math.max(q.quote().askSize(), q.quote().bidSize()) : Long.MAX_VALUE;
            case MarketEvent.BarEvent b -> config.maxBarParticipation().multiply(BigDecimal.valueOf(b.bar().volume()))
                    .setScale(0, RoundingMode.FLOOR).longValueExact();
        };
    }

    /** Works one order against one event; returns the shares it took. */
    private long work(Order o, MarketEvent event, long available, Session session) {
        FillModel.Match m = fills.evaluate(o, event, Math.max(0, available), session);
        Order current = m.order();
        if (current != o) {
            put(current.toBuilder().updatedAt(event.time()).build());
            current = orders.get(o.id());
        }
        long leaves = current.qty() - current.filledQty();
        long taken = 0;
        TimeInForce tif = current.timeInForce();
        if (m.qty() > 0 && !(tif == TimeInForce.FOK && m.qty() < leaves)) {
            fill(current, m.qty(), m.price(), event.time());
            taken = m.qty();
        }
        current = orders.get(o.id());
        if ((tif == TimeInForce.IOC || tif == TimeInForce.FOK) && current.status().isOpen()) {
            // Immediate orders get exactly one chance: the first market event after they were placed.
            terminate(current, OrderStatus.CANCELED, event.time());
        }
        return taken;
    }

    private void fill(Order o, long qty, BigDecimal price, Instant time) {
        boolean first = o.filledQty() == 0;
        long filled = o.filledQty() + qty;
        OrderStatus status = filled == o.qty() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        Order f = o.toBuilder().filledQty(filled)
                .filledNotional(o.filledNotional().add(price.multiply(BigDecimal.valueOf(qty))))
                .status(status).updatedAt(time).filledAt(status == OrderStatus.FILLED ? time : null).build();
        put(f);
        BigDecimal value = price.multiply(BigDecimal.valueOf(qty));
        append(entry(time, LedgerEntry.Kind.FILL, f, qty, price,
                o.side() == Side.BUY ? value.negate() : value, null));
        BigDecimal fee = config.commission(qty, price, first);
        if (fee.signum() > 0) {
            append(entry(time, LedgerEntry.Kind.FEE, f, 0, null, fee.negate(),
                    "commission on " + qty + " " + f.symbol()));
        }
        if (f.leg() == Order.Leg.ENTRY && status == OrderStatus.FILLED) {
            activateLegs(f, time);
        }
        if (f.leg() != Order.Leg.ENTRY) {
            // The other exit can only ever need to close what this one has not.
            long remaining = f.qty() - f.filledQty();
            for (Order s : siblings(f)) {
                if (s.status().isOpen()) {
                    if (remaining == 0) {
                        terminate(s, OrderStatus.CANCELED, time);
                    } else {
                        put(s.toBuilder().qty(s.filledQty() + remaining).updatedAt(time).build());
                    }
                }
            }
        }
        step.equity.add(snapshotNow(time));
        step.risk = true;
    }

    private void activateLegs(Order entry, Instant time) {
        for (Order leg : children(entry)) {
            if (leg.status() == OrderStatus.HELD) {
                Order.Builder b = leg.toBuilder().status(OrderStatus.NEW).qty(entry.filledQty()).submittedAt(time)
                        .updatedAt(time).expiresAt(expiry(leg.timeInForce(), time));
                put(b.build());
            }
        }
    }

    /**
     * Ends an open order and everything that hangs on it: an entry's held legs are canceled, or activated for
     * what the entry did fill; an exit leg takes its oco siblings with it.
     */
    private void terminate(Order o, OrderStatus status, Instant time) {
        Order.Builder b = o.toBuilder().status(status).updatedAt(time);
        if (status == OrderStatus.CANCELED) {
            b.canceledAt(time);
        } else if (status == OrderStatus.EXPIRED) {
            b.expiredAt(time);
        }
        Order done = b.build();
        put(done);
        if (o.leg() == Order.Leg.ENTRY) {
            if (done.filledQty() > 0) {
                activateLegs(done, time);
            } else {
                for (Order leg : children(o)) {
                    if (leg.status().isOpen()) {
                        terminate(leg, status, time);
                    }
                }
            }
        } else {
            for (Order s : siblings(o)) {
                if (s.status().isOpen()) {
                    terminate(s, status, time);
                }
            }
        }
    }

    /** The legs whose parent is {@code o}. */
    private List<Order> children(Order o) {
        List<Order> out = new ArrayList<>();
        if (o.orderClass() == OrderClass.SIMPLE) {
            return out;
        }
        for (String id : openBySymbol.getOrDefault(o.symbol(), Set.of())) {
            Order c = orders.get(id);
            if (o.id().equals(c.parentId())) {
                out.add(c);
            }
        }
        return out;
    }

    /** The other exit legs of {@code o}'s oco group (a bracket's, or an oco order and its stop). */
    private List<Order> siblings(Order o) {
        List<Order> out = new ArrayList<>();
        for (String id : openBySymbol.getOrDefault(o.symbol(), Set.of())) {
            Order c = orders.get(id);
            if (c.id().equals(o.id()) || c.leg() == Order.Leg.ENTRY) {
                continue;
            }
            boolean sameParent = o.parentId() != null && o.parentId().equals(c.parentId());
            boolean parentOf = o.id().equals(c.parentId());
            boolean childOf = c.id().equals(o.parentId());
            if (sameParent || parentOf || childOf) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Moves the clock: expires day, opg and cls orders past their time (after a grace for late data), rolls the
     * risk manager into a new trading day.
     */
    public synchronized void advance(Instant now) {
        inStep(() -> {
            for (Set<String> ids : mirrorOnly ? List.<Set<String>>of() : openBySymbol.values()) {
                for (String id : List.copyOf(ids)) {
                    Order o = orders.get(id);
                    if (o.status().isOpen() && o.expiresAt() != null
                            && !now.isBefore(o.expiresAt().plus(EXPIRY_GRACE))) {
                        terminate(o, o.timeInForce() == TimeInForce.OPG ? OrderStatus.CANCELED : OrderStatus.EXPIRED,
                                o.expiresAt());
                    }
                }
            }
            evaluateRisk(now);
            return null;
        });
    }

    /** Records the account's equity now (the service calls this every market minute). */
    public synchronized EquitySnapshot snapshot(Instant now) {
        return inStep(() -> {
            EquitySnapshot s = snapshotNow(now);
            step.equity.add(s);
            step.risk = true;
            return s;
        });
    }

    private EquitySnapshot snapshotNow(Instant time) {
        return new EquitySnapshot(time, equity(), portfolio.cash());
    }

    // ---------------------------------------------------------------- mirroring another broker

    /** Stops matching and expiring orders here: another broker executes them and this engine mirrors it. */
    public void mirrorOnly(boolean on) {
        this.mirrorOnly = on;
    }

    /**
     * Records an order as another broker reports it (new, or a later state of one already mirrored) without a fill;
     * its sequence number is kept, or assigned if the order is new here.
     */
    public synchronized Order mirror(Order remote) {
        return inStep(() -> {
            Order local = orders.get(remote.id());
            long seq = local != null ? local.seq() : ++orderSeq;
            Order o = remote.toBuilder().seq(seq)
                    .filledQty(local != null ? local.filledQty() : 0)
                    .filledNotional(local != null ? local.filledNotional() : BigDecimal.ZERO).build();
            put(o);
            return o;
        });
    }

    /**
     * Records a fill another broker made: appends it to the ledger and moves the mirrored order to {@code state}
     * (whose filled quantity must be the old one plus {@code qty}).
     */
    public synchronized Order recordFill(Order state, long qty, BigDecimal price, Instant time) {
        Order local = orders.get(state.id());
        if (local == null) {
            throw new IllegalStateException("order " + state.id() + " is not mirrored yet");
        }
        if (local.filledQty() + qty != state.filledQty() || qty <= 0) {
            throw new IllegalArgumentException("fill of " + qty + " does not take order " + state.id() + " from "
                    + local.filledQty() + " to " + state.filledQty());
        }
        return inStep(() -> {
            Order o = state.toBuilder().seq(local.seq())
                    .filledNotional(local.filledNotional().add(price.multiply(BigDecimal.valueOf(qty)))).build();
            put(o);
            BigDecimal value = price.multiply(BigDecimal.valueOf(qty));
            append(entry(time, LedgerEntry.Kind.FILL, o, qty, price, o.side() == Side.BUY ? value.negate() : value,
                    null));
            step.equity.add(snapshotNow(time));
            step.risk = true;
            evaluateRisk(time);
            return o;
        });
    }

    // ---------------------------------------------------------------- risk

    public synchronized RiskStatus risk() {
        return risk;
    }

    public RiskLimits limits() {
        return limits;
    }

    public void setLimits(RiskLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Back to ACTIVE, with the day's starting equity and the peak reset to equity now. */
    public synchronized RiskStatus resetRisk(Instant now) {
        return inStep(() -> {
            BigDecimal eq = equity();
            risk = new RiskStatus(RiskState.ACTIVE, null, NyseCalendar.dateOf(now), eq, eq, now);
            step.risk = true;
            return risk;
        });
    }

    private void evaluateRisk(Instant now) {
        BigDecimal eq = equity();
        LocalDate today = NyseCalendar.dateOf(now);
        RiskStatus r = risk;
        if (today.isAfter(r.tradingDay()) && calendar.isTradingDay(today)) {
            r = new RiskStatus(r.state(), r.reason(), today, eq, r.peakEquity().max(eq), now);
            step.risk = true;
        } else if (eq.compareTo(r.peakEquity()) > 0) {
            r = new RiskStatus(r.state(), r.reason(), r.tradingDay(), r.dayStartEquity(), eq, r.updatedAt());
        }
        RiskLimits l = limits;
        if (r.state() != RiskState.HALTED) {
            BigDecimal dayLoss = lossPct(r.dayStartEquity(), eq);
            BigDecimal drawdown = lossPct(r.peakEquity(), eq);
            String why = null;
            RiskState to = r.state();
            if (l.haltAtDrawdownPct() != null && drawdown.compareTo(l.haltAtDrawdownPct()) >= 0) {
                to = RiskState.HALTED;
                why = "drawdown " + drawdown.toPlainString() + "% reached the " + l.haltAtDrawdownPct().toPlainString()
                        + "% limit";
            } else if (l.haltAtDailyLossPct() != null && dayLoss.compareTo(l.haltAtDailyLossPct()) >= 0) {
                to = RiskState.HALTED;
                why = "daily loss " + dayLoss.toPlainString() + "% reached the "
                        + l.haltAtDailyLossPct().toPlainString() + "% limit";
            } else if (r.state() == RiskState.ACTIVE && l.reduceAtDailyLossPct() != null
                    && dayLoss.compareTo(l.reduceAtDailyLossPct()) >= 0) {
                to = RiskState.REDUCING;
                why = "daily loss " + dayLoss.toPlainString() + "% reached the "
                        + l.reduceAtDailyLossPct().toPlainString() + "% limit: exits only";
            }
            if (to != r.state()) {
                r = r.withState(to, why, now);
                step.risk = true;
            }
        }
        risk = r;
    }

    private static BigDecimal lossPct(BigDecimal from, BigDecimal now) {
        if (from.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return from.subtract(now).multiply(HUNDRED).divide(from, 2, RoundingMode.HALF_EVEN);
    }

    private BigDecimal referencePrice(OrderType type, BigDecimal limit, BigDecimal stop, BigDecimal mark,
                                      String symbol) {
        if (limit != null) {
            return limit;
        }
        if (stop != null) {
            return stop;
        }
        if (mark == null) {
            throw BrokerException.forbidden("no quote for " + symbol + " yet to value the order");
        }
        return config.slip(mark, Side.BUY);
    }

    /** The pre-trade checks, in the order a trader would want to hear about them; throws 403 on a breach. */
    private void checkRisk(String symbol, Side side, long qty, BigDecimal ref, Instant now, String replacing) {
        RiskLimits l = limits;
        if (risk.state() == RiskState.HALTED) {
            throw BrokerException.forbidden("trading is halted: " + risk.reason());
        }
        if (l.marketHoursOnly() && !calendar.isOpen(now)) {
            throw BrokerException.forbidden("market is closed");
        }
        long pos = portfolio.qty(symbol);
        long after = pos + (side == Side.BUY ? qty : -qty);
        boolean reducing = Math.abs(after) < Math.abs(pos) && Long.signum(after) != -Long.signum(pos);
        if (reducing) {
            return;
        }
        if (risk.state() == RiskState.REDUCING) {
            throw BrokerException.forbidden("trading is reducing, only orders that reduce a position are accepted: "
                    + risk.reason());
        }
        if (!l.allowShort() && after < 0) {
            throw BrokerException.forbidden("short selling is not allowed");
        }
        BigDecimal notional = ref.multiply(BigDecimal.valueOf(qty));
        if (l.maxOrderNotional() != null && notional.compareTo(l.maxOrderNotional()) > 0) {
            throw BrokerException.forbidden("order value " + notional.setScale(2, RoundingMode.HALF_UP).toPlainString()
                    + " exceeds the limit of " + l.maxOrderNotional().toPlainString());
        }
        if (l.maxPositionShares() != null && Math.abs(after) > l.maxPositionShares()) {
            throw BrokerException.forbidden("position of " + Math.abs(after) + " shares would exceed the limit of "
                    + l.maxPositionShares());
        }
        BigDecimal eq = equity();
        if (l.maxPositionPctEquity() != null) {
            BigDecimal value = ref.multiply(BigDecimal.valueOf(Math.abs(after)));
            BigDecimal cap = eq.multiply(l.maxPositionPctEquity()).divide(HUNDRED, 4, RoundingMode.HALF_EVEN);
            if (value.compareTo(cap) > 0) {
                throw BrokerException.forbidden("position value " + value.setScale(2, RoundingMode.HALF_UP).toPlainString()
                        + " would exceed " + l.maxPositionPctEquity().toPlainString() + "% of equity");
            }
        }
        if (l.maxOpenPositions() != null && pos == 0) {
            Set<String> held = new HashSet<>();
            for (Position p : portfolio.allPositions().values()) {
                if (!p.isFlat()) {
                    held.add(p.symbol());
                }
            }
            for (Map.Entry<String, Set<String>> e : openBySymbol.entrySet()) {
                if (!e.getValue().isEmpty()) {
                    held.add(e.getKey());
                }
            }
            held.remove(symbol);
            if (held.size() >= l.maxOpenPositions()) {
                throw BrokerException.forbidden("the limit of " + l.maxOpenPositions() + " open positions is reached");
            }
        }
        long opening = Math.abs(after) - (Long.signum(after) == Long.signum(pos) ? Math.abs(pos) : 0);
        BigDecimal cost = ref.multiply(BigDecimal.valueOf(opening));
        BigDecimal bp = buyingPower(replacing);
        if (cost.compareTo(bp) > 0) {
            throw BrokerException.forbidden("insufficient buying power");
        }
    }

    // ---------------------------------------------------------------- views

    private BigDecimal markOf(Position p) {
        BigDecimal m = marks.get(p.symbol());
        return m != null ? m : p.qty() == 0 ? BigDecimal.ZERO : p.avgEntryPrice();
    }

    private BigDecimal equity() {
        BigDecimal eq = portfolio.cash();
        for (Position p : portfolio.allPositions().values()) {
            if (!p.isFlat()) {
                eq = eq.add(p.marketValue(markOf(p)));
            }
        }
        return eq;
    }

    /**
     * Equity times the margin multiplier, less the gross value of positions and of open orders that would add to
     * them. A cash account's is its cash less what open buys would spend.
     */
    private BigDecimal buyingPower(String excluding) {
        BigDecimal gross = BigDecimal.ZERO;
        for (Position p : portfolio.allPositions().values()) {
            if (!p.isFlat()) {
                gross = gross.add(p.marketValue(markOf(p)).abs());
            }
        }
        BigDecimal reserved = BigDecimal.ZERO;
        for (String symbol : openBySymbol.keySet()) {
            long pos = portfolio.qty(symbol);
            BigDecimal[] r = reserve(symbol);
            if (pos >= 0) {
                reserved = reserved.add(r[0]);
            }
            if (pos <= 0) {
                reserved = reserved.add(r[1]);
            }
        }
        Order ex = excluding == null ? null : orders.get(excluding);
        if (ex != null && reserves(ex)) {
            long pos = portfolio.qty(ex.symbol());
            if (ex.side() == Side.BUY ? pos >= 0 : pos <= 0) {
                reserved = reserved.subtract(reservation(ex));
            }
        }
        BigDecimal bp = equity().multiply(config.marginMultiplier()).subtract(gross).subtract(reserved);
        return bp.signum() < 0 ? BigDecimal.ZERO : bp;
    }

    /**
     * What a symbol's open entry orders would spend: {buys, sells}, each order's open shares at its limit, its stop
     * or the mark. Cached per symbol (an account may hold thousands of resting orders), dropped when one of the
     * symbol's orders or its mark changes.
     */
    private BigDecimal[] reserve(String symbol) {
        BigDecimal[] cached = reserveCache.get(symbol);
        if (cached != null) {
            return cached;
        }
        BigDecimal buys = BigDecimal.ZERO;
        BigDecimal sells = BigDecimal.ZERO;
        for (String id : openBySymbol.getOrDefault(symbol, Set.of())) {
            Order o = orders.get(id);
            if (reserves(o)) {
                if (o.side() == Side.BUY) {
                    buys = buys.add(reservation(o));
                } else {
                    sells = sells.add(reservation(o));
                }
            }
        }
        BigDecimal[] r = {buys, sells};
        reserveCache.put(symbol, r);
        return r;
    }

    private static boolean reserves(Order o) {
        return o.status().isOpen() && o.status() != OrderStatus.HELD && o.leg() == Order.Leg.ENTRY;
    }

    private BigDecimal reservation(Order o) {
        BigDecimal ref = o.limitPrice() != null ? o.limitPrice() : o.stopPrice() != null ? o.stopPrice()
                : marks.getOrDefault(o.symbol(), BigDecimal.ZERO);
        return ref.multiply(BigDecimal.valueOf(o.qty() - o.filledQty()));
    }

    public synchronized Account account(Instant now) {
        BigDecimal longMv = BigDecimal.ZERO;
        BigDecimal shortMv = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        for (Position p : portfolio.allPositions().values()) {
            if (p.isFlat()) {
                continue;
            }
            BigDecimal mark = markOf(p);
            if (p.qty() > 0) {
                longMv = longMv.add(p.marketValue(mark));
            } else {
                shortMv = shortMv.add(p.marketValue(mark));
            }
            unrealized = unrealized.add(p.unrealizedPl(mark));
        }
        BigDecimal eq = equity();
        int dayTradeCount = dayTradeCount(now);
        boolean pdt = limits.pdtEquityThreshold() != null && dayTradeCount >= 4
                && eq.compareTo(limits.pdtEquityThreshold()) < 0;
        return new Account(portfolio.cash(), eq, longMv, shortMv, buyingPower(null), risk.dayStartEquity(),
                portfolio.realizedPl(), portfolio.fees(), unrealized, dayTradeCount, pdt,
                config.marginMultiplier(), risk);
    }

    /** Day trades in the last five trading days up to {@code now}'s date. */
    private int dayTradeCount(Instant now) {
        LocalDate today = NyseCalendar.dateOf(now);
        LocalDate from = today;
        for (int i = 0; i < 4; i++) {
            from = calendar.previousTradingDay(from);
        }
        int n = 0;
        for (LocalDate d : dayTrades) {
            if (!d.isBefore(from) && !d.isAfter(today)) {
                n++;
            }
        }
        return n;
    }

    /** Open positions (non-zero) by symbol. */
    public synchronized List<Position> positions() {
        List<Position> out = new ArrayList<>();
        for (Position p : portfolio.allPositions().values()) {
            if (!p.isFlat()) {
                out.add(p);
            }
        }
        return out;
    }

    public synchronized Optional<Position> position(String symbol) {
        Position p = portfolio.get(symbol);
        return p.isFlat() ? Optional.empty() : Optional.of(p);
    }

    /** The price a position is marked at: the latest quote's mid or bar's close, else its average entry. */
    public synchronized BigDecimal markPrice(String symbol) {
        return markOf(portfolio.get(symbol));
    }

    public synchronized Optional<BigDecimal> lastMark(String symbol) {
        return Optional.ofNullable(marks.get(symbol));
    }

    public synchronized Optional<Order> order(String id) {
        return Optional.ofNullable(orders.get(id));
    }

    public synchronized Optional<Order> orderByClientId(String clientOrderId) {
        String id = byClientId.get(clientOrderId);
        return id == null ? Optional.empty() : Optional.of(orders.get(id));
    }

    /** Every order, oldest first. */
    public synchronized List<Order> orders() {
        List<Order> all = new ArrayList<>(orders.values());
        all.sort(Comparator.comparingLong(Order::seq));
        return all;
    }

    public synchronized List<Order> openOrders() {
        List<Order> out = new ArrayList<>();
        for (Set<String> ids : openBySymbol.values()) {
            for (String id : ids) {
                out.add(orders.get(id));
            }
        }
        out.sort(Comparator.comparingLong(Order::seq));
        return out;
    }

    /** The legs of an order (for Alpaca's nested {@code legs}), oldest first. */
    public synchronized List<Order> legsOf(String id) {
        List<Order> out = new ArrayList<>();
        for (Order o : orders.values()) {
            if (id.equals(o.parentId())) {
                out.add(o);
            }
        }
        out.sort(Comparator.comparingLong(Order::seq));
        return out;
    }

    /** The whole ledger, oldest first. */
    public synchronized List<LedgerEntry> ledger() {
        return List.copyOf(ledger);
    }

    /** Cash and every position (flat ones included) as the engine holds them live, for checks against a replay. */
    public record Holdings(BigDecimal cash, BigDecimal realizedPl, BigDecimal fees, Map<String, Position> positions) {
    }

    public synchronized Holdings holdings() {
        return new Holdings(portfolio.cash(), portfolio.realizedPl(), portfolio.fees(),
                Map.copyOf(portfolio.allPositions()));
    }

    public synchronized BigDecimal cash() {
        return portfolio.cash();
    }

    public synchronized long positionQty(String symbol) {
        return portfolio.qty(symbol);
    }

    public BrokerConfig config() {
        return config;
    }

    public NyseCalendar calendar() {
        return calendar;
    }
}
