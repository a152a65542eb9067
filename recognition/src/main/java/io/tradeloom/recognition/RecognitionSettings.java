package io.tradeloom.recognition;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Locale;

import io.helidon.config.Config;

import io.tradeloom.charts.ChartSettings;

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
 * @param rules        the chart pattern rules' thresholds: {@code recognition.rules.<name>} for each
 *                     {@link ChartSettings} component in kebab case ({@code RECOGNITION_RULES_REVERSAL_ATR}), the
 *                     library's defaults where unset
 */
public record RecognitionSettings(int maxBars, boolean scanEnabled, Duration scanInterval, int scanBars,
                                  Timeframe scanTimeframe, ChartSettings rules) {

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
        return new RecognitionSettings(maxBars, Boolean.parseBoolean(enabled), Duration.ofSeconds(seconds), bars, timeframe,
                rules(config));
    }

    /** Each ChartSettings component from recognition.rules.<kebab-name>, else its default; checked by ChartSettings. */
    static ChartSettings rules(Config config) {
        ChartSettings defaults = ChartSettings.defaults();
        RecordComponent[] components = ChartSettings.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String key = "recognition.rules." + kebab(c.getName());
            String variable = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            var raw = config.get(key).asString().map(String::trim).filter(v -> !v.isEmpty());
            try {
                if (raw.isEmpty()) {
                    values[i] = c.getAccessor().invoke(defaults);
                } else if (c.getType() == int.class) {
                    values[i] = Integer.parseInt(raw.get());
                } else {
                    double v = Double.parseDouble(raw.get());
                    if (!Double.isFinite(v)) {
                        throw new NumberFormatException();
                    }
                    values[i] = v;
                }
            } catch (NumberFormatException e) {
                throw new ConfigurationException(variable + " (" + key + ") must be a " + (c.getType() == int.class
                        ? "whole number" : "number") + ", was '" + raw.orElse("") + "'");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read ChartSettings." + c.getName(), e);
            }
        }
        try {
            return ChartSettings.class.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw new ConfigurationException("RECOGNITION_RULES_* (recognition.rules.*): " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build ChartSettings", e);
        }
    }

    /** reversalAtr -> reversal-atr */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
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
