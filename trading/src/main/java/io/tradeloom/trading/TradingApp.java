package io.tradeloom.trading;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.broker.Broker;
import io.tradeloom.broker.BrokerException;
import io.tradeloom.db.market.MarketClockStore;
import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.trading.engine.MarketLoop;
import io.tradeloom.trading.engine.OrderDesk;
import io.tradeloom.trading.engine.SharedMarketClock;
import io.tradeloom.trading.engine.SubmitBatcher;
import io.tradeloom.trading.http.AccountService;
import io.tradeloom.trading.http.ApiAuth;
import io.tradeloom.trading.http.BrokerErrors;
import io.tradeloom.trading.http.ClockService;
import io.tradeloom.trading.http.OrdersService;
import io.tradeloom.trading.http.PositionsService;
import io.tradeloom.trading.http.RiskService;
import io.tradeloom.trading.store.JooqBrokerStore;
import io.tradeloom.trading.store.MarketReads;

import io.tradeloom.trading.alpaca.AlpacaDesk;
import io.tradeloom.trading.alpaca.AlpacaTradingClient;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The paper trading service put together: the broker engine recovered from the database, the market loop feeding it,
 * the order desk (paper or Alpaca) and the HTTP services.
 */
public final class TradingApp {

    private static final Logger LOG = Logger.getLogger(TradingApp.class.getName());

    private final TradingSettings settings;
    private final MarketClock clock;
    private final JooqBrokerStore store;
    private final Broker broker;
    private final MarketLoop loop;
    private final OrderDesk desk;

    private TradingApp(TradingSettings settings, MarketClock clock, JooqBrokerStore store, Broker broker,
                       MarketLoop loop, OrderDesk desk) {
        this.settings = settings;
        this.clock = clock;
        this.store = store;
        this.broker = broker;
        this.loop = loop;
        this.desk = desk;
    }

    /** Recovers the account from the database; the market loop is built but not started. */
    public static TradingApp create(ServiceContext context) {
        TradingSettings settings = TradingSettings.from(context.settings().config());
        NyseCalendar calendar = new NyseCalendar();
        MarketClock clock = new SharedMarketClock(new MarketClockStore(context.db(), context.clock()),
                context.clock(), calendar);
        JooqBrokerStore store = new JooqBrokerStore(context.db());
        MarketReads reads = new MarketReads(context.db());
        MarketLoop.KnownSymbols symbols = new MarketLoop.KnownSymbols(reads);
        Broker broker = new Broker(settings.broker(), settings.risk(), calendar, store, symbols, clock.now());
        MarketLoop loop = new MarketLoop(broker, reads, clock, symbols);
        context.lifecycle().onStop(loop);
        OrderDesk desk;
        if (settings.mode() == TradingSettings.Mode.ALPACA) {
            AlpacaDesk alpaca = new AlpacaDesk(broker, new AlpacaTradingClient(settings.alpacaTradingUrl(),
                    settings.alpacaKeyId(), settings.alpacaSecret()));
            try {
                List<String> differ = alpaca.reconcile(clock.now());
                LOG.info(() -> "reconciled with Alpaca; positions that differ: " + differ);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not reconcile with Alpaca at start (will keep syncing): " + e.getMessage());
            }
            loop.afterTick(alpaca::sync);
            desk = alpaca;
        } else {
            SubmitBatcher batcher = new SubmitBatcher(broker, clock::now);
            context.lifecycle().onStop(batcher);
            desk = new OrderDesk.Paper(broker, batcher);
        }
        LOG.info(() -> "paper trading: " + settings.mode().name().toLowerCase(java.util.Locale.ROOT) + " broker, "
                + broker.openOrders().size() + " open orders and " + broker.positions().size()
                + " positions recovered, risk " + broker.risk().state());
        return new TradingApp(settings, clock, store, broker, loop, desk);
    }

    public TradingApp startLoop() {
        loop.start(settings.poll());
        return this;
    }

    public void routing(HttpRouting.Builder routing) {
        OrdersService orders = new OrdersService(desk, clock);
        routing.addFilter(new ApiAuth(settings.apiKeyId(), settings.apiSecretKey(), settings.apiToken()))
                .error(BrokerException.class, BrokerErrors::handle)
                .get("/v2/orders:by_client_order_id", orders::byClientOrderId)
                .register("/v2/orders", orders)
                .register("/v2/positions", new PositionsService(desk, clock))
                .register("/v2/account", new AccountService(broker, store, clock))
                .register("/v2/clock", new ClockService(clock))
                .register("/api/risk", new RiskService(broker, clock));
    }

    public Broker broker() {
        return broker;
    }

    public OrderDesk desk() {
        return desk;
    }

    public MarketLoop loop() {
        return loop;
    }

    public MarketClock clock() {
        return clock;
    }
}
