package dk.indkoebsscreening.web;

import java.util.List;

/**
 * A horizontal bar chart drawn on the server (fragment {@code fragments/charts :: bars}): no script, and
 * the same figures go into a table beside it as the text alternative. A bar's value should be the figure
 * its label shows (rounded alike), so bars of equal labels are equally long.
 */
public record BarChart(List<Bar> bars, double max) {

    public record Bar(String label, double value, String displayValue) {
    }

    public static BarChart of(List<Bar> bars) {
        return new BarChart(bars, bars.stream().mapToDouble(Bar::value).max().orElse(0));
    }

    /** Bar length in the chart's 0-100 scale. */
    public double length(Bar bar) {
        return max == 0 ? 0 : 100 * bar.value() / max;
    }
}
