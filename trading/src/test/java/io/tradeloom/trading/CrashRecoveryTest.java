package io.tradeloom.trading;

import io.tradeloom.broker.LedgerEntry;
import io.tradeloom.broker.Order;
import io.tradeloom.broker.OrderStatus;
import io.tradeloom.broker.Portfolio;
import io.tradeloom.db.market.MarketClockStore;
import io.tradeloom.db.market.QuoteStore;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.clock.MarketClock;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.testkit.TestContexts;
import io.tradeloom.trading.store.JooqBrokerStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the service's process (SIGKILL) while orders are being submitted and filled, restarts it, and checks that
 * every acknowledged order is there, no fill is doubled, cash and positions are the ledger replayed, and the open
 * orders keep working.
 */
class CrashRecoveryTest {

    private static final ServiceContext PARENT = TestContexts.context(ServiceId.TRADING, "crash", Map.of());
    private static final String[] SYMBOLS = {"AAPL", "MSFT", "TSLA"};
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterAll
    static void close() {
        TestContexts.close(PARENT);
    }

    @Test
    void aKilledServiceLosesNoAcceptedOrderAndDoublesNoFill() throws Exception {
        Market.open(PARENT);
        MarketClock clock = new MarketClockStore(PARENT.db(), Clock.systemUTC()).load().orElseThrow()
                .clock(new NyseCalendar(), Clock.systemUTC());
        writeQuotes(clock, new Random(1));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 3; round++) {
            Process child = start();
            int port = port(child);
            AtomicBoolean stop = new AtomicBoolean();
            Thread quotes = Thread.ofVirtual().start(() -> {
                Random rnd = new Random();
                while (!stop.get()) {
                    writeQuotes(clock, rnd);
                    sleep(5);
                }
            });
            int before = acknowledged.size();
            Thread orders = Thread.ofVirtual().start(() -> submitUntilDead(port, acknowledged, stop));
            // A fresh JVM on a loaded machine takes a while over its first order: kill only once it is working.
            long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() == before && System.nanoTime() < warm) {
                sleep(20);
            }
            sleep(500 + new Random().nextInt(1500));
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);   // SIGKILL: no shutdown hook runs
            stop.set(true);
            quotes.join();
            orders.join();
            checkConsistent(acknowledged);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(3);

        // After the last crash: a restarted service finishes the market orders that were still open.
        Process child = start();
        try {
            port(child);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (openMarketOrders() > 0 && System.nanoTime() < deadline) {
                writeQuotes(clock, new Random());
                sleep(50);
            }
            assertThat(openMarketOrders()).isZero();
            checkConsistent(acknowledged);
            assertThat(new JooqBrokerStore(PARENT.db()).load().ledger())
                    .anyMatch(e -> e.kind() == LedgerEntry.Kind.FILL);
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long openMarketOrders() {
        return new JooqBrokerStore(PARENT.db()).load().orders().stream()
                .filter(o -> o.status().isOpen() && o.type() == io.tradeloom.broker.OrderType.MARKET).count();
    }

    private static void checkConsistent(Set<String> acknowledged) {
        JooqBrokerStore store = new JooqBrokerStore(PARENT.db());
        var state = store.load();
        Map<String, Order> byClient = new HashMap<>();
        for (Order o : state.orders()) {
            byClient.put(o.clientOrderId(), o);
        }
        assertThat(byClient.keySet()).containsAll(acknowledged);
        Map<String, Long> filled = new HashMap<>();
        for (LedgerEntry e : state.ledger()) {
            if (e.kind() == LedgerEntry.Kind.FILL) {
                filled.merge(e.orderId(), e.qty(), Long::sum);
                assertThat(e.cumQty()).isEqualTo(filled.get(e.orderId()));
            }
        }
        for (Order o : state.orders()) {
            assertThat(o.filledQty()).as(o.clientOrderId()).isEqualTo(filled.getOrDefault(o.id(), 0L));
            assertThat(o.filledQty()).isLessThanOrEqualTo(o.qty());
            if (o.status() == OrderStatus.FILLED) {
                assertThat(o.filledQty()).isEqualTo(o.qty());
            }
        }
        Portfolio replayed = Portfolio.replay(state.ledger());
        BigDecimal cash = state.ledger().stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(replayed.cash()).isEqualByComparingTo(cash);
    }

    private static void submitUntilDead(int port, Set<String> acknowledged, AtomicBoolean stop) {
        Random rnd = new Random();
        int n = 0;
        while (!stop.get()) {
            String clientId = "crash-" + System.nanoTime() + "-" + n++;
            String symbol = SYMBOLS[rnd.nextInt(SYMBOLS.length)];
            String side = rnd.nextBoolean() ? "buy" : "sell";
            String body = rnd.nextBoolean()
                    ? "{\"symbol\":\"" + symbol + "\",\"qty\":\"" + (1 + rnd.nextInt(5)) + "\",\"side\":\"" + side
                    + "\",\"type\":\"market\",\"time_in_force\":\"gtc\",\"client_order_id\":\"" + clientId + "\"}"
                    : "{\"symbol\":\"" + symbol + "\",\"qty\":\"" + (1 + rnd.nextInt(5)) + "\",\"side\":\"" + side
                    + "\",\"type\":\"limit\",\"limit_price\":\"" + (95 + rnd.nextInt(10))
                    + "\",\"time_in_force\":\"gtc\",\"client_order_id\":\"" + clientId + "\"}";
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/orders"))
                        .timeout(Duration.ofSeconds(5))
                        .header("APCA-API-KEY-ID", Api.KEY).header("APCA-API-SECRET-KEY", Api.SECRET)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    acknowledged.add(clientId);
                }
            } catch (Exception dead) {
                return;
            }
        }
    }

    private static void writeQuotes(MarketClock clock, Random rnd) {
        List<Quote> quotes = new java.util.ArrayList<>();
        for (String s : SYMBOLS) {
            BigDecimal bid = BigDecimal.valueOf(9500 + rnd.nextInt(1000), 2);
            quotes.add(new Quote(s, clock.now(), bid, bid.add(new BigDecimal("0.02")), 100, 100));
        }
        PARENT.db().write("test.quotes", ctx -> {
            QuoteStore.upsert(ctx, quotes);
            return null;
        });
    }

    private static Process start() throws Exception {
        Path db = PARENT.db().path();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), CrashChild.class.getName(), db.toString(),
                db.getParent().resolve("logs").toString())
                .redirectErrorStream(true).start();
    }

    private static int port(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                int port = Integer.parseInt(line.substring(5).trim());
                Thread.ofVirtual().start(() -> drain(out));
                return port;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child exited before serving:\n" + seen);
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the pipe from filling up
            }
        } catch (java.io.IOException ignored) {
            // the child died
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
