package io.tradeloom.recognition;

import java.time.Duration;

import io.helidon.config.Config;

import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.http.BarsInput;

/**
 * The recognition service's settings (see application.yaml).
 *
 * @param maxBars      the most bars one request may analyse: more posted bars are refused with 413; also the largest GET limit
 * @param scanEnabled  whether the background scan runs
 * @param scanInterval how often the background scan analyses every universe symbol's stored bars
 * @param scanBars     how many of each symbol's latest stored bars the scan analyses
 * @param scanTimeframe the bars the scan analyses
 */
public record RecognitionSettings(int maxBars, boolean scanEnabled, Duration scanInterval, int scanBars,
                                  Timeframe scanTimeframe) {

    public static RecognitionSettings from(Config config) {
        int maxBars = whole(config, "recognition.max-bars", "RECOGNITION_MAX_BARS", BarsInput.DEFAULT_MAX_BARS, 1);
        String enabled = config.get("recognition.scan.enabled").asString().orElse("true").trim();
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new ConfigurationException("RECOGNITION_SCAN_ENABLED (recognition.scan.enabled) must be true or false, was '" + enabled + "'");
        }
        int seconds = whole(config, "recognition.scan.interval-seconds", "RECOGNITION_SCAN_INTERVAL_SECONDS", 30, 1);
        int bars = whole(config, "recognition.scan.bars", "RECOGNITION_SCAN_BARS", 500, 10);
        String tf = config.get("recognition.scan.timeframe").asString().orElse(Timeframe.MIN_1.label()).trim();
        Timeframe timeframe;
        try {
            timeframe = Timeframe.parse(tf);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("RECOGNITION_SCAN_TIMEFRAME (recognition.scan.timeframe): " + e.getMessage());
        }
        return new RecognitionSettings(maxBars, Boolean.parseBoolean(enabled), Duration.ofSeconds(seconds), bars, timeframe);
    }

    private static int whole(Config config, String key, String variable, int dflt, int min) {
        String raw = config.get(key).asString().orElse(String.valueOf(dflt)).trim();
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(variable + " (" + key + ") must be a whole number, was '" + raw + "'");
        }
        if (value < min) {
            throw new ConfigurationException(variable + " (" + key + ") must be at least " + min + ", was " + value);
        }
        return value;
    }
}
