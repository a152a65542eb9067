package io.tradeloom.strategy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The strategy's parameters. {@link #DEFAULT} is the documented default strategy (docs/strategy.md explains
 * each value); {@link #fromSettings} reads overrides from settings named {@code STRATEGY_*}.
 *
 * @param name                    the strategy's name; the first part of every client_order_id it causes
 * @param weightTechnical         weight of the technical signal's score in the composite score
 * @param weightCandles           weight of the candlestick score
 * @param weightChart             weight of the chart-pattern bias
 * @param weightSentiment         weight of the news sentiment
 * @param entryThreshold          |composite| needed to enter, in (0, 1]
 * @param requiredConfirmations   how many of candles, chart, sentiment must agree with the direction (0..3)
 * @param confirmationLevel       how far from 0 a chart bias or sentiment must be to count as agreeing
 * @param vetoLevel               a candles, chart or sentiment input at least this far against the direction vetoes the entry
 * @param candleLookbackBars      candlestick patterns completed within this many last bars count
 * @param neutralPatterns         TA-Lib patterns that say indecision, not direction (TA-Lib reports them as +100); ignored
 * @param allowShort              whether ENTER_SHORT is ever decided
 * @param riskPercent             % of equity risked per trade (lost if the stop is hit)
 * @param maxPositionPercent      cap on a position's value as % of equity
 * @param maxShares               cap on a position's shares
 * @param rewardMultiple          the target's distance in multiples of the stop distance (R)
 * @param noEntryMinutesBeforeClose no entries this close to the session's close
 * @param exitThreshold           an open position exits when the composite turns this far against it
 * @param maxHoldingMinutes       time stop: exit a position held this long (0: never)
 * @param flatAtEndOfDay          whether every position is closed before the session ends
 * @param flatMinutesBeforeClose  how long before the close the end-of-day exit happens
 */
public record StrategyConfig(String name, BigDecimal weightTechnical, BigDecimal weightCandles, BigDecimal weightChart,
                             BigDecimal weightSentiment, BigDecimal entryThreshold, int requiredConfirmations,
                             BigDecimal confirmationLevel, BigDecimal vetoLevel, int candleLookbackBars,
                             Set<String> neutralPatterns, boolean allowShort, BigDecimal riskPercent,
                             BigDecimal maxPositionPercent, long maxShares, BigDecimal rewardMultiple,
                             int noEntryMinutesBeforeClose, BigDecimal exitThreshold, int maxHoldingMinutes,
                             boolean flatAtEndOfDay, int flatMinutesBeforeClose) {

    /** The default strategy; the rationale of each value is in docs/strategy.md. */
    public static final StrategyConfig DEFAULT = new StrategyConfig("default",
            new BigDecimal("0.50"), new BigDecimal("0.20"), new BigDecimal("0.15"), new BigDecimal("0.15"),
            new BigDecimal("0.30"), 1, new BigDecimal("0.20"), new BigDecimal("0.50"), 3,
            Set.of("CDLDOJI", "CDLLONGLEGGEDDOJI", "CDLRICKSHAWMAN", "CDLSPINNINGTOP", "CDLHIGHWAVE"),
            true, new BigDecimal("0.5"), new BigDecimal("10"), 10_000, new BigDecimal("2"),
            30, new BigDecimal("0.20"), 120, true, 10);

    public StrategyConfig {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("STRATEGY_NAME must be 1 to 32 letters, digits, '_' or '-', was '" + name + "'");
        }
        for (var w : Map.of("STRATEGY_WEIGHT_TECHNICAL", weightTechnical, "STRATEGY_WEIGHT_CANDLES", weightCandles,
                "STRATEGY_WEIGHT_CHART", weightChart, "STRATEGY_WEIGHT_SENTIMENT", weightSentiment).entrySet()) {
            if (w.getValue() == null || w.getValue().signum() < 0) {
                throw new IllegalArgumentException(w.getKey() + " must be >= 0, was " + w.getValue());
            }
        }
        if (weightTechnical.add(weightCandles).add(weightChart).add(weightSentiment).signum() == 0) {
            throw new IllegalArgumentException("the STRATEGY_WEIGHT_* must not all be 0");
        }
        requireFraction("STRATEGY_ENTRY_THRESHOLD", entryThreshold, false);
        requireFraction("STRATEGY_CONFIRMATION_LEVEL", confirmationLevel, true);
        requireFraction("STRATEGY_VETO_LEVEL", vetoLevel, false);
        requireFraction("STRATEGY_EXIT_THRESHOLD", exitThreshold, false);
        if (requiredConfirmations < 0 || requiredConfirmations > 3) {
            throw new IllegalArgumentException("STRATEGY_REQUIRED_CONFIRMATIONS must be 0 to 3, was " + requiredConfirmations);
        }
        if (candleLookbackBars < 1) {
            throw new IllegalArgumentException("STRATEGY_CANDLE_LOOKBACK_BARS must be >= 1, was " + candleLookbackBars);
        }
        neutralPatterns = Set.copyOf(neutralPatterns);
        if (riskPercent == null || riskPercent.signum() <= 0 || riskPercent.compareTo(new BigDecimal("10")) > 0) {
            throw new IllegalArgumentException("STRATEGY_RISK_PERCENT must be in (0, 10], was " + riskPercent);
        }
        if (maxPositionPercent == null || maxPositionPercent.signum() <= 0 || maxPositionPercent.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException("STRATEGY_MAX_POSITION_PERCENT must be in (0, 100], was " + maxPositionPercent);
        }
        if (maxShares < 1) {
            throw new IllegalArgumentException("STRATEGY_MAX_SHARES must be >= 1, was " + maxShares);
        }
        if (rewardMultiple == null || rewardMultiple.signum() <= 0) {
            throw new IllegalArgumentException("STRATEGY_REWARD_MULTIPLE must be > 0, was " + rewardMultiple);
        }
        if (noEntryMinutesBeforeClose < 0 || maxHoldingMinutes < 0 || flatMinutesBeforeClose < 0) {
            throw new IllegalArgumentException("STRATEGY_*_MINUTES must be >= 0");
        }
    }

    private static void requireFraction(String key, BigDecimal value, boolean zeroAllowed) {
        if (value == null || value.compareTo(BigDecimal.ONE) > 0 || (zeroAllowed ? value.signum() < 0 : value.signum() <= 0)) {
            throw new IllegalArgumentException(key + " must be in " + (zeroAllowed ? "[0, 1]" : "(0, 1]") + ", was " + value);
        }
    }

    /** The setting names {@link #fromSettings} reads, with the default's value of each. */
    public static Map<String, String> settingDefaults() {
        StrategyConfig d = DEFAULT;
        Map<String, String> m = new LinkedHashMap<>();
        m.put("STRATEGY_NAME", d.name);
        m.put("STRATEGY_WEIGHT_TECHNICAL", d.weightTechnical.toPlainString());
        m.put("STRATEGY_WEIGHT_CANDLES", d.weightCandles.toPlainString());
        m.put("STRATEGY_WEIGHT_CHART", d.weightChart.toPlainString());
        m.put("STRATEGY_WEIGHT_SENTIMENT", d.weightSentiment.toPlainString());
        m.put("STRATEGY_ENTRY_THRESHOLD", d.entryThreshold.toPlainString());
        m.put("STRATEGY_REQUIRED_CONFIRMATIONS", Integer.toString(d.requiredConfirmations));
        m.put("STRATEGY_CONFIRMATION_LEVEL", d.confirmationLevel.toPlainString());
        m.put("STRATEGY_VETO_LEVEL", d.vetoLevel.toPlainString());
        m.put("STRATEGY_CANDLE_LOOKBACK_BARS", Integer.toString(d.candleLookbackBars));
        m.put("STRATEGY_NEUTRAL_PATTERNS", String.join(",", d.neutralPatterns.stream().sorted().toList()));
        m.put("STRATEGY_ALLOW_SHORT", Boolean.toString(d.allowShort));
        m.put("STRATEGY_RISK_PERCENT", d.riskPercent.toPlainString());
        m.put("STRATEGY_MAX_POSITION_PERCENT", d.maxPositionPercent.toPlainString());
        m.put("STRATEGY_MAX_SHARES", Long.toString(d.maxShares));
        m.put("STRATEGY_REWARD_MULTIPLE", d.rewardMultiple.toPlainString());
        m.put("STRATEGY_NO_ENTRY_MINUTES_BEFORE_CLOSE", Integer.toString(d.noEntryMinutesBeforeClose));
        m.put("STRATEGY_EXIT_THRESHOLD", d.exitThreshold.toPlainString());
        m.put("STRATEGY_MAX_HOLDING_MINUTES", Integer.toString(d.maxHoldingMinutes));
        m.put("STRATEGY_FLAT_AT_END_OF_DAY", Boolean.toString(d.flatAtEndOfDay));
        m.put("STRATEGY_FLAT_MINUTES_BEFORE_CLOSE", Integer.toString(d.flatMinutesBeforeClose));
        return m;
    }

    /**
     * The default strategy with the settings {@code lookup} knows (it answers {@code null} for unset ones).
     *
     * @throws IllegalArgumentException naming the setting whose value is not valid
     */
    public static StrategyConfig fromSettings(Function<String, String> lookup) {
        Map<String, String> v = new LinkedHashMap<>(settingDefaults());
        for (String key : v.keySet()) {
            String set = lookup.apply(key);
            if (set != null && !set.isBlank()) {
                v.put(key, set.trim());
            }
        }
        return new StrategyConfig(v.get("STRATEGY_NAME"),
                decimal(v, "STRATEGY_WEIGHT_TECHNICAL"), decimal(v, "STRATEGY_WEIGHT_CANDLES"),
                decimal(v, "STRATEGY_WEIGHT_CHART"), decimal(v, "STRATEGY_WEIGHT_SENTIMENT"),
                decimal(v, "STRATEGY_ENTRY_THRESHOLD"), integer(v, "STRATEGY_REQUIRED_CONFIRMATIONS"),
                decimal(v, "STRATEGY_CONFIRMATION_LEVEL"), decimal(v, "STRATEGY_VETO_LEVEL"),
                integer(v, "STRATEGY_CANDLE_LOOKBACK_BARS"),
                Set.of(v.get("STRATEGY_NEUTRAL_PATTERNS").isEmpty() ? new String[0]
                        : v.get("STRATEGY_NEUTRAL_PATTERNS").toUpperCase(java.util.Locale.ROOT).split("\\s*,\\s*")),
                bool(v, "STRATEGY_ALLOW_SHORT"), decimal(v, "STRATEGY_RISK_PERCENT"),
                decimal(v, "STRATEGY_MAX_POSITION_PERCENT"), integer(v, "STRATEGY_MAX_SHARES"),
                decimal(v, "STRATEGY_REWARD_MULTIPLE"), integer(v, "STRATEGY_NO_ENTRY_MINUTES_BEFORE_CLOSE"),
                decimal(v, "STRATEGY_EXIT_THRESHOLD"), integer(v, "STRATEGY_MAX_HOLDING_MINUTES"),
                bool(v, "STRATEGY_FLAT_AT_END_OF_DAY"), integer(v, "STRATEGY_FLAT_MINUTES_BEFORE_CLOSE"));
    }

    private static BigDecimal decimal(Map<String, String> v, String key) {
        try {
            return new BigDecimal(v.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a decimal number, was '" + v.get(key) + "'");
        }
    }

    private static int integer(Map<String, String> v, String key) {
        try {
            return Integer.parseInt(v.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + v.get(key) + "'");
        }
    }

    private static boolean bool(Map<String, String> v, String key) {
        return switch (v.get(key).toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, was '" + v.get(key) + "'");
        };
    }
}
