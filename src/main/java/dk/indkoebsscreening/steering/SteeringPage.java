package dk.indkoebsscreening.steering;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.request.FundingSource;
import dk.indkoebsscreening.request.PurchaseRequestForm;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.Text;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.TaggedPdf;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Styringsrapport": the steering group's figures for a period as a page, CSV and PDF, and the requests behind each
 * figure. Coordinators see their municipality's; the shared organisation's administrators choose one municipality or
 * all together (access: SecurityConfiguration), as on the dashboard.
 */
@PageController
class SteeringPage {

    /** A department as the report names it: across municipalities with the municipality's name before it. */
    private static final int LONGEST_DEPARTMENT = 2 * PurchaseRequestForm.NAME_LENGTH + 2;

    private final SteeringReports reports;
    private final SteeringView view;
    private final Municipalities municipalities;
    private final Clock clock;
    private final DeadlineProperties deadline;

    SteeringPage(SteeringReports reports, SteeringView view, Municipalities municipalities, Clock clock,
                 DeadlineProperties deadline) {
        this.reports = reports;
        this.view = view;
        this.municipalities = municipalities;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** What the address asks for: the period and whose figures. */
    private record Asked(ReportPeriod period, Optional<Municipality> shown, boolean chooses) {

        Optional<String> municipality() {
            return shown.map(Municipality::id);
        }
    }

    private Asked asked(Map<String, String> parameters, Authentication authentication) {
        LocalDate today = LocalDate.now(clock.withZone(deadline.zone()));
        ReportPeriod period = ReportPeriod.of(parameters.get("periode"), parameters.get("fra"), parameters.get("til"), today);
        boolean chooses = CurrentUser.of(authentication).isAdmin();
        return new Asked(period, municipalities.shownTo(chooses, parameters.getOrDefault("kommune", "")), chooses);
    }

    @GetMapping("/styring")
    String report(@RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        Asked asked = asked(parameters, authentication);
        view.page(reports.report(asked.period(), asked.municipality()), asked.shown(),
                asked.chooses() ? municipalities.all() : List.of(), model);
        return "steering/report";
    }

    @GetMapping("/styring/anmodninger")
    String requests(@RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        Asked asked = asked(parameters, authentication);
        Figure figure = choice(Figure.class, "figur", parameters.get("figur"));
        if (figure == null) {
            throw InvalidInputException.of("figur", "steering.figure.unknown");
        }
        Area area = choice(Area.class, "omraade", parameters.get("omraade"));
        String payer = Text.orNull(parameters.get("betaler"));
        boolean unstated = "NONE".equals(payer);
        FundingSource paidBy = unstated ? null : choice(FundingSource.class, "betaler", payer);
        String payerName = Text.orNull(parameters.get("navn"));
        if (payerName != null && payerName.length() > PurchaseRequestForm.NAME_LENGTH) {
            throw InvalidInputException.of("navn", "search.textTooLong", PurchaseRequestForm.NAME_LENGTH);
        }
        String department = Text.orNull(parameters.get("afdeling"));
        if (department != null && department.length() > LONGEST_DEPARTMENT) {
            throw InvalidInputException.of("afdeling", "search.textTooLong", LONGEST_DEPARTMENT);
        }
        view.requests(reports.requests(asked.period(), asked.municipality(), figure, department, area, paidBy, payerName, unstated),
                asked.period(), asked.shown(), figure, department, area, paidBy, unstated, parameters, model);
        return "steering/requests";
    }

    @GetMapping("/styring.csv")
    void csv(@RequestParam Map<String, String> parameters, Authentication authentication, HttpServletResponse response)
            throws IOException {
        Asked asked = asked(parameters, authentication);
        view.csv(reports.newestReport(asked.period(), asked.municipality()), asked.shown(), response);
    }

    @GetMapping("/styring.pdf")
    void pdf(@RequestParam Map<String, String> parameters, Authentication authentication, HttpServletResponse response)
            throws IOException {
        Asked asked = asked(parameters, authentication);
        SteeringReports.Report report = reports.newestReport(asked.period(), asked.municipality());
        TaggedPdf.write(view.pdf(report, asked.shown()), view.fileName(report, asked.shown()), response);
    }

    /** An enum's value by name, null when none is given; an unknown one is the field's error. */
    private static <E extends Enum<E>> E choice(Class<E> type, String field, String name) {
        if (Text.orNull(name) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "steering.choice.unknown");
        }
    }
}
