package io.tradeloom.scanner.source;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradeloom.market.MarketFeed;
import io.tradeloom.market.aggregate.BarAggregator;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.NewsEvent;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.sim.SimSession;
import io.tradeloom.market.sim.SimSymbol;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.market.sim.SimulatedMarket;
import io.tradeloom.platform.ConfigurationException;

/** The embedded simulated market (MARKET_DATA=sim). */
public final class SimSource implements MarketSource {

    private final SimulatedMarket market;
    private final NyseCalendar calendar;
    private final Map<String, String> universe = new LinkedHashMap<>();

    public SimSource(MarketDataSettings settings, NyseCalendar calendar, LocalDate firstSession) {
        List<SimSymbol> symbols = universe(settings);
        this.market = new SimulatedMarket(settings.simSeed(), symbols, calendar, firstSession);
        this.calendar = calendar;
        symbols.forEach(s -> universe.put(s.symbol(), s.name()));
    }

    private static List<SimSymbol> universe(MarketDataSettings settings) {
        if (settings.simUniverse().isEmpty()) {
            return SimUniverse.defaults();
        }
        try {
            return SimUniverse.read(settings.simUniverse().get());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("SIM_UNIVERSE " + settings.simUniverse().get() + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public MarketFeed feed() {
        return market;
    }

    @Override
    public Map<String, String> universe() {
        return Map.copyOf(universe);
    }

    @Override
    public List<Quote> quotes(Instant now) {
        List<Quote> quotes = new ArrayList<>(universe.size());
        for (String symbol : universe.keySet()) {
            market.quote(symbol, now).ifPresent(quotes::add);
        }
        return quotes;
    }

    @Override
    public List<NewsEvent> news(Instant after, Instant upTo) {
        return market.news(after, upTo);
    }

    @Override
    public List<Bar> dailyHistory(Instant from, Instant to) {
        List<Bar> daily = new ArrayList<>();
        LocalDate day = NyseCalendar.dateOf(from);
        if (!calendar.isTradingDay(day) || calendar.session(day).orElseThrow().open().isBefore(from)) {
            day = calendar.nextTradingDay(day);
        }
        for (; calendar.session(day).orElseThrow().open().isBefore(to); day = calendar.nextTradingDay(day)) {
            if (day.isBefore(market.firstSession())) {
                continue;
            }
            SimSession session = market.session(day);
            for (String symbol : universe.keySet()) {
                daily.addAll(BarAggregator.aggregate(session.bars(symbol), Timeframe.DAY_1, calendar));
            }
        }
        return daily;
    }
}
