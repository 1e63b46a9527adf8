package dk.indkoebsscreening.overview;

import dk.indkoebsscreening.web.BarChart;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The coordinators' dashboard (access: coordinators only, see SecurityConfiguration). */
@PageController
class OverviewPage {

    private final OverviewService overview;
    private final Choices choices;

    OverviewPage(OverviewService overview, Choices choices) {
        this.overview = overview;
        this.choices = choices;
    }

    @GetMapping("/overblik")
    String overview(Model model) {
        model.addAttribute("byStatus", BarChart.of(overview.requestsByStatus().stream()
                .map(row -> new BarChart.Bar(choices.message("status." + row.status()), row.count(),
                        String.valueOf(row.count())))
                .toList()));
        model.addAttribute("withinDeadline", overview.screenedWithinDeadline());
        model.addAttribute("medians", BarChart.of(overview.medianScreeningHoursByArea().stream()
                .map(row -> new BarChart.Bar(choices.message("area." + row.area()), row.medianHours(),
                        "%.1f".formatted(row.medianHours())))
                .toList()));
        model.addAttribute("outcomes", BarChart.of(overview.outcomesByMonth().stream()
                .map(row -> new BarChart.Bar(row.month() + " " + choices.message("verdict." + row.outcome()), row.count(),
                        String.valueOf(row.count())))
                .toList()));
        return "overview/overview";
    }
}
