package io.tradeloom.news.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.bar.NewsEvent;
import io.tradeloom.market.sim.SimSymbol;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.news.ingest.SymbolMatcher;
import io.tradeloom.news.sentiment.Label;
import io.tradeloom.news.sentiment.Lexicon;
import io.tradeloom.news.sentiment.Sentiment;
import io.tradeloom.news.sentiment.SentimentAnalyzer;

/**
 * The simulated stories are scored by the same analyser as any news, not labelled: every kind's wording, mild and
 * strong, must score in the direction of its jump, and name the company so that the symbol is found.
 */
class SimHeadlinesTest {

    private static final Instant T = Instant.parse("2026-11-24T15:31:00Z");
    private final SentimentAnalyzer analyzer = new SentimentAnalyzer(Lexicon.bundled());

    private Sentiment story(NewsEvent e, String name) {
        return analyzer.analyze(SimHeadlines.headline(e, name) + ". " + SimHeadlines.summary(e, name));
    }

    @Test
    void everyKindScoresInTheDirectionOfItsJump() {
        List<String> kinds = List.of("earnings", "guidance", "analyst_rating", "product", "legal", "management", "deal", "other");
        for (String kind : kinds) {
            for (String r : List.of("0.0120", "0.0450", "-0.0120", "-0.0450")) {
                NewsEvent e = new NewsEvent("AAPL", T, new BigDecimal(r), kind);
                Sentiment s = story(e, "Apple");
                Label expected = e.tone() > 0 ? Label.POSITIVE : Label.NEGATIVE;
                assertThat(s.label()).as(kind + " " + r + ": " + SimHeadlines.headline(e, "Apple") + " " + s).isEqualTo(expected);
                // the headline alone carries the tone too, not only the summary's "jumped"/"fell"
                assertThat(Label.of(analyzer.analyze(SimHeadlines.headline(e, "Apple")).score()))
                        .as(kind + " " + r + " headline").isEqualTo(expected);
            }
        }
    }

    @Test
    void strongerMovesGetTheStrongerWording() {
        NewsEvent mild = new NewsEvent("AAPL", T, new BigDecimal("0.0299"), "earnings");
        NewsEvent strong = new NewsEvent("AAPL", T, new BigDecimal("0.0300"), "earnings");
        assertThat(SimHeadlines.headline(mild, "Apple")).isEqualTo("Apple reports solid quarterly profit, tops estimates");
        assertThat(SimHeadlines.headline(strong, "Apple")).isEqualTo("Apple posts record profit as revenue growth surges");
    }

    @Test
    void summaryStatesTheMoveInPercent() {
        NewsEvent e = new NewsEvent("TSLA", T, new BigDecimal("-0.0523"), "legal");
        assertThat(SimHeadlines.summary(e, "Tesla"))
                .isEqualTo("Shares of Tesla (TSLA) fell 5.2% in the minute after the legal news.");
    }

    @Test
    void aJumpOfZeroGetsANeutralStory() {
        NewsEvent e = new NewsEvent("AAPL", T, new BigDecimal("0.0000"), "deal");
        assertThat(story(e, "Apple").label()).isEqualTo(Label.NEUTRAL);
    }

    @Test
    void everySimulatedCompanyIsFoundByNameInItsStory() {
        List<UniverseStore.Member> members = SimUniverse.defaults().stream()
                .map((SimSymbol s) -> new UniverseStore.Member(s.symbol(), s.name())).toList();
        SymbolMatcher matcher = new SymbolMatcher(members);
        for (UniverseStore.Member m : members) {
            NewsEvent e = new NewsEvent(m.symbol(), T, new BigDecimal("0.02"), "product");
            String name = SymbolMatcher.shortName(m.name());
            assertThat(matcher.match(SimHeadlines.headline(e, name), List.of())).as(m.name()).contains(m.symbol());
        }
    }
}
