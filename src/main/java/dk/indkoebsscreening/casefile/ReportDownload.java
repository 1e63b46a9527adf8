package dk.indkoebsscreening.casefile;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** The screening report as a download, the same for the page and the API. */
@Component
class ReportDownload {

    private final ScreeningReport report;

    ReportDownload(ScreeningReport report) {
        this.report = report;
    }

    void write(CaseFile details, HttpServletResponse response) throws IOException {
        byte[] pdf = report.pdf(details);
        response.setContentType("application/pdf");
        response.setContentLength(pdf.length);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(report.fileName(details), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store, private");
        response.getOutputStream().write(pdf);
    }
}
