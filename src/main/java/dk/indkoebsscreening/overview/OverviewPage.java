package dk.indkoebsscreening.overview;

import dk.indkoebsscreening.request.ThresholdCheck;
import dk.indkoebsscreening.web.BarChart;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.Formats;
import dk.indkoebsscreening.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The coordinators' dashboard (access: coordinators only, see SecurityConfiguration). */
@PageController
class OverviewPage {

    private final OverviewService overview;
    private final Choices choices;
    private final Formats formats;
    private final ThresholdCheck thresholds;

    OverviewPage(OverviewService overview, Choices choices, Formats formats, ThresholdCheck thresholds) {
        this.overview = overview;
        this.choices = choices;
        this.formats = formats;
        this.thresholds = thresholds;
    }

    @GetMapping("/overblik")
    String overview(Model model) {
        model.addAttribute("thresholdWarning", thresholds.missingToday()
                ? choices.message("overview.threshold.missing", formats.date(thresholds.today()), thresholds.publishedAt()) : null);
        OverviewService.Figures figures = overview.figures();
        model.addAttribute("countedAt", figures.countedAt());
        model.addAttribute("byStatus", BarChart.of(figures.byStatus().stream()
                .map(row -> new BarChart.Bar(choices.message(row.status().messageKey(false)), row.count(),
                        formats.number(row.count())))
                .toList()));
        model.addAttribute("withinDeadline", figures.withinDeadline());
        model.addAttribute("medians", BarChart.of(figures.medianHoursByArea().stream()
                .map(row -> new BarChart.Bar(choices.message("area." + row.area()), formats.roundedHours(row.medianHours()),
                        formats.hours(row.medianHours())))
                .toList()));
        model.addAttribute("outcomes", BarChart.of(figures.outcomesByMonth().stream()
                .map(row -> new BarChart.Bar(formats.month(row.month()) + ": " + choices.message("verdict." + row.outcome()),
                        row.count(), formats.number(row.count())))
                .toList()));
        return "overview/overview";
    }
}
