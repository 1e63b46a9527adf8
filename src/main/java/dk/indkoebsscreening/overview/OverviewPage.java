package dk.indkoebsscreening.overview;

import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.register.Renewals;
import dk.indkoebsscreening.supervision.ProcessorSupervision;
import dk.indkoebsscreening.web.BarChart;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.Formats;
import dk.indkoebsscreening.web.PageController;
import java.time.Period;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The coordinators' dashboard (access: coordinators only, see SecurityConfiguration). */
@PageController
class OverviewPage {

    /** The supervisions of data processors shown: those overdue and those due within this many days, at most this many. */
    static final int SUPERVISIONS_AHEAD_DAYS = 60;
    static final int SUPERVISIONS_SHOWN = 50;

    private final OverviewService overview;
    private final Choices choices;
    private final Formats formats;
    private final Renewals renewals;
    private final ProcessorSupervision supervision;
    private final Municipalities municipalities;

    OverviewPage(OverviewService overview, Choices choices, Formats formats, Renewals renewals,
                 ProcessorSupervision supervision, Municipalities municipalities) {
        this.municipalities = municipalities;
        this.overview = overview;
        this.choices = choices;
        this.formats = formats;
        this.renewals = renewals;
        this.supervision = supervision;
    }

    /** The renewals the dashboard lists, soonest first; the register's API lists them all. */
    static final int RENEWALS_SHOWN = 20;

    @GetMapping("/overblik")
    String overview(Model model) {
        OverviewService.Figures figures = overview.figuresOf(municipalities.current().id());
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
        // Read at every visit, not counted in the background: a coordinator who has just decided one looks for it gone.
        model.addAttribute("renewals", renewals.due(RENEWALS_SHOWN + 1));
        model.addAttribute("renewalsShown", RENEWALS_SHOWN);
        Period lead = renewals.leadTime();
        model.addAttribute("renewalsHelp", lead.getDays() == 0
                ? choices.message("overview.renewals.help.months", lead.toTotalMonths())
                : choices.message("overview.renewals.help"));
        // Read now, not counted in the background: a supervision recorded a minute ago is no longer due.
        model.addAttribute("supervisions", supervision.dueWithin(SUPERVISIONS_AHEAD_DAYS, SUPERVISIONS_SHOWN + 1));
        model.addAttribute("supervisionsShown", SUPERVISIONS_SHOWN);
        model.addAttribute("supervisionsAheadDays", SUPERVISIONS_AHEAD_DAYS);
        model.addAttribute("today", supervision.today());
        return "overview/overview";
    }
}
