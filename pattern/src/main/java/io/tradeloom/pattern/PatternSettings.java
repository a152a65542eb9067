package io.tradeloom.pattern;

import io.helidon.config.Config;

import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.http.BarsInput;

/**
 * The pattern service's settings (see application.yaml).
 *
 * @param maxBars the most bars one request may analyse: posted bars beyond it are refused with 413, and it caps
 *                {@code limit} on stored bars
 */
record PatternSettings(int maxBars) {

    static PatternSettings from(Config config) {
        String raw = config.get("patterns.max-bars").asString().orElse(String.valueOf(BarsInput.DEFAULT_MAX_BARS)).trim();
        int maxBars;
        try {
            maxBars = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("PATTERNS_MAX_BARS (patterns.max-bars) must be a whole number, was '" + raw + "'");
        }
        if (maxBars < 1) {
            throw new ConfigurationException("PATTERNS_MAX_BARS (patterns.max-bars) must be at least 1, was " + maxBars);
        }
        return new PatternSettings(maxBars);
    }
}
