package dk.indkoebsscreening.overview;

import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.register.Renewals;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.supervision.ProcessorSupervision;
import dk.indkoebsscreening.web.BarChart;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.Formats;
import dk.indkoebsscreening.web.PageController;
import java.time.Period;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinators' dashboard, of their own municipality; the shared organisation's administrators choose one
 * municipality or all together (access: coordinators and administrators, see SecurityConfiguration).
 */
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

    /**
     * @param chosen the administrator's choice: a municipality's id, or empty for all together; anyone else always sees
     *               their own municipality, whatever the address says
     */
    @GetMapping("/overblik")
    String overview(@RequestParam(name = "kommune", defaultValue = "") String chosen, Authentication authentication,
                    Model model) {
        Optional<Municipality> own = municipalities.ofTheWork();
        boolean chooses = CurrentUser.of(authentication).isAdmin();
        Optional<Municipality> shown = municipalities.shownTo(chooses, chosen);
        OverviewService.Figures figures = shown.map(one -> overview.figuresOf(one.id())).orElseGet(overview::figuresOfAll);
        model.addAttribute("heading", choices.message("overview.heading",
                shown.map(Municipality::name).orElseGet(() -> choices.message("overview.all"))));
        if (chooses) {
            model.addAttribute("municipalities", municipalities.all());
            model.addAttribute("chosen", shown.map(Municipality::id).orElse(""));
        }
        model.addAttribute("countedAt", figures.countedAt());
        model.addAttribute("maxAgeInMinutes", overview.maxAgeInMinutes());
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
        // The renewals and supervisions are the own municipality's work lists, read in the request's scope and linking
        // to its systems; another municipality's are its coordinators' to act on.
        boolean ownWork = shown.isPresent() && own.isPresent() && shown.get().id().equals(own.get().id());
        model.addAttribute("ownWork", ownWork);
        model.addAttribute("ownName", own.map(Municipality::name).orElse(null));
        if (ownWork) {
            addWorkLists(model);
        }
        return "overview/overview";
    }

    private void addWorkLists(Model model) {
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
    }
}
