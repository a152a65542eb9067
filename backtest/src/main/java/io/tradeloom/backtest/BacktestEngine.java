package io.tradeloom.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.tradeloom.broker.Broker;
import io.tradeloom.broker.BrokerException;
import io.tradeloom.broker.LedgerEntry;
import io.tradeloom.broker.Order;
import io.tradeloom.broker.OrderClass;
import io.tradeloom.broker.OrderRequest;
import io.tradeloom.broker.OrderType;
import io.tradeloom.broker.TimeInForce;
import io.tradeloom.candles.CandleEngine;
import io.tradeloom.candles.CandlePattern;
import io.tradeloom.candles.CandlePatterns;
import io.tradeloom.candles.Detection;
import io.tradeloom.indicators.IndicatorEngine;
import io.tradeloom.indicators.signal.Reason;
import io.tradeloom.indicators.signal.Signal;
import io.tradeloom.indicators.signal.SignalEngine;
import io.tradeloom.market.MarketFeed;
import io.tradeloom.market.aggregate.BarAggregator;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.Session;
import io.tradeloom.market.scan.ScanEngine;
import io.tradeloom.market.scan.Snapshot;
import io.tradeloom.market.scan.SymbolState;
import io.tradeloom.strategy.Account;
import io.tradeloom.strategy.Bracket;
import io.tradeloom.strategy.Candidate;
import io.tradeloom.strategy.CandleSignal;
import io.tradeloom.strategy.ClientOrderIds;
import io.tradeloom.strategy.Decision;
import io.tradeloom.strategy.Evaluation;
import io.tradeloom.strategy.Position;
import io.tradeloom.strategy.SessionTime;
import io.tradeloom.strategy.SignalAction;
import io.tradeloom.strategy.Strategy;
import io.tradeloom.strategy.TechnicalSignal;

/**
 * Runs a backtest in-process on the code live trading runs: the market feed (simulated or replayed minute bars),
 * the scanner's per-symbol state and scan engine, Technical Analysis' signal engine (TA-Lib indicators), the
 * candlestick engine, the strategy's decisions and sizing, and the paper broker's validation, risk manager, fill
 * model and ledger. No HTTP and no database.
 *
 * <p><b>Time and look-ahead.</b> Bars are processed one minute at a time, every symbol's bar of that minute
 * together. First the broker matches open orders against the new bars (an order is eligible only for bars
 * starting at or after its submission), then the bars join each symbol's history, then decisions are made at the
 * bar's end ({@code time + 1 minute}) on that history alone, and their orders are submitted at that instant. So
 * a decision on bar {@code t} sees bars up to {@code t} only, and its market order fills at the open of bar
 * {@code t+1} at the earliest.
 *
 * <p><b>Determinism.</b> No clocks, no randomness, no threads: order ids come from a counter, symbols are taken in
 * a fixed order, and every price is a BigDecimal, so the same spec and bars give the same fills to the cent.
 *
 * <p>Not thread-safe; one engine per run is cheap.
 */
public final class BacktestEngine {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Bars TA-Lib's candlestick functions look back at most (their averaging periods), with a margin. */
    private static final int CANDLE_WINDOW = 32;

    private final NyseCalendar calendar;
    private final SignalEngine signals;
    private final CandleEngine candles = new CandleEngine();
    private final List<CandlePattern> patterns = CandlePatterns.all();
    private final ScanEngine scanner = new ScanEngine();

    public BacktestEngine(NyseCalendar calendar) {
        this.calendar = calendar;
        this.signals = new SignalEngine(new IndicatorEngine(calendar));
    }

    /** Listens to each decision, for tests and diagnostics. */
    public interface Observer {
        void decided(Instant at, Evaluation evaluation);
    }

    public BacktestResult run(BacktestSpec spec, MarketFeed feed) {
        return run(spec, feed, (at, e) -> { });
    }

    public BacktestResult run(BacktestSpec spec, MarketFeed feed, Observer observer) {
        long started = System.nanoTime();
        Run run = new Run(spec, observer);
        LocalDate first = NyseCalendar.dateOf(spec.start());
        LocalDate last = NyseCalendar.dateOf(spec.end());
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Session session = calendar.session(d).orElse(null);
            if (session == null) {
                continue;
            }
            // One session at a time keeps memory flat however long the backtest.
            List<Bar> bars = feed.barsCompleted(session.open(), session.close());
            run.session(session, bars);
        }
        return run.finish(Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** The state of one run. */
    private final class Run {
        final BacktestSpec spec;
        final Observer observer;
        final Strategy strategy;
        final Broker broker;
        final Set<String> symbols;
        final Map<String, SymbolState> states = new HashMap<>();
        final Map<String, History> histories = new HashMap<>();
        final Map<String, Instant> openedAt = new HashMap<>();
        /** The client id of a symbol's entry or exit order not yet done: no new decision until it is. */
        final Map<String, String> pending = new HashMap<>();
        final BarAggregator aggregator;
        final List<EquitySample> equity = new ArrayList<>();
        long bars;
        long orderIds;

        Run(BacktestSpec spec, Observer observer) {
            this.spec = spec;
            this.observer = observer;
            this.strategy = new Strategy(spec.strategy());
            this.symbols = new LinkedHashSet<>(new TreeSet<>(spec.symbols()));
            this.broker = new Broker(spec.broker(), spec.limits(), calendar, new BacktestBrokerStore(),
                    symbols::contains, () -> "o" + (++orderIds), spec.start());
            this.aggregator = spec.timeframe() == Timeframe.MIN_1 ? null : new BarAggregator(spec.timeframe(), calendar);
            for (String s : symbols) {
                states.put(s, new SymbolState(s, calendar));
                histories.put(s, new History(spec.lookbackBars()));
            }
        }

        void session(Session session, List<Bar> feedBars) {
            int i = 0;
            int n = feedBars.size();
            List<Bar> minute = new ArrayList<>();
            while (i < n) {
                Instant t = feedBars.get(i).time();
                minute.clear();
                for (; i < n && feedBars.get(i).time().equals(t); i++) {
                    Bar b = feedBars.get(i);
                    if (symbols.contains(b.symbol()) && !b.time().isBefore(spec.start()) && b.time().isBefore(spec.end())) {
                        minute.add(b);
                    }
                }
                if (!minute.isEmpty()) {
                    step(t, session, minute);
                }
            }
        }

        /** One minute: fills first, then the bars become history, then decisions at the bar's end. */
        void step(Instant t, Session session, List<Bar> minute) {
            Instant now = t.plus(MINUTE);
            for (Bar b : minute) {
                long before = broker.positionQty(b.symbol());
                broker.onBar(b, MINUTE);
                long after = broker.positionQty(b.symbol());
                if (after == 0) {
                    openedAt.remove(b.symbol());
                } else if (before == 0 || Long.signum(before) != Long.signum(after)) {
                    openedAt.put(b.symbol(), b.time());
                }
                states.get(b.symbol()).onMinuteBar(b);
                bars++;
            }
            List<Bar> decisionBars = minute;
            if (aggregator != null) {
                decisionBars = new ArrayList<>();
                for (Bar b : minute) {
                    decisionBars.addAll(aggregator.add(b));
                }
            }
            for (Bar b : decisionBars) {
                histories.get(b.symbol()).add(b);
            }
            if (!decisionBars.isEmpty()) {
                decide(now, session, decisionBars);
            }
            broker.advance(now);
            var snapshot = broker.snapshot(now);
            equity.add(new EquitySample(now, snapshot.equity(), snapshot.cash()));
        }

        void decide(Instant now, Session session, List<Bar> decisionBars) {
            Set<String> ready = new TreeSet<>();
            for (Bar b : decisionBars) {
                ready.add(b.symbol());
            }
            Set<String> candidates = ready;
            if (spec.scan() != null) {
                List<Snapshot> snapshots = new ArrayList<>();
                for (String s : ready) {
                    states.get(s).snapshot().ifPresent(snapshots::add);
                }
                candidates = new TreeSet<>();
                for (var c : scanner.scan(snapshots, spec.scan()).candidates()) {
                    candidates.add(c.symbol());
                }
                for (String s : ready) {
                    if (broker.positionQty(s) != 0) {
                        candidates.add(s); // an open position is always re-evaluated by the exit rules
                    }
                }
            }
            SessionTime time = new SessionTime(now, session.close());
            Account account = null;
            for (String symbol : candidates) {
                if (isPending(symbol)) {
                    continue;
                }
                long qty = broker.positionQty(symbol);
                if (qty == 0 && account == null) {
                    io.tradeloom.broker.Account a = broker.account(now);
                    account = new Account(a.equity(), a.buyingPower());
                }
                Evaluation e = strategy.decide(candidate(symbol, qty != 0), position(symbol, qty),
                        account == null ? new Account(BigDecimal.ZERO, null) : account, time);
                observer.decided(now, e);
                act(now, symbol, qty, e);
            }
        }

        boolean isPending(String symbol) {
            String id = pending.get(symbol);
            if (id == null) {
                return false;
            }
            boolean open = broker.orderByClientId(id).map(o -> o.status().isOpen()).orElse(false);
            if (!open) {
                pending.remove(symbol);
            }
            return open;
        }

        Candidate candidate(String symbol, boolean withPosition) {
            History h = histories.get(symbol);
            BarSeries series = h.series();
            Signal s = signals.evaluate(series, spec.signalRules());
            List<String> reasons = new ArrayList<>(s.reasons().size());
            for (Reason r : s.reasons()) {
                reasons.add(r.detail());
            }
            // As Technical Analysis reports a signal: prices to 1/10,000, the score to 4 decimals.
            TechnicalSignal signal = new TechnicalSignal(SignalAction.valueOf(s.action().name()),
                    BigDecimal.valueOf(s.score()).setScale(4, RoundingMode.HALF_UP), price(s.close()),
                    s.atr().isPresent() ? price(s.atr().getAsDouble()) : null,
                    s.suggestedStop().isPresent() ? price(s.suggestedStop().getAsDouble()) : null, reasons);
            List<CandleSignal> found = new ArrayList<>();
            // Candlestick patterns only count toward an entry on a BUY or SELL signal, or toward an exit's score:
            // on a HOLD signal without a position the strategy holds whatever they say, so they are not computed.
            if (signal.action() != SignalAction.HOLD || withPosition) {
                int lookback = Math.min(spec.strategy().candleLookbackBars(), h.size());
                BarSeries tail = h.tail(CANDLE_WINDOW);
                // Each bar is judged once, when it is among the last ones: TA-Lib's verdict on a bar depends on
                // that bar and the few before it, never on later bars, so it stays valid as the window moves.
                int unjudged = h.unjudged(lookback);
                if (unjudged > 0) {
                    int from = tail.size() - unjudged;
                    List<List<Detection>> byBar = new ArrayList<>(unjudged);
                    for (int k = 0; k < unjudged; k++) {
                        byBar.add(new ArrayList<>(2));
                    }
                    for (Detection d : candles.detect(tail, patterns, from)) {
                        byBar.get(d.index() - from).add(d);
                    }
                    h.judge(byBar);
                }
                for (int ago = lookback - 1; ago >= 0; ago--) {
                    for (Detection d : h.detections(ago)) {
                        found.add(new CandleSignal(d.pattern().id(), d.value(), ago));
                    }
                }
            }
            return new Candidate(symbol, h.lastClose(), signal, found, null, null);
        }

        Position position(String symbol, long qty) {
            if (qty == 0) {
                return null;
            }
            var p = broker.position(symbol).orElseThrow();
            return new Position(symbol, qty, p.avgEntryPrice(), openedAt.get(symbol));
        }

        void act(Instant now, String symbol, long qty, Evaluation e) {
            String cycle = "t" + now.getEpochSecond();
            try {
                if ((e.decision() == Decision.ENTER_LONG || e.decision() == Decision.ENTER_SHORT) && e.bracket().isPresent()) {
                    Bracket b = e.bracket().get();
                    String id = ClientOrderIds.of(spec.strategy().name(), cycle, symbol, "entry");
                    broker.submit(new OrderRequest(symbol, b.quantity(), null, io.tradeloom.broker.Side.valueOf(b.side().name()),
                            OrderType.MARKET, TimeInForce.DAY, null, null, null, null, false, id, OrderClass.BRACKET,
                            b.target(), b.stop(), null), now);
                    pending.put(symbol, id);
                } else if (e.decision() == Decision.EXIT && qty != 0) {
                    for (Order o : broker.openOrders()) {
                        if (o.symbol().equals(symbol) && broker.order(o.id()).map(x -> x.status().isOpen()).orElse(false)) {
                            broker.cancel(o.id(), now);
                        }
                    }
                    String id = ClientOrderIds.of(spec.strategy().name(), cycle, symbol, "exit");
                    broker.submit(OrderRequest.market(symbol, Math.abs(qty),
                            qty > 0 ? io.tradeloom.broker.Side.SELL : io.tradeloom.broker.Side.BUY, id), now);
                    pending.put(symbol, id);
                }
            } catch (BrokerException refused) {
                // The risk manager or validation refused: live trading would log it and move on; so does the backtest.
            }
        }

        BacktestResult finish(long elapsedMs) {
            List<SimFill> fills = new ArrayList<>();
            Map<String, Integer> lastFillOfOrder = new HashMap<>();
            Map<String, String> clientIds = new HashMap<>();
            for (LedgerEntry e : broker.ledger()) {
                if (e.kind() == LedgerEntry.Kind.FILL) {
                    String coid = clientIds.computeIfAbsent(e.orderId(),
                            id -> broker.order(id).map(Order::clientOrderId).orElse(id));
                    lastFillOfOrder.put(e.orderId(), fills.size());
                    fills.add(new SimFill(fills.size() + 1, e.time(), e.symbol(), e.side().wire(), e.qty(), e.price(),
                            BigDecimal.ZERO, coid));
                } else if (e.kind() == LedgerEntry.Kind.FEE && e.orderId() != null && lastFillOfOrder.containsKey(e.orderId())) {
                    int i = lastFillOfOrder.get(e.orderId());
                    SimFill f = fills.get(i);
                    fills.set(i, new SimFill(f.seq(), f.time(), f.symbol(), f.side(), f.qty(), f.price(),
                            f.commission().add(e.amount().negate()), f.clientOrderId()));
                }
            }
            BigDecimal finalEquity = equity.isEmpty() ? spec.broker().startingCash() : equity.getLast().equity();
            return new BacktestResult(fills, equity, bars, finalEquity, elapsedMs);
        }
    }

    private static BigDecimal price(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
    }

    /** A symbol's latest decision bars, as column arrays for TA-Lib, in a ring, with the candlestick verdicts on them. */
    static final class History {
        private final Bar[] ring;
        private final List<?>[] detections;
        private final boolean[] judged;
        private int start;
        private int size;

        History(int capacity) {
            this.ring = new Bar[capacity];
            this.detections = new List<?>[capacity];
            this.judged = new boolean[capacity];
        }

        int size() {
            return size;
        }

        void add(Bar b) {
            int slot;
            if (size < ring.length) {
                slot = (start + size++) % ring.length;
            } else {
                slot = start;
                start = (start + 1) % ring.length;
            }
            ring[slot] = b;
            detections[slot] = null;
            judged[slot] = false;
        }

        private int slot(int ago) {
            return (start + size - 1 - ago) % ring.length;
        }

        /** How many of the last {@code n} bars have no candlestick verdict yet (they are always the latest ones). */
        int unjudged(int n) {
            int k = 0;
            while (k < n && !judged[slot(k)]) {
                k++;
            }
            return k;
        }

        /** Records the verdicts on the last {@code byBar.size()} bars, oldest first. */
        void judge(List<List<Detection>> byBar) {
            for (int i = 0; i < byBar.size(); i++) {
                int s = slot(byBar.size() - 1 - i);
                detections[s] = byBar.get(i);
                judged[s] = true;
            }
        }

        @SuppressWarnings("unchecked")
        List<Detection> detections(int ago) {
            return (List<Detection>) detections[slot(ago)];
        }

        BigDecimal lastClose() {
            return ring[slot(0)].close();
        }

        BarSeries series() {
            return tail(size);
        }

        BarSeries tail(int n) {
            int k = Math.min(n, size);
            Instant[] time = new Instant[k];
            double[] open = new double[k];
            double[] high = new double[k];
            double[] low = new double[k];
            double[] close = new double[k];
            double[] volume = new double[k];
            for (int i = 0; i < k; i++) {
                Bar b = ring[slot(k - 1 - i)];
                time[i] = b.time();
                open[i] = b.open().doubleValue();
                high[i] = b.high().doubleValue();
                low[i] = b.low().doubleValue();
                close[i] = b.close().doubleValue();
                volume[i] = b.volume();
            }
            return new BarSeries(time, open, high, low, close, volume);
        }
    }
}
