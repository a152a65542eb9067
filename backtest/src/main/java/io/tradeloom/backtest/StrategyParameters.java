package io.tradeloom.backtest;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.tradeloom.strategy.StrategyConfig;

/**
 * A backtest's strategy parameters by their snake_case names ({@code entry_threshold} for the live setting
 * STRATEGY_ENTRY_THRESHOLD), over the default strategy: the same names and checks as live settings.
 */
public final class StrategyParameters {

    private StrategyParameters() {
    }

    /** The parameter names accepted, e.g. {@code entry_threshold}, {@code risk_percent}. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (String key : StrategyConfig.settingDefaults().keySet()) {
            names.add(key.substring("STRATEGY_".length()).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /**
     * @throws IllegalArgumentException naming an unknown parameter or the rule a value breaks
     */
    public static StrategyConfig config(Map<String, String> params) {
        Set<String> known = names();
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown strategy parameter '" + name + "' (expected one of " + known + ")");
            }
        }
        return StrategyConfig.fromSettings(key -> params.get(key.substring("STRATEGY_".length()).toLowerCase(Locale.ROOT)));
    }
}
