package io.tradeloom.market.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tradeloom.market.bar.NewsEvent;
import io.tradeloom.market.clock.Session;

/**
 * The simulator's equations (documented with their parameters on {@link SimulatedMarket}): generates one session
 * from the state at the previous close. Every random draw comes from a stream seeded by (seed, symbol or market,
 * session date) and is taken in a fixed order, so a session depends only on the seed, the universe entry and the
 * state it starts from.
 */
final class MarketModel {

    static final double MARKET_DAILY_VOL = 0.011;
    static final double OVERNIGHT_SHARE = 0.2;
    static final double TAIL_DF = 5;
    static final double REGIME_PERSISTENCE = 0.85;
    static final double REGIME_STD = 0.25;
    static final double IDIO_FLOOR = 0.25;
    static final double VOL_OPEN = 1.2;
    static final double VOL_OPEN_DECAY = 12;
    static final double VOL_CLOSE = 0.4;
    static final double VOL_CLOSE_DECAY = 12;
    static final double VOLUME_OPEN = 3.0;
    static final double VOLUME_OPEN_DECAY = 15;
    static final double VOLUME_CLOSE = 2.0;
    static final double VOLUME_CLOSE_DECAY = 10;
    static final double VOLUME_NOISE = 0.3;
    static final double NEWS_RATE = 0.2;
    /** E[(1 + 0.5 E)^2] for E exponential(1): a news jump's mean square in units of the idiosyncratic vol. */
    static final double NEWS_JUMP_MEAN_SQUARE = 2.5;
    static final double NEWS_VOL_BOOST = 1.0;
    static final double NEWS_VOL_DECAY = 20;
    static final double NEWS_VOLUME_BOOST = 8.0;
    static final double NEWS_VOLUME_DECAY = 10;
    static final double SPREAD_FLOOR_BPS = 0.3;
    static final double SPREAD_LIQUIDITY_BPS = 2.5;
    static final double SPREAD_PER_VOL = 0.1;
    static final List<String> NEWS_KINDS =
            List.of("earnings", "guidance", "analyst_rating", "product", "legal", "management", "deal");

    private static final int REGULAR_MINUTES = 390;
    private static final String MARKET_STREAM = "^MARKET"; // '^' is not a ticker character: no clash

    /** What carries from one session to the next: unrounded closes and log-volatility regimes. */
    record State(double[] close, double[] regime, double marketRegime) {
    }

    private final long seed;
    private final List<SimSymbol> universe;
    private final List<String> symbols;
    private final Map<String, Integer> index;
    private final double[] idioVol;
    private final double regularVolumeWeight = sum(volumeProfile(REGULAR_MINUTES));

    MarketModel(long seed, List<SimSymbol> universe) {
        this.seed = seed;
        this.universe = universe;
        this.symbols = universe.stream().map(SimSymbol::symbol).toList();
        this.index = new HashMap<>();
        this.idioVol = new double[universe.size()];
        for (int s = 0; s < universe.size(); s++) {
            SimSymbol u = universe.get(s);
            if (index.put(u.symbol(), s) != null) {
                throw new IllegalArgumentException("duplicate symbol " + u.symbol());
            }
            double systematic = u.beta() * MARKET_DAILY_VOL;
            idioVol[s] = Math.sqrt(Math.max(u.dailyVol() * u.dailyVol() - systematic * systematic,
                    IDIO_FLOOR * IDIO_FLOOR * u.dailyVol() * u.dailyVol()));
        }
    }

    List<String> symbols() {
        return symbols;
    }

    State initialState() {
        double[] close = universe.stream().mapToDouble(u -> u.price().doubleValue()).toArray();
        return new State(close, new double[universe.size()], 0);
    }

    record Generated(SimSession session, State end) {
    }

    Generated generate(Session session, State start) {
        int minutes = session.minutes();
        long day = session.date().toEpochDay();
        double[] volProfile = volatilityProfile(minutes);
        double[] volumeShare = volumeProfile(minutes);
        for (int m = 0; m < minutes; m++) {
            volumeShare[m] /= regularVolumeWeight;
        }
        double intradayScale = Math.sqrt((1 - OVERNIGHT_SHARE) / REGULAR_MINUTES);
        // News takes its share of the idiosyncratic variance, so daily_vol stays the total daily volatility.
        double idioIntradayScale =
                Math.sqrt((1 - OVERNIGHT_SHARE - NEWS_RATE * NEWS_JUMP_MEAN_SQUARE) / REGULAR_MINUTES);
        double overnightScale = Math.sqrt(OVERNIGHT_SHARE);

        Rng market = new Rng(Rng.streamSeed(seed, MARKET_STREAM, day));
        double marketRegime = nextRegime(start.marketRegime(), market);
        double marketMultiplier = StrictMath.exp(marketRegime - REGIME_STD * REGIME_STD);
        double marketGap = MARKET_DAILY_VOL * overnightScale * marketMultiplier * market.nextUnitStudentT(TAIL_DF);
        double factorVol = MARKET_DAILY_VOL * intradayScale * marketMultiplier;
        double[] factor = new double[minutes];
        for (int m = 0; m < minutes; m++) {
            factor[m] = factorVol * volProfile[m] * market.nextUnitStudentT(TAIL_DF);
        }

        List<NewsEvent> news = new ArrayList<>();
        SimSession out = new SimSession(session, symbols, index, news);
        double[] endClose = new double[symbols.size()];
        double[] endRegime = new double[symbols.size()];
        double[] jump = new double[minutes];
        double[] volBoost = new double[minutes];
        double[] volumeBoost = new double[minutes];
        for (int s = 0; s < symbols.size(); s++) {
            SimSymbol u = universe.get(s);
            Rng rng = new Rng(Rng.streamSeed(seed, u.symbol(), day));
            double regime = nextRegime(start.regime()[s], rng);
            double multiplier = StrictMath.exp(regime - REGIME_STD * REGIME_STD);
            double gap = u.beta() * marketGap
                    + idioVol[s] * overnightScale * multiplier * rng.nextUnitStudentT(TAIL_DF);

            Arrays.fill(jump, 0);
            Arrays.fill(volBoost, 1);
            Arrays.fill(volumeBoost, 1);
            int count = rng.nextPoisson(NEWS_RATE);
            for (int n = 0; n < count; n++) {
                int at = rng.nextInt(minutes);
                double sign = rng.nextDouble() < 0.5 ? -1 : 1;
                double size = sign * idioVol[s] * (1 + 0.5 * rng.nextExponential());
                String kind = NEWS_KINDS.get(rng.nextInt(NEWS_KINDS.size()));
                jump[at] += size;
                for (int m = at; m < minutes; m++) {
                    volBoost[m] += NEWS_VOL_BOOST * StrictMath.exp(-(m - at) / NEWS_VOL_DECAY);
                    volumeBoost[m] += NEWS_VOLUME_BOOST * StrictMath.exp(-(m - at) / NEWS_VOLUME_DECAY);
                }
                news.add(new NewsEvent(u.symbol(), out.minuteStart(at),
                        new BigDecimal(StrictMath.expm1(size)).setScale(4, RoundingMode.HALF_UP), kind));
            }

            double idioMinuteVol = idioVol[s] * idioIntradayScale * multiplier;
            double liquidity = Math.sqrt(u.avgVolume() / 1e6);
            double spreadFloorBps = SPREAD_FLOOR_BPS + SPREAD_LIQUIDITY_BPS / liquidity;
            double price = start.close()[s] * StrictMath.exp(gap);
            for (int m = 0, i = s * minutes; m < minutes; m++, i++) {
                double shock = rng.nextUnitStudentT(TAIL_DF);
                double idio = idioMinuteVol * volProfile[m] * volBoost[m];
                double systematic = u.beta() * factor[m];
                double logReturn = systematic + idio * shock + jump[m];
                double variance = u.beta() * u.beta() * factorVol * factorVol * volProfile[m] * volProfile[m]
                        + idio * idio;
                // Extremes of a Brownian bridge from 0 to logReturn with this variance (exact inverse CDFs).
                double up = (logReturn + Math.sqrt(logReturn * logReturn
                        - 2 * variance * StrictMath.log(rng.nextOpenUnit()))) / 2;
                double down = (logReturn - Math.sqrt(logReturn * logReturn
                        - 2 * variance * StrictMath.log(rng.nextOpenUnit()))) / 2;
                double next = price * StrictMath.exp(logReturn);
                int o = cents(price);
                int c = cents(next);
                out.open[i] = o;
                out.close[i] = c;
                out.high[i] = Math.max(cents(price * StrictMath.exp(up)), Math.max(o, c));
                out.low[i] = Math.min(cents(price * StrictMath.exp(down)), Math.min(o, c));
                out.volume[i] = Math.max(1, Math.round(u.avgVolume() * volumeShare[m] * multiplier
                        * volumeBoost[m] * (0.7 + 0.4 * Math.abs(shock))
                        * StrictMath.exp(VOLUME_NOISE * rng.nextGaussian() - VOLUME_NOISE * VOLUME_NOISE / 2)));
                double halfSpread = next * (spreadFloorBps + SPREAD_PER_VOL * Math.sqrt(variance) * 1e4) / 2e4;
                int bid = Math.max(1, (int) Math.floor((next - halfSpread) * 100));
                out.bid[i] = bid;
                out.ask[i] = Math.max(bid + 1, (int) Math.ceil((next + halfSpread) * 100));
                out.bidSize[i] = 100 * (1 + (int) (rng.nextExponential() * liquidity));
                out.askSize[i] = 100 * (1 + (int) (rng.nextExponential() * liquidity));
                price = next;
            }
            endClose[s] = price;
            endRegime[s] = regime;
        }
        news.sort(Comparator.comparing(NewsEvent::time).thenComparing(e -> index.get(e.symbol())));
        return new Generated(out, new State(endClose, endRegime, marketRegime));
    }

    /** AR(1) in the log-volatility multiplier: persistent calm and stormy days. */
    private static double nextRegime(double previous, Rng rng) {
        return REGIME_PERSISTENCE * previous
                + Math.sqrt(1 - REGIME_PERSISTENCE * REGIME_PERSISTENCE) * REGIME_STD * rng.nextGaussian();
    }

    /** Volatility multiplier per minute, high after the open and before the close, mean square 1. */
    static double[] volatilityProfile(int minutes) {
        double[] profile = new double[minutes];
        double sumSquares = 0;
        for (int m = 0; m < minutes; m++) {
            profile[m] = 1 + VOL_OPEN * StrictMath.exp(-m / VOL_OPEN_DECAY)
                    + VOL_CLOSE * StrictMath.exp(-(minutes - 1 - m) / VOL_CLOSE_DECAY);
            sumSquares += profile[m] * profile[m];
        }
        double norm = Math.sqrt(sumSquares / minutes);
        for (int m = 0; m < minutes; m++) {
            profile[m] /= norm;
        }
        return profile;
    }

    /** Relative volume per minute: the U shape (not normalised). */
    static double[] volumeProfile(int minutes) {
        double[] profile = new double[minutes];
        for (int m = 0; m < minutes; m++) {
            profile[m] = 1 + VOLUME_OPEN * StrictMath.exp(-m / VOLUME_OPEN_DECAY)
                    + VOLUME_CLOSE * StrictMath.exp(-(minutes - 1 - m) / VOLUME_CLOSE_DECAY);
        }
        return profile;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    /** Price to cents, half up, at least one cent. */
    private static int cents(double price) {
        return (int) Math.max(1, Math.round(price * 100));
    }
}
