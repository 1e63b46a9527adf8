package dk.indkoebsscreening.web;

import java.util.List;

/**
 * A horizontal bar chart drawn as SVG on the server (fragment {@code fragments/charts :: bars}): no
 * script, and the same figures go into a table beside it as the text alternative.
 */
public record BarChart(List<Bar> bars, double max) {

    public static final int ROW_HEIGHT = 28;

    public record Bar(String label, double value, String displayValue) {
    }

    public static BarChart of(List<Bar> bars) {
        return new BarChart(bars, bars.stream().mapToDouble(Bar::value).max().orElse(0));
    }

    /** Bar length in the chart's 0-100 scale. */
    public double length(Bar bar) {
        return max == 0 ? 0 : 100 * bar.value() / max;
    }

    public int height() {
        return bars.size() * ROW_HEIGHT;
    }
}
