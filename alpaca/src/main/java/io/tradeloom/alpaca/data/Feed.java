package io.tradeloom.alpaca.data;

import java.util.Locale;

/** Alpaca's stock data feeds. */
public enum Feed {
    /** The IEX exchange alone: real time on every plan, a few percent of the volume. */
    IEX,
    /** All US exchanges (the consolidated tape); on the free plan only when at least 15 minutes old. */
    SIP;

    /** The {@code feed} query value: {@code iex} or {@code sip}. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The feed named {@code value} ({@code iex} or {@code sip}, any case), e.g. from {@code ALPACA_FEED}. */
    public static Feed parse(String value) {
        for (Feed feed : values()) {
            if (feed.name().equalsIgnoreCase(value.strip())) {
                return feed;
            }
        }
        throw new IllegalArgumentException("unknown Alpaca feed '" + value + "': expected iex or sip");
    }
}
