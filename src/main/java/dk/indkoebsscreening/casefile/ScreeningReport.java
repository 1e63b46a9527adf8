package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.screening.ChecklistQuestion;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.web.Formats;
import dk.indkoebsscreening.web.TaggedPdf;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The screening report ("Screeningsrapport") of one request as a PDF for the case file: the request, its scope, the
 * areas with verdicts, findings, conditions and checklist answers, questions and answers, the decision, the
 * files with their SHA-256 and the history; in Danish, with the municipality's name, tagged for
 * accessibility (PDF/UA) with embedded fonts.
 */
@Component
class ScreeningReport {

    private final TaggedPdf pdf;
    private final ScreeningService screening;
    private final Formats formats;
    private final Municipalities municipalities;
    private final Requests requests;
    private final Clock clock;

    ScreeningReport(TaggedPdf pdf, ScreeningService screening, Formats formats, Municipalities municipalities,
                    Requests requests, Clock clock) {
        this.pdf = pdf;
        this.screening = screening;
        this.formats = formats;
        this.municipalities = municipalities;
        this.requests = requests;
        this.clock = clock;
    }

    /** The PDF, whole (a few hundred kB at most), so a failure is an error page rather than half a file. */
    byte[] pdf(CaseFile details) {
        Map<Area, List<ChecklistQuestion>> checklists = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            checklists.put(area, screening.checklist(area));
        }
        // The request's municipality, not the reader's: a shared expert or the administrator acts for no municipality.
        Municipality municipality = municipalities.byId(requests.municipalityOf(details.request().id()));
        return pdf.render("report/screening-report", () -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("details", details);
            variables.put("request", details.request());
            variables.put("checklists", checklists);
            variables.put("whatNow", WhatNow.of(details));
            variables.put("municipality", municipality.name());
            // Null when the municipality has none.
            variables.put("letterhead", municipality.logoText());
            variables.put("generated", formats.dateTime(clock.instant()));
            return variables;
        });
    }

    String fileName(CaseFile details) {
        return "Screeningsrapport " + details.request().reference() + ".pdf";
    }
}
