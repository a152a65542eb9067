package io.tradeloom.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The trading strategy: from a candidate's inputs to a decision, a risk-based size and a bracket; and the exit
 * rules for open positions. Pure and deterministic (BigDecimal throughout): live cycles and backtests call this
 * same code. The rules and the default values' rationale are in docs/strategy.md.
 */
public final class Strategy {

    private static final int SCORE_SCALE = 4;
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal TWO_HUNDRED = new BigDecimal("200");
    private static final BigDecimal ONE_DOLLAR = BigDecimal.ONE;

    private final StrategyConfig config;

    public Strategy(StrategyConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public StrategyConfig config() {
        return config;
    }

    /**
     * The decision for one symbol: the exit rules when {@code open} is a position in it, the entry rules otherwise.
     *
     * @param open the open position in the candidate's symbol, or {@code null}
     */
    public Evaluation decide(Candidate candidate, Position open, Account account, SessionTime time) {
        if (open != null) {
            if (!open.symbol().equals(candidate.symbol())) {
                throw new IllegalArgumentException("position in " + open.symbol() + " given for " + candidate.symbol());
            }
            return exit(candidate, open, time);
        }
        return entry(candidate, account, time);
    }

    /** The four inputs scored in [-1, 1], missing ones neutral (0). */
    public Evaluation.Components components(Candidate c) {
        BigDecimal technical = c.signal() == null ? BigDecimal.ZERO : clamp(c.signal().score());
        BigDecimal candles = BigDecimal.ZERO;
        for (CandleSignal s : c.candles()) {
            if (s.barsAgo() < config.candleLookbackBars() && !config.neutralPatterns().contains(s.pattern())) {
                // +-100 counts half, a confirmed +-200 fully: two agreeing patterns saturate the score.
                candles = candles.add(BigDecimal.valueOf(s.value()).divide(TWO_HUNDRED, SCORE_SCALE, RoundingMode.HALF_EVEN));
            }
        }
        return new Evaluation.Components(scale(technical), scale(clamp(candles)),
                scale(clamp(orZero(c.chartBias()))), scale(clamp(orZero(c.sentiment()))));
    }

    /** The weighted mean of the components, to 4 decimals. */
    public BigDecimal composite(Evaluation.Components x) {
        BigDecimal weights = config.weightTechnical().add(config.weightCandles()).add(config.weightChart()).add(config.weightSentiment());
        BigDecimal sum = config.weightTechnical().multiply(x.technical())
                .add(config.weightCandles().multiply(x.candles()))
                .add(config.weightChart().multiply(x.chart()))
                .add(config.weightSentiment().multiply(x.sentiment()));
        return sum.divide(weights, SCORE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The entry rules for a symbol without an open position. */
    public Evaluation entry(Candidate c, Account account, SessionTime time) {
        Evaluation.Components x = components(c);
        BigDecimal score = composite(x);
        List<String> reasons = new ArrayList<>();
        TechnicalSignal signal = c.signal();
        if (signal == null) {
            reasons.add("no technical signal: no entry without one");
            return hold(c, null, x, reasons);
        }
        long toClose = time.minutesToClose();
        if (toClose < config.noEntryMinutesBeforeClose()) {
            reasons.add(toClose + " minutes to the close: no entries within " + config.noEntryMinutesBeforeClose());
            return hold(c, score, x, reasons);
        }
        int s;
        switch (signal.action()) {
            case BUY -> s = 1;
            case SELL -> {
                if (!config.allowShort()) {
                    reasons.add("technical signal SELL (score " + x.technical() + ") but short selling is disabled");
                    return hold(c, score, x, reasons);
                }
                s = -1;
            }
            default -> {
                reasons.add("technical signal HOLD (score " + x.technical() + ")");
                return hold(c, score, x, reasons);
            }
        }
        String dir = s > 0 ? "long" : "short";
        reasons.add("technical signal " + signal.action() + " (score " + x.technical() + ")");
        BigDecimal directed = score.multiply(BigDecimal.valueOf(s));
        if (directed.compareTo(config.entryThreshold()) < 0) {
            reasons.add("composite score " + score + " does not reach the " + dir + " entry threshold "
                    + (s > 0 ? "" : "-") + config.entryThreshold().toPlainString());
            return hold(c, score, x, reasons);
        }
        reasons.add("composite score " + score + " (technical " + x.technical() + ", candles " + x.candles()
                + ", chart " + x.chart() + ", sentiment " + x.sentiment() + ") reaches the " + dir + " entry threshold");

        List<String> vetoes = new ArrayList<>();
        List<String> confirmations = new ArrayList<>();
        BigDecimal sign = BigDecimal.valueOf(s);
        BigDecimal veto = config.vetoLevel().negate();
        check("candles", x.candles().multiply(sign), BigDecimal.ZERO, false, veto, vetoes, confirmations);
        check("chart", x.chart().multiply(sign), config.confirmationLevel(), true, veto, vetoes, confirmations);
        check("sentiment", x.sentiment().multiply(sign), config.confirmationLevel(), true, veto, vetoes, confirmations);
        if (!vetoes.isEmpty()) {
            reasons.add(String.join(", ", vetoes) + " against a " + dir + " entry (veto at " + config.vetoLevel().toPlainString() + ")");
            return hold(c, score, x, reasons);
        }
        if (confirmations.size() < config.requiredConfirmations()) {
            reasons.add(confirmations.size() + " confirmation(s)" + (confirmations.isEmpty() ? "" : " (" + String.join(", ", confirmations) + ")")
                    + ", " + config.requiredConfirmations() + " required");
            return hold(c, score, x, reasons);
        }
        if (!confirmations.isEmpty()) {
            reasons.add("confirmed by " + String.join(", ", confirmations));
        }

        if (signal.suggestedStop() == null) {
            reasons.add("no ATR stop in the technical signal: no size can be computed");
            return hold(c, score, x, reasons);
        }
        BigDecimal distance = signal.close().subtract(signal.suggestedStop()).abs();
        BigDecimal entry = tick(c.referencePrice());
        BigDecimal stop = tick(entry.subtract(distance.multiply(sign)));
        BigDecimal target = tick(entry.add(distance.multiply(config.rewardMultiple()).multiply(sign)));
        BigDecimal perShare = entry.subtract(stop).abs();
        if (distance.signum() == 0 || perShare.signum() == 0 || stop.signum() <= 0 || target.signum() <= 0) {
            reasons.add("the stop distance " + distance.toPlainString() + " gives no usable bracket at " + entry.toPlainString());
            return hold(c, score, x, reasons);
        }

        BigDecimal equity = account.equity();
        BigDecimal budget = equity.multiply(config.riskPercent()).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
        long quantity = budget.signum() <= 0 ? 0 : budget.divide(perShare, 0, RoundingMode.FLOOR).longValueExact();
        reasons.add("size: " + config.riskPercent().toPlainString() + "% of equity " + equity.toPlainString() + " = "
                + budget.toPlainString() + " at risk over the stop distance " + perShare.toPlainString() + " = " + quantity + " shares");
        long byValue = equity.multiply(config.maxPositionPercent()).divide(HUNDRED.multiply(entry), 0, RoundingMode.FLOOR).longValue();
        if (byValue < quantity) {
            quantity = Math.max(byValue, 0);
            reasons.add("capped at " + quantity + " shares: a position may be worth at most "
                    + config.maxPositionPercent().toPlainString() + "% of equity");
        }
        if (config.maxShares() < quantity) {
            quantity = config.maxShares();
            reasons.add("capped at " + quantity + " shares (STRATEGY_MAX_SHARES)");
        }
        if (account.buyingPower() != null) {
            long byPower = account.buyingPower().signum() <= 0 ? 0
                    : account.buyingPower().divide(entry, 0, RoundingMode.FLOOR).longValue();
            if (byPower < quantity) {
                quantity = byPower;
                reasons.add("capped at " + quantity + " shares by buying power " + account.buyingPower().toPlainString());
            }
        }
        if (quantity < 1) {
            reasons.add("the size rounds to 0 shares: no entry");
            return hold(c, score, x, reasons);
        }
        BigDecimal risk = perShare.multiply(BigDecimal.valueOf(quantity));
        reasons.add("bracket: " + (s > 0 ? "buy " : "sell short ") + quantity + " at about " + entry.toPlainString()
                + ", stop " + stop.toPlainString() + ", target " + target.toPlainString() + " ("
                + config.rewardMultiple().stripTrailingZeros().toPlainString() + "R), risking " + risk.toPlainString());
        Bracket bracket = new Bracket(s > 0 ? Side.BUY : Side.SELL, quantity, entry, stop, target, risk);
        return new Evaluation(c.symbol(), s > 0 ? Decision.ENTER_LONG : Decision.ENTER_SHORT, score, x, reasons, Optional.of(bracket));
    }

    /** The exit rules for an open position; EXIT lists every rule that fired. */
    public Evaluation exit(Candidate c, Position p, SessionTime time) {
        Evaluation.Components x = components(c);
        BigDecimal score = c.signal() == null ? null : composite(x);
        List<String> reasons = new ArrayList<>();
        long toClose = time.minutesToClose();
        if (config.flatAtEndOfDay() && toClose <= config.flatMinutesBeforeClose()) {
            reasons.add("flat at end of day: " + toClose + " minutes to the close (flat within " + config.flatMinutesBeforeClose() + ")");
        }
        if (config.maxHoldingMinutes() > 0 && p.openedAt() != null) {
            long held = Duration.between(p.openedAt(), time.now()).toMinutes();
            if (held >= config.maxHoldingMinutes()) {
                reasons.add("time stop: held " + held + " minutes (at most " + config.maxHoldingMinutes() + ")");
            }
        }
        TechnicalSignal signal = c.signal();
        if (signal != null) {
            SignalAction against = p.isLong() ? SignalAction.SELL : SignalAction.BUY;
            BigDecimal directed = score.multiply(BigDecimal.valueOf(p.isLong() ? 1 : -1));
            if (signal.action() == against) {
                reasons.add("signal reversal: technical signal " + against + " (score " + x.technical() + ") against the "
                        + (p.isLong() ? "long" : "short") + " position");
            } else if (directed.compareTo(config.exitThreshold().negate()) <= 0) {
                reasons.add("signal reversal: composite score " + score + " is at least " + config.exitThreshold().toPlainString()
                        + " against the " + (p.isLong() ? "long" : "short") + " position");
            }
        }
        if (reasons.isEmpty()) {
            reasons.add("position of " + p.quantity() + " kept: no exit rule fired"
                    + (signal == null ? " (no technical signal: reversal not checked)" : ""));
            return new Evaluation(c.symbol(), Decision.HOLD, score, x, reasons, Optional.empty());
        }
        return new Evaluation(c.symbol(), Decision.EXIT, score, x, reasons, Optional.empty());
    }

    /** Counts one non-technical input toward confirmations or a veto (both already signed toward the direction). */
    private static void check(String name, BigDecimal directed, BigDecimal level, boolean inclusive, BigDecimal veto,
                              List<String> vetoes, List<String> confirmations) {
        if (directed.compareTo(veto) <= 0) {
            vetoes.add(name + " " + directed.abs().toPlainString());
        } else if (inclusive ? directed.compareTo(level) >= 0 : directed.compareTo(level) > 0) {
            confirmations.add(name);
        }
    }

    private static Evaluation hold(Candidate c, BigDecimal score, Evaluation.Components x, List<String> reasons) {
        return new Evaluation(c.symbol(), Decision.HOLD, score, x, reasons, Optional.empty());
    }

    /** A price on the exchange's tick: cents at $1 and above, 1/10,000 below (Reg NMS sub-penny rule). */
    static BigDecimal tick(BigDecimal price) {
        return price.setScale(price.compareTo(ONE_DOLLAR) >= 0 ? 2 : 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal clamp(BigDecimal v) {
        if (v.compareTo(BigDecimal.ONE) > 0) {
            return BigDecimal.ONE;
        }
        return v.compareTo(BigDecimal.ONE.negate()) < 0 ? BigDecimal.ONE.negate() : v;
    }

    private static BigDecimal scale(BigDecimal v) {
        return v.setScale(SCORE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
