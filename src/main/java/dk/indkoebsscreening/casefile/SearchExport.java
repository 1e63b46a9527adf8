package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.BenefitCriterion;
import dk.indkoebsscreening.request.Funding;
import dk.indkoebsscreening.request.FundingSource;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.system.Paged;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.DanishCsv;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A search result as CSV that Danish Excel opens as it is: UTF-8 with a byte order mark, semicolons, dates as
 * dd-mm-åååå, amounts with a decimal comma and no thousands separator; people by name, as a reader knows them. No text a requester wrote can run as a
 * formula in the spreadsheet, also one that splits at commas or tabs (another language's Excel): see {@link DanishCsv#cell}.
 */
@Component
class SearchExport {

    static final int MAX_ROWS = RequestSearch.MAX_COUNTED;
    private static final int PAGE = 1_000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    interface Pages {
        Paged<RequestSearch.Found> page(int page, int size);
    }

    private final Choices choices;
    private final ZoneId zone;
    private final RequestSearch search;
    private final People people;

    SearchExport(Choices choices, DeadlineProperties deadline, RequestSearch search, People people) {
        this.choices = choices;
        this.zone = deadline.zone();
        this.search = search;
        this.people = people;
    }

    /**
     * One line per request: its data, the requester by name, the decision and whether it went against the
     * recommendation, then one column per area with that area's verdict, "Ikke relevant" where the scope left the area out and
     * empty only where it is not screened yet.
     */
    void csv(Pages pages, HttpServletResponse response) throws IOException {
        List<String> header = new ArrayList<>(List.of(choices.message("export.reference"), choices.message("export.title"),
                choices.message("export.system"), choices.message("export.vendor"), choices.message("export.department"),
                choices.message("export.requester"), choices.message("export.status"), choices.message("export.submitted"),
                choices.message("export.deadline"), choices.message("export.contractValue"), choices.message("export.outcome"),
                choices.message("export.decided"), choices.message("export.overridden")));
        for (Area area : Area.values()) {
            header.add(choices.message("export.areaVerdict", choices.message("area." + area)));
        }
        header.add(choices.message("export.personalData"));
        header.add(choices.message("request.detail.purchaseFunding"));
        header.add(choices.message("request.detail.operationFunding"));
        for (BenefitCriterion criterion : BenefitCriterion.values()) {
            header.add(choices.message("export.benefit", choices.message("benefit." + criterion)));
        }
        Writer writer = DanishCsv.open(response, "anmodninger.csv");
        writer.write(DanishCsv.line(header));
        int written = 0;
        for (int page = 1; written < MAX_ROWS; page++) {
            Paged<RequestSearch.Found> found = pages.page(page, PAGE);
            Map<UUID, RequestSearch.Verdicts> verdicts = search.verdicts(found.items().stream().map(RequestSearch.Found::id).toList());
            for (RequestSearch.Found row : found.items()) {
                RequestSearch.Verdicts verdict = verdicts.getOrDefault(row.id(), new RequestSearch.Verdicts(Map.of(), Set.of(), null));
                List<String> cells = new ArrayList<>(List.of(row.reference(), row.title(), row.systemName(), row.vendor(),
                        row.department(), people.name(row.requester()), choices.message("status." + row.status()),
                        date(row.submittedAt()), date(row.deadline()), amount(row.contractValueDkk()), verdict(row.outcome()),
                        date(row.decidedAt()), verdict.overridden() == null ? "" : choices.message(verdict.overridden() ? "yes" : "no")));
                for (Area area : Area.values()) {
                    cells.add(verdict.notRelevant().contains(area) ? choices.message("areaState.NOT_RELEVANT")
                            : verdict(verdict.areas().get(area)));
                }
                cells.add(row.personalDataCategories().stream().map(category -> choices.message("personalData." + category))
                        .collect(Collectors.joining(", ")));
                Funding funding = row.funding();
                cells.add(funding == null ? "" : paidBy(funding.purchase(), funding.purchaseName()));
                cells.add(funding == null ? "" : paidBy(funding.operation(), funding.operationName()));
                for (BenefitCriterion criterion : BenefitCriterion.values()) {
                    cells.add(row.expectedBenefits() == null ? "" : choices.message("rating." + row.expectedBenefits().rating(criterion)));
                }
                writer.write(DanishCsv.line(cells));
                written++;
            }
            if (!found.hasNext()) {
                break;
            }
        }
        writer.flush();
    }

    /** "Pulje: Digitaliseringspuljen", as the request's page says it. */
    private String paidBy(FundingSource source, String name) {
        return choices.message("funding.short." + source) + (name == null ? "" : ": " + name);
    }

    private String verdict(Verdict verdict) {
        return verdict == null ? "" : choices.message("verdict." + verdict);
    }

    private String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
}
