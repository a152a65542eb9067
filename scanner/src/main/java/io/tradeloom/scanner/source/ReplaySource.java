package io.tradeloom.scanner.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tradeloom.market.MarketFeed;
import io.tradeloom.market.aggregate.BarAggregator;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.NewsEvent;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.replay.CsvBarLoader;
import io.tradeloom.market.replay.ReplayDataException;
import io.tradeloom.market.replay.ReplayMarket;
import io.tradeloom.platform.ConfigurationException;

/**
 * Historical one-minute bars from CSV files (MARKET_DATA=replay), replayed on the clock. Replay
 * files carry no quotes: each symbol's quote is made up around its last close with a fixed spread.
 */
public final class ReplaySource implements MarketSource {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final ReplayMarket market;
    private final Map<String, List<Bar>> bars;
    private final NyseCalendar calendar;
    private final BigDecimal halfSpread;

    public ReplaySource(MarketDataSettings settings, NyseCalendar calendar) {
        Map<CsvBarLoader.Series, List<Bar>> loaded;
        try {
            loaded = CsvBarLoader.loadDirectory(settings.replayDir());
        } catch (ReplayDataException e) {
            throw new ConfigurationException("replay data rejected: " + e.getMessage());
        } catch (java.io.IOException e) {
            throw new ConfigurationException("REPLAY_DIR " + settings.replayDir() + " cannot be read: " + e.getMessage());
        }
        this.bars = loaded.entrySet().stream()
                .filter(e -> e.getKey().timeframe() == Timeframe.MIN_1)
                .collect(Collectors.toMap(e -> e.getKey().symbol(), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        if (bars.isEmpty()) {
            throw new ConfigurationException("REPLAY_DIR " + settings.replayDir().toAbsolutePath()
                    + " holds no <SYMBOL>_1Min.csv files; see market/README.md for the format");
        }
        this.market = new ReplayMarket(Timeframe.MIN_1, calendar, bars);
        this.calendar = calendar;
        this.halfSpread = BigDecimal.valueOf(settings.replaySpreadBps(), 4);
    }

    /** The open of the session holding the first replayed bar: where a new replay clock starts. */
    public Instant firstOpen() {
        return calendar.latestOpen(market.firstTime().orElseThrow());
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public MarketFeed feed() {
        return market;
    }

    @Override
    public Map<String, String> universe() {
        Map<String, String> names = new LinkedHashMap<>();
        bars.keySet().forEach(s -> names.put(s, s));
        return names;
    }

    @Override
    public List<Quote> quotes(Instant now) {
        List<Quote> quotes = new ArrayList<>();
        for (String symbol : bars.keySet()) {
            List<Bar> recent = market.bars(symbol, now.minus(Duration.ofDays(5)), now.minus(Duration.ofMinutes(1)));
            if (!recent.isEmpty()) {
                Bar last = recent.getLast();
                BigDecimal close = last.close();
                BigDecimal bid = close.subtract(close.multiply(halfSpread)).setScale(2, RoundingMode.DOWN);
                BigDecimal ask = close.add(close.multiply(halfSpread)).setScale(2, RoundingMode.UP);
                if (ask.compareTo(bid) <= 0) {
                    ask = bid.add(CENT);
                }
                quotes.add(new Quote(symbol, last.time().plus(Duration.ofMinutes(1)), bid, ask, 100, 100));
            }
        }
        return quotes;
    }

    @Override
    public List<NewsEvent> news(Instant after, Instant upTo) {
        return List.of();
    }

    @Override
    public List<Bar> dailyHistory(Instant from, Instant to) {
        List<Bar> daily = new ArrayList<>();
        for (String symbol : bars.keySet()) {
            daily.addAll(BarAggregator.aggregate(market.bars(symbol, from, to), Timeframe.DAY_1, calendar));
        }
        return daily;
    }
}
