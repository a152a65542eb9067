package io.tradeloom.news.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradeloom.db.market.UniverseStore;

/** Symbols from cashtags, tickers and company names, only the universe's, and not from words that look like tickers. */
class SymbolMatcherTest {

    private final SymbolMatcher matcher = new SymbolMatcher(List.of(
            new UniverseStore.Member("AAPL", "Apple Inc."),
            new UniverseStore.Member("META", "Meta Platforms Inc."),
            new UniverseStore.Member("BAC", "Bank of America Corporation"),
            new UniverseStore.Member("LLY", "Eli Lilly and Company"),
            new UniverseStore.Member("DIS", "The Walt Disney Company"),
            new UniverseStore.Member("AMZN", "Amazon.com Inc."),
            new UniverseStore.Member("JPM", "JPMorgan Chase & Co."),
            new UniverseStore.Member("ON", "ON Semiconductor Corporation"),
            new UniverseStore.Member("BRK.B", "Berkshire Hathaway Inc.")));

    private List<String> match(String text) {
        return List.copyOf(matcher.match(text, List.of()));
    }

    @Test
    void findsCashtagsInAnyCase() {
        assertThat(match("$aapl and $META rally; $XYZ too")).containsExactly("AAPL", "META");
        assertThat(match("Buffett adds to $BRK.B")).containsExactly("BRK.B");
    }

    @Test
    void findsExchangeQualifiedAndParenthesisedTickers() {
        assertThat(match("Shares of the iPhone maker (NASDAQ: AAPL) rose")).containsExactly("AAPL");
        assertThat(match("The chipmaker (ON) beat estimates")).containsExactly("ON");
    }

    @Test
    void findsBareTickersButNotCommonWordsOrAllCapitalHeadlines() {
        assertThat(match("JPM and BAC lead bank stocks higher")).containsExactly("BAC", "JPM");
        assertThat(match("Stocks move ON the news")).isEmpty();
        assertThat(match("BREAKING: BAC TO CUT JOBS")).isEmpty();
    }

    @Test
    void findsCompanyNamesWithoutLegalSuffixes() {
        assertThat(match("Apple's new phone sells out")).containsExactly("AAPL");
        assertThat(match("Meta unveils headset")).containsExactly("META");
        assertThat(match("Bank of America raises dividend")).containsExactly("BAC");
        assertThat(match("Eli Lilly drug approved")).containsExactly("LLY");
        assertThat(match("Walt Disney parks revenue rises")).containsExactly("DIS");
        assertThat(match("Amazon and Amazon.com are one")).containsExactly("AMZN");
        assertThat(match("JPMorgan Chase profit")).containsExactly("JPM");
    }

    @Test
    void ignoresNamesInsideOtherWordsAndInLowerCase() {
        assertThat(match("an apple a day; Pineapple prices; Applebee's")).isEmpty();
    }

    @Test
    void keepsOnlyTheSourcesTagsThatAreInTheUniverse() {
        assertThat(matcher.match("no names here", List.of("aapl", "TSLA"))).containsExactly("AAPL");
    }

    @Test
    void aliasesDropTheAndLegalSuffixesAndDescriptors() {
        assertThat(SymbolMatcher.aliases("The Walt Disney Company")).containsExactly("Walt Disney");
        assertThat(SymbolMatcher.aliases("Meta Platforms Inc.")).containsExactly("Meta Platforms", "Meta");
        assertThat(SymbolMatcher.aliases("Merck & Co. Inc.")).containsExactly("Merck");
        assertThat(SymbolMatcher.aliases("Wells Fargo & Company")).containsExactly("Wells Fargo");
        assertThat(SymbolMatcher.shortName("Amazon.com Inc.")).isEqualTo("Amazon");
    }
}
