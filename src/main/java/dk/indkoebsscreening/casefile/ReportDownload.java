package dk.indkoebsscreening.casefile;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import dk.indkoebsscreening.web.TaggedPdf;
import org.springframework.stereotype.Component;

/** The screening report as a download, the same for the page and the API. */
@Component
class ReportDownload {

    private final ScreeningReport report;

    ReportDownload(ScreeningReport report) {
        this.report = report;
    }

    void write(CaseFile details, HttpServletResponse response) throws IOException {
        TaggedPdf.write(report.pdf(details), report.fileName(details), response);
    }
}
