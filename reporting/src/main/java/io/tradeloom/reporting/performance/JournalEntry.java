package io.tradeloom.reporting.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One line of the trade journal: a round trip as reports show it. */
public record JournalEntry(String symbol, String strategy, String side, BigDecimal qty, Instant entryTime,
                           Instant exitTime, BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal grossPnl,
                           BigDecimal commission, BigDecimal netPnl, BigDecimal returnPct, long holdingSeconds,
                           String entryOrder, String exitOrder) {

    public static JournalEntry of(RoundTrip t) {
        return new JournalEntry(t.symbol(), t.strategy(), t.direction().name().toLowerCase(Locale.ROOT),
                plain(t.qty()),
                t.entryTime(), t.exitTime(), Numbers.money(t.entryPrice()), Numbers.money(t.exitPrice()),
                Numbers.money(t.grossPnl()), Numbers.money(t.commission()), Numbers.money(t.netPnl()),
                Numbers.stat(t.returnPct()), t.holding().toSeconds(), t.entryOrder(), t.exitOrder());
    }

    private static BigDecimal plain(BigDecimal qty) {
        BigDecimal q = qty.stripTrailingZeros();
        return q.scale() < 0 ? q.setScale(0) : q;
    }

    static final String CSV_HEADER = "symbol,strategy,side,qty,entry_time,exit_time,entry_price,exit_price,gross_pnl,"
            + "commission,net_pnl,return_pct,holding_seconds,entry_order,exit_order";

    /** The journal as CSV (RFC 4180: a header line, CRLF line ends, fields quoted when they need it). */
    public static String csv(List<JournalEntry> entries) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (JournalEntry e : entries) {
            out.append(field(e.symbol())).append(',').append(field(e.strategy())).append(',').append(e.side()).append(',')
                    .append(e.qty().toPlainString()).append(',').append(e.entryTime()).append(',').append(e.exitTime()).append(',')
                    .append(e.entryPrice().toPlainString()).append(',').append(e.exitPrice().toPlainString()).append(',')
                    .append(e.grossPnl().toPlainString()).append(',').append(e.commission().toPlainString()).append(',')
                    .append(e.netPnl().toPlainString()).append(',')
                    .append(e.returnPct() == null ? "" : e.returnPct().toPlainString()).append(',')
                    .append(e.holdingSeconds()).append(',').append(field(e.entryOrder())).append(',')
                    .append(field(e.exitOrder())).append("\r\n");
        }
        return out.toString();
    }

    private static String field(String v) {
        if (v == null) {
            return "";
        }
        // A leading =, +, - or @ would make a spreadsheet evaluate the cell: quote it as text.
        boolean formula = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0;
        if (formula || v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + (formula ? "'" : "") + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
