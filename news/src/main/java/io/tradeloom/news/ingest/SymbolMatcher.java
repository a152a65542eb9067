package io.tradeloom.news.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tradeloom.db.market.UniverseStore;

/**
 * Finds which of the universe's symbols a text is about: cashtags ({@code $AAPL}), exchange-qualified and
 * parenthesised tickers ({@code NASDAQ: AAPL}, {@code (AAPL)}), bare tickers in capitals amid ordinary text, and
 * company names ({@code Apple}, {@code Bank of America}, taken from the universe's names without legal suffixes).
 * Bare tickers that are common words or abbreviations ({@code ON}, {@code IT}, {@code CEO}) count only in the
 * unambiguous forms. Immutable.
 */
public final class SymbolMatcher {

    private static final Pattern CASHTAG = Pattern.compile("\\$([A-Za-z]{1,5}(?:\\.[A-Za-z])?)(?![A-Za-z])");
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?:NASDAQ|Nasdaq|NYSE|AMEX|NYSEARCA|NYSE American)\\s*:\\s*([A-Z]{1,5}(?:\\.[A-Z])?)(?![A-Za-z])");
    private static final Pattern PARENTHESISED = Pattern.compile("\\(([A-Z]{1,5}(?:\\.[A-Z])?)\\)");
    private static final Pattern BARE = Pattern.compile("(?<![A-Za-z0-9$.])([A-Z]{2,5})(?![A-Za-z0-9])");
    private static final Set<String> AMBIGUOUS = Set.of(
            "A", "I", "AI", "AM", "AN", "ARE", "AT", "BE", "BIG", "BY", "CAN", "CASH", "CEO", "CFO", "COO", "DO", "EPS",
            "ETF", "EU", "FDA", "FOR", "FUN", "GDP", "GO", "HAS", "HE", "HIGH", "IPO", "IT", "KEY", "LOW", "NEW", "NOW",
            "ON", "ONE", "OPEN", "OR", "OUT", "PM", "REAL", "SEC", "SO", "TO", "TWO", "UK", "UP", "US", "USA", "ALL",
            "WELL", "SAFE", "LOVE", "PLAY", "RUN", "SEE", "EAT", "FAST", "CARS", "TRUE");
    private static final List<String> LEGAL_SUFFIXES = List.of(
            "Incorporated", "Inc.", "Inc", "Corporation", "Corp.", "Corp", "Company", "& Co.", "Co.", "Ltd.", "Ltd",
            "plc", "PLC", "N.V.", "S.A.", "AG", "SE", "Holdings", "Group", "and", "&", ",");
    private static final List<String> DESCRIPTORS = List.of(
            "Platforms", "Technologies", "Systems", "Communications", "Wholesale");

    private final Set<String> symbols;
    private final Map<Pattern, String> names;

    public SymbolMatcher(Collection<UniverseStore.Member> universe) {
        Set<String> s = new TreeSet<>();
        Map<Pattern, String> n = new LinkedHashMap<>();
        for (UniverseStore.Member m : universe) {
            s.add(m.symbol());
            for (String alias : aliases(m.name())) {
                n.put(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(alias) + "(?![\\p{L}\\p{N}])"), m.symbol());
            }
        }
        this.symbols = Set.copyOf(s);
        this.names = Map.copyOf(n);
    }

    public boolean known(String symbol) {
        return symbols.contains(symbol);
    }

    public Set<String> universe() {
        return symbols;
    }

    /** The universe symbols {@code text} names, plus those of {@code tagged} that are in the universe; sorted. */
    public Set<String> match(String text, Collection<String> tagged) {
        Set<String> found = new TreeSet<>();
        for (String t : tagged) {
            String symbol = t.strip().toUpperCase(Locale.ROOT);
            if (symbols.contains(symbol)) {
                found.add(symbol);
            }
        }
        collect(CASHTAG, text, found, true);
        collect(QUALIFIED, text, found, false);
        collect(PARENTHESISED, text, found, false);
        if (!mostlyCapitals(text)) {
            Matcher m = BARE.matcher(text);
            while (m.find()) {
                if (symbols.contains(m.group(1)) && !AMBIGUOUS.contains(m.group(1))) {
                    found.add(m.group(1));
                }
            }
        }
        for (var e : names.entrySet()) {
            if (e.getKey().matcher(text).find()) {
                found.add(e.getValue());
            }
        }
        return found;
    }

    private void collect(Pattern p, String text, Set<String> found, boolean upperCase) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            String symbol = upperCase ? m.group(1).toUpperCase(Locale.ROOT) : m.group(1);
            if (symbols.contains(symbol)) {
                found.add(symbol);
            }
        }
    }

    /** A headline in capitals throughout makes every word look like a ticker. */
    private static boolean mostlyCapitals(String text) {
        int upper = 0;
        int words = 0;
        for (String w : text.split("[^A-Za-z]+")) {
            if (w.length() > 1) {
                words++;
                if (w.equals(w.toUpperCase(Locale.ROOT))) {
                    upper++;
                }
            }
        }
        return words > 0 && upper * 2 > words;
    }

    /**
     * The names a company goes by in headlines: its registered name without "The" and legal suffixes ("Apple" for
     * "Apple Inc.", "Walt Disney" for "The Walt Disney Company", "Amazon" for "Amazon.com Inc."), and that without
     * a trailing descriptor ("Meta" for "Meta Platforms"). Aliases shorter than 3 characters are dropped.
     */
    public static List<String> aliases(String name) {
        Set<String> aliases = new LinkedHashSet<>();
        String n = name.strip();
        if (n.startsWith("The ")) {
            n = n.substring(4);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suffix : LEGAL_SUFFIXES) {
                if (n.endsWith(" " + suffix) || (suffix.equals(",") && n.endsWith(","))) {
                    n = n.substring(0, n.length() - suffix.length()).strip();
                    changed = true;
                }
            }
        }
        if (n.endsWith(".com")) {
            aliases.add(n);
            n = n.substring(0, n.length() - 4);
        }
        aliases.add(n);
        for (String d : DESCRIPTORS) {
            if (n.endsWith(" " + d)) {
                aliases.add(n.substring(0, n.length() - d.length() - 1));
            }
        }
        List<String> out = new ArrayList<>();
        for (String a : aliases) {
            if (a.length() >= 3) {
                out.add(a);
            }
        }
        return out;
    }

    /** The shortest alias: how a headline names the company. */
    public static String shortName(String name) {
        return aliases(name).stream().min(java.util.Comparator.comparingInt(String::length)).orElse(name.strip());
    }
}
