package dk.indkoebsscreening.steering;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.register.ScreeningOfSystems;
import dk.indkoebsscreening.request.FundingSource;
import dk.indkoebsscreening.satisfaction.SatisfactionSurveys;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.steering.SteeringReports.AreaFigures;
import dk.indkoebsscreening.steering.SteeringReports.DepartmentFigures;
import dk.indkoebsscreening.steering.SteeringReports.Durations;
import dk.indkoebsscreening.steering.SteeringReports.Paid;
import dk.indkoebsscreening.steering.SteeringReports.Report;
import dk.indkoebsscreening.steering.SteeringReports.Wait;
import dk.indkoebsscreening.steering.SteeringRows.RequestRow;
import dk.indkoebsscreening.web.BarChart;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.DanishCsv;
import dk.indkoebsscreening.web.Formats;
import dk.indkoebsscreening.web.TaggedPdf;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/** The steering report's words and figures as the page, the CSV and the PDF show them: one home for all three. */
@Component
public class SteeringView {

    private final Choices choices;
    private final Formats formats;
    private final TaggedPdf pdf;
    private final Clock clock;
    private final ZoneId zone;
    private final People people;

    SteeringView(Choices choices, Formats formats, TaggedPdf pdf, Clock clock, DeadlineProperties deadline, People people) {
        this.people = people;
        this.choices = choices;
        this.formats = formats;
        this.pdf = pdf;
        this.clock = clock;
        this.zone = deadline.zone();
    }

    /** The addresses of the report's other forms and of each figure's requests, keeping the period and the municipality. */
    public record Links(String query) {

        public String csv() {
            return "/styring.csv?" + query;
        }

        public String pdf() {
            return "/styring.pdf?" + query;
        }

        public String report() {
            return "/styring?" + query;
        }

        /** The approved requests one source pays for (a pool or fund by its name; NONE: those that did not say). */
        public String paid(String payer, String name) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath("/styring/anmodninger").query(query)
                    .queryParam("figur", Figure.APPROVED.name()).queryParam("betaler", payer);
            if (name != null) {
                link.queryParam("navn", name);
            }
            return link.encode().build().toUriString();
        }

        /** A figure's requests, narrowed as given (null: not narrowed). */
        public String of(String figure, String department, String area, String payer) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath("/styring/anmodninger").query(query).queryParam("figur", figure);
            if (department != null) {
                link.queryParam("afdeling", department);
            }
            if (area != null) {
                link.queryParam("omraade", area);
            }
            if (payer != null) {
                link.queryParam("betaler", payer);
            }
            return link.encode().build().toUriString();
        }

        static Links of(ReportPeriod period, Optional<Municipality> shown, boolean chooses) {
            UriComponentsBuilder query = UriComponentsBuilder.newInstance();
            if (period.key() != null) {
                query.queryParam("periode", period.key());
            } else {
                query.queryParam("fra", period.first()).queryParam("til", period.last());
            }
            if (chooses && shown.isPresent()) {
                query.queryParam("kommune", shown.get().id());
            }
            return new Links(query.encode().build().getQuery());
        }
    }

    void page(SteeringReports.Latest latest, Optional<Municipality> shown, List<Municipality> choosable, Model model) {
        Report report = latest.report();
        model.addAttribute("recounting", latest.recounting());
        boolean chooses = !choosable.isEmpty();
        if (chooses) {
            model.addAttribute("municipalities", choosable);
            model.addAttribute("chosen", shown.map(Municipality::id).orElse(""));
        }
        ReportPeriod period = report.period();
        model.addAttribute("heading", heading(shown));
        model.addAttribute("report", report);
        model.addAttribute("periodLabel", label(period));
        model.addAttribute("countedAt", formats.dateTime(report.countedAt()));
        Map<String, String> offered = new LinkedHashMap<>();
        ReportPeriod.offered(LocalDate.now(clock.withZone(zone))).forEach(each -> offered.put(each.key(), label(each)));
        if (period.key() != null && !offered.containsKey(period.key())) {
            offered.put(period.key(), label(period));
        }
        model.addAttribute("periods", offered);
        model.addAttribute("chosenPeriod", period.key() == null ? "" : period.key());
        model.addAttribute("from", period.key() == null ? period.first() : null);
        model.addAttribute("to", period.key() == null ? period.last() : null);
        model.addAttribute("links", Links.of(period, shown, chooses));
        model.addAttribute("view", this);
        model.addAttribute("waitsChart", BarChart.of(report.waits().stream()
                .filter(wait -> wait.days().median() != null)
                .map(wait -> new BarChart.Bar(choices.message("steering.phase." + wait.phase()), wait.days().median(),
                        days(wait.days().median())))
                .toList()));
        model.addAttribute("areasChart", BarChart.of(report.areas().stream()
                .map(area -> new BarChart.Bar(choices.message("area." + area.area()), area.days().median(), days(area.days().median())))
                .toList()));
        model.addAttribute("satisfactionChart", BarChart.of(java.util.stream.IntStream.rangeClosed(1, 5).map(score -> 6 - score)
                .mapToObj(score -> new BarChart.Bar(choices.message("satisfaction.score." + score),
                        report.satisfaction().byScore().get(score - 1), number(report.satisfaction().byScore().get(score - 1))))
                .toList()));
        model.addAttribute("paidChart", BarChart.of(report.approvedByFunding().stream()
                .map(paid -> new BarChart.Bar(paidBy(paid), paid.valueDkk().doubleValue(), formats.amount(paid.valueDkk())))
                .toList()));
    }

    void requests(List<RequestRow> rows, ReportPeriod period, Optional<Municipality> shown, Figure figure, String department,
                  Area area, FundingSource paidBy, boolean unstated, Map<String, String> parameters, Model model) {
        boolean chooses = parameters.containsKey("kommune") || shown.isEmpty();
        model.addAttribute("heading", choices.message("steering.figure." + figure));
        model.addAttribute("rows", rows);
        model.addAttribute("periodLabel", label(period));
        model.addAttribute("whose", shown.map(Municipality::name).orElseGet(() -> choices.message("overview.all")));
        List<String> narrowed = new ArrayList<>();
        if (department != null) {
            narrowed.add(department);
        }
        if (area != null) {
            narrowed.add(choices.message("area." + area));
        }
        if (paidBy != null || unstated) {
            narrowed.add(unstated ? choices.message("request.detail.notStated") : choices.message("funding.short." + paidBy));
        }
        model.addAttribute("narrowed", String.join(" · ", narrowed));
        model.addAttribute("links", Links.of(period, shown, chooses));
    }

    /** The report as CSV for Danish Excel: one section per table, as on the page, each with its own header line. */
    void csv(Report report, Optional<Municipality> shown, HttpServletResponse response) throws IOException {
        Writer writer = DanishCsv.open(response, fileName(report, shown).replace(".pdf", ".csv"));
        line(writer, heading(shown), label(report.period()), choices.message("steering.countedAt", formats.dateTime(report.countedAt())));
        line(writer);
        line(writer, choices.message("steering.csv.figure"), choices.message("steering.csv.value"));
        for (Map.Entry<String, String> figure : keyFigures(report, true).entrySet()) {
            line(writer, figure.getKey(), figure.getValue());
        }
        line(writer);
        line(writer, choices.message("steering.col.department"), choices.message("steering.col.submitted"),
                choices.message("steering.col.decided"), choices.message("steering.col.withdrawn"),
                choices.message("steering.col.late"), choices.message("steering.col.onTime"),
                choices.message("steering.col.median"), choices.message("steering.col.percentile90"));
        for (DepartmentFigures row : report.departments()) {
            line(writer, row.department(), number(row.submitted()), number(row.decided()), number(row.withdrawn()),
                    number(row.late()), row.onTimePercent() == null ? "" : number(row.onTimePercent()),
                    medianCell(row.days()), percentileCell(row.days()));
        }
        line(writer);
        line(writer, choices.message("steering.col.area"), choices.message("steering.col.screened"),
                choices.message("steering.col.late"), choices.message("steering.col.median"), choices.message("steering.col.percentile90"));
        for (AreaFigures row : report.areas()) {
            line(writer, choices.message("area." + row.area()), number(row.screened()), number(row.late()),
                    medianCell(row.days()), percentileCell(row.days()));
        }
        line(writer);
        line(writer, choices.message("steering.col.phase"), choices.message("steering.col.median"), choices.message("steering.col.percentile90"));
        for (Wait wait : report.waits()) {
            line(writer, choices.message("steering.phase." + wait.phase()), medianCell(wait.days()), percentileCell(wait.days()));
        }
        line(writer);
        line(writer, choices.message("steering.col.paidBy"), choices.message("steering.col.approved"), choices.message("steering.col.valueDkk"));
        for (Paid paid : report.approvedByFunding()) {
            line(writer, paidBy(paid), number(paid.count()), kroner(paid.valueDkk()));
        }
        line(writer);
        line(writer, choices.message("steering.col.score"), choices.message("steering.col.answers"));
        for (int score = 5; score >= 1; score--) {
            line(writer, choices.message("satisfaction.score." + score), number(report.satisfaction().byScore().get(score - 1)));
        }
        line(writer);
        line(writer, choices.message("steering.col.reference"), choices.message("steering.col.score"),
                choices.message("steering.col.requester"), choices.message("steering.col.comment"));
        for (SatisfactionSurveys.Answer answer : report.satisfaction().each()) {
            line(writer, Objects.toString(answer.reference(), ""), Integer.toString(answer.score()), answer.requester() == null
                    ? choices.message("steering.satisfaction.anonymous") : people.name(answer.requester()), answer.comment());
        }
        line(writer);
        line(writer, choices.message("steering.col.system"), choices.message("register.col.vendor"),
                choices.message("steering.col.department"), choices.message("steering.col.registered"), choices.message("steering.col.source"));
        for (ScreeningOfSystems.Unscreened system : report.unscreened()) {
            line(writer, system.name(), system.vendor(), system.department(), formats.date(system.registeredAt()),
                    choices.message("register.source." + system.source()));
        }
        line(writer);
        line(writer, choices.message("steering.col.reference"), choices.message("steering.col.title"),
                choices.message("steering.col.department"), choices.message("steering.col.recommendation"),
                choices.message("steering.col.outcome"), choices.message("steering.col.reason"));
        for (RequestRow row : report.overrides()) {
            line(writer, row.reference(), row.title(), row.department(), choices.message("verdict." + row.recommendation()),
                    choices.message("verdict." + row.outcome()), row.reason());
        }
        writer.flush();
    }

    byte[] pdf(Report report, Optional<Municipality> shown) {
        return pdf.render("report/steering-report", () -> pdfVariables(report, shown));
    }

    private Map<String, Object> pdfVariables(Report report, Optional<Municipality> shown) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("heading", heading(shown));
        variables.put("letterhead", shown.map(Municipality::logoText).orElse(null));
        variables.put("report", report);
        variables.put("view", this);
        variables.put("periodLabel", label(report.period()));
        variables.put("countedAt", formats.dateTime(report.countedAt()));
        variables.put("keyFigures", keyFigures(report, false));
        variables.put("generated", formats.dateTime(clock.instant()));
        return variables;
    }

    String fileName(Report report, Optional<Municipality> shown) {
        String period = report.period().key() != null ? report.period().key() : report.period().first() + "-" + report.period().last();
        return "Styringsrapport " + shown.map(Municipality::name).orElse("alle kommuner") + " " + period + ".pdf";
    }

    /** The figures at the top of the page, in words and numbers, for the CSV (kroner as a spreadsheet reads them) and the PDF. */
    Map<String, String> keyFigures(Report report, boolean forSpreadsheet) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put(choices.message("steering.figure.SUBMITTED"), number(report.submitted()));
        figures.put(choices.message("steering.figure.DECIDED"), number(report.decided()));
        figures.put(choices.message("steering.figure.APPROVED"), number(report.approved()));
        figures.put(choices.message("steering.figure.REJECTED"), number(report.rejected()));
        figures.put(choices.message("steering.figure.WITHDRAWN"), number(report.withdrawn()));
        figures.put(choices.message("steering.figure.ON_TIME"), report.onTimePercent() == null ? "" : report.onTimePercent() + " %");
        figures.put(choices.message("steering.figure.LATE"), number(report.late()));
        figures.put(choices.message("steering.col.median"), medianCell(report.days()));
        figures.put(choices.message("steering.col.percentile90"), percentileCell(report.days()));
        figures.put(choices.message("steering.figure.OVERRIDDEN"), number(report.overrides().size()));
        figures.put(choices.message("steering.figure.CONDITIONS_OPEN"), number(report.conditionsOpen()));
        figures.put(choices.message("steering.figure.CONDITIONS_OVERDUE"), number(report.conditionsOverdue()));
        figures.put(choices.message("steering.col.answers") + " (" + choices.message("steering.satisfaction").toLowerCase(locale()) + ")",
                number(report.satisfaction().answers()));
        figures.put(choices.message("steering.satisfaction.average"), figure(report.satisfaction().average()));
        figures.put(choices.message("steering.unscreened"), number(report.unscreened().size()));
        figures.put(choices.message(forSpreadsheet ? "steering.approvedValue" : "steering.approvedValue.text"),
                forSpreadsheet ? kroner(report.approvedValueDkk()) : formats.amount(report.approvedValueDkk()));
        return figures;
    }

    String heading(Optional<Municipality> shown) {
        return choices.message("steering.heading", shown.map(Municipality::name).orElseGet(() -> choices.message("overview.all")));
    }

    /** "3. kvartal 2026", "2026" or "1. juli 2026 – 15. august 2026". */
    String label(ReportPeriod period) {
        if (period.key() == null) {
            return formats.date(period.first()) + " – " + formats.date(period.last());
        }
        return period.isQuarter() ? choices.message("steering.quarter", period.key().substring(period.key().length() - 1),
                period.key().substring(0, 4)) : period.key();
    }

    /** "Pulje: Digitaliseringspuljen", "Ikke oplyst". */
    public String paidBy(Paid paid) {
        if (paid.source() == null) {
            return choices.message("request.detail.notStated");
        }
        return choices.message("funding.short." + paid.source()) + (paid.name() == null ? "" : ": " + paid.name());
    }

    /** Working days with at most one decimal, the Danish way ("2,5 dage"). */
    public String days(Double days) {
        return days == null ? "–" : choices.message("steering.days", decimal(days));
    }

    /** A number with at most one decimal, or a dash when there is none. */
    public String figure(Double value) {
        return value == null ? "–" : decimal(value);
    }

    public String wholeDays(Integer days) {
        return days(days == null ? null : days.doubleValue());
    }

    private String medianCell(Durations durations) {
        return durations.median() == null ? "" : decimal(durations.median());
    }

    private String percentileCell(Durations durations) {
        return durations.percentile90() == null ? "" : number(durations.percentile90());
    }

    private static String decimal(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    private static String number(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    /** Kroner for a spreadsheet: decimal comma, no thousands separator, as the search's export. */
    private static String kroner(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    /** A line of cells, an empty cell for what is not known (a system without a vendor, an answer without a comment). */
    private static void line(Writer writer, String... cells) throws IOException {
        writer.write(DanishCsv.line(Arrays.asList(cells)));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
