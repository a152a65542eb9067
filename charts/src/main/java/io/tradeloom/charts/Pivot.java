package io.tradeloom.charts;

import java.time.Instant;

/**
 * A confirmed swing high or low of the zigzag: the bar's high (for a swing high) or low (for a swing low).
 *
 * @param index the bar's position in the analysed series
 */
public record Pivot(int index, Instant time, double price, Kind kind) {

    public enum Kind {
        HIGH("high"),
        LOW("low");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean isHigh() {
        return kind == Kind.HIGH;
    }
}
