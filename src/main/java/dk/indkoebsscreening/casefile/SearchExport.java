package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.system.Paged;
import dk.indkoebsscreening.web.Choices;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * A search result as CSV that Danish Excel opens as it is: UTF-8 with a byte order mark, semicolons, dates as
 * dd-mm-åååå, amounts with a decimal comma and no thousands separator. A cell that starts like a formula
 * (= + - @) gets an apostrophe first, so a title cannot run as a formula in the spreadsheet.
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

    SearchExport(Choices choices, DeadlineProperties deadline) {
        this.choices = choices;
        this.zone = deadline.zone();
    }

    void csv(Pages pages, HttpServletResponse response) throws IOException {
        String[] header = {choices.message("export.reference"), choices.message("export.title"), choices.message("export.system"),
            choices.message("export.vendor"), choices.message("export.department"), choices.message("export.requester"),
            choices.message("export.status"), choices.message("export.submitted"), choices.message("export.deadline"),
            choices.message("export.contractValue"), choices.message("export.outcome"), choices.message("export.decided")};
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("anmodninger.csv").build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        line(writer, List.of(header));
        int written = 0;
        for (int page = 1; written < MAX_ROWS; page++) {
            Paged<RequestSearch.Found> found = pages.page(page, PAGE);
            for (RequestSearch.Found row : found.items()) {
                line(writer, List.of(row.reference(), row.title(), row.systemName(), row.vendor(), row.department(),
                        row.requester(), choices.message("status." + row.status()), date(row.submittedAt()),
                        date(row.deadline()), amount(row.contractValueDkk()),
                        row.outcome() == null ? "" : choices.message("verdict." + row.outcome()), date(row.decidedAt())));
                written++;
            }
            if (!found.hasNext()) {
                break;
            }
        }
        writer.flush();
    }

    private static void line(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(';');
            }
            writer.write(cell(cells.get(i)));
        }
        writer.write("\r\n");
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
}
