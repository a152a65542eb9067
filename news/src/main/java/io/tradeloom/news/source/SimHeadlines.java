package io.tradeloom.news.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import io.tradeloom.market.bar.NewsEvent;

/**
 * Writes the story behind a simulated news jump: a headline for the event's kind in the jump's direction (a stronger
 * wording from a 3 % move), and a summary stating the move. The wording only sets the tone; the stored sentiment is
 * whatever the analyser scores it, and the tests check that every template scores in its jump's direction.
 */
public final class SimHeadlines {

    /** Moves at least this large (as a simple return) get the strong wording. */
    public static final BigDecimal STRONG = new BigDecimal("0.03");

    /** Templates by kind: mild up, strong up, mild down, strong down; {name} is the company. */
    static final Map<String, List<String>> TEMPLATES = Map.of(
            "earnings", List.of(
                    "{name} reports solid quarterly profit, tops estimates",
                    "{name} posts record profit as revenue growth surges",
                    "{name} quarterly earnings disappoint, missing estimates",
                    "{name} reports surprise loss as weak sales disappoint"),
            "guidance", List.of(
                    "{name} raises full-year outlook on solid demand",
                    "{name} boosts outlook, confident of strong demand",
                    "{name} lowers full-year outlook as demand slows",
                    "{name} cuts outlook, warns of weak demand and losses"),
            "analyst_rating", List.of(
                    "{name} upgraded to buy by analysts",
                    "{name} upgraded to strong buy as analysts praise growth",
                    "{name} downgraded to sell on weaker outlook",
                    "{name} downgraded to sell as analysts fear steep decline"),
            "product", List.of(
                    "{name} product launch wins praise from early customers",
                    "{name} launch a huge success, customers thrilled",
                    "{name} delays product launch after quality problems",
                    "{name} recalls product after dangerous failure"),
            "legal", List.of(
                    "{name} wins ruling in patent dispute",
                    "{name} wins major court victory, claims dismissed",
                    "{name} faces lawsuit over accounting practices",
                    "{name} charged with fraud, faces heavy penalty"),
            "management", List.of(
                    "{name} names respected industry veteran as CEO",
                    "Investors cheer as {name} appoints highly successful CEO",
                    "{name} CEO resigns unexpectedly",
                    "{name} CEO ousted amid turmoil and investor anger"),
            "deal", List.of(
                    "{name} agrees to acquire rival in growth push",
                    "{name} wins major contract, shares rally",
                    "{name} deal talks fail",
                    "{name} loses major contract as talks collapse"));

    private static final List<String> GENERIC = List.of(
            "{name} shares gain on {kind} news",
            "{name} shares surge on strong {kind} news",
            "{name} shares drop on {kind} news",
            "{name} shares plunge on bad {kind} news");

    private SimHeadlines() {
    }

    /** The headline for {@code event} about the company called {@code name}. */
    public static String headline(NewsEvent event, String name) {
        if (event.tone() == 0) {
            return name + " shares little changed after " + event.kind().replace('_', ' ') + " news";
        }
        List<String> t = TEMPLATES.getOrDefault(event.kind(), GENERIC);
        int up = event.tone() >= 0 ? 0 : 2;
        int strong = event.jumpReturn().abs().compareTo(STRONG) >= 0 ? 1 : 0;
        return t.get(up + strong).replace("{name}", name).replace("{kind}", event.kind().replace('_', ' '));
    }

    /** The summary: what the stock did, in the same direction. */
    public static String summary(NewsEvent event, String name) {
        BigDecimal pct = event.jumpReturn().abs().movePointRight(2).setScale(1, RoundingMode.HALF_UP);
        if (event.tone() == 0) {
            return "Shares of " + name + " (" + event.symbol() + ") were unchanged after the "
                    + event.kind().replace('_', ' ') + " news.";
        }
        String verb = event.tone() > 0 ? "jumped" : "fell";
        return "Shares of " + name + " (" + event.symbol() + ") " + verb + " " + pct.toPlainString()
                + "% in the minute after the " + event.kind().replace('_', ' ') + " news.";
    }
}
