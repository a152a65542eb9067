package io.tradeloom.charts;

/**
 * A straight line on the chart through (startIndex, startPrice) and (endIndex, endPrice): a trendline, a
 * pattern's boundary or a sloped neckline. Bar positions stand for time, so a line extends over later bars.
 *
 * @param role what the line is to its pattern: {@code upper}, {@code lower}, {@code neckline}, {@code trend}, {@code level}
 */
public record Line(String role, int startIndex, double startPrice, int endIndex, double endPrice) {

    public static Line through(String role, int i1, double p1, int i2, double p2) {
        return new Line(role, i1, p1, i2, p2);
    }

    public static Line horizontal(String role, int from, int to, double price) {
        return new Line(role, from, price, to, price);
    }

    /** Price change per bar. */
    public double slope() {
        return endIndex == startIndex ? 0 : (endPrice - startPrice) / (endIndex - startIndex);
    }

    /** The line's price at bar {@code index}, extended either way. */
    public double at(int index) {
        return startPrice + slope() * (index - startIndex);
    }

    /** The same line drawn from {@code from} to {@code to}. */
    public Line span(int from, int to) {
        return new Line(role, from, at(from), to, at(to));
    }
}
