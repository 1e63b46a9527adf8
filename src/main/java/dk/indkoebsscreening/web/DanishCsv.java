package dk.indkoebsscreening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * CSV that Danish Excel opens as it is (the search's export, the steering report): UTF-8 with a byte order mark,
 * semicolons, every cell quoted; no text anyone wrote can run as a formula in the spreadsheet, also one that splits at
 * commas or tabs (another language's Excel): see {@link #cell}.
 */
public final class DanishCsv {

    /** The characters spreadsheets in one language or another split a line into cells at. */
    private static final String SEPARATORS = ",;\t\r\n";
    /** = + - @ as typed, full-width (＝＋－＠) and small (﹦﹢﹣﹫), and a tab or line break. */
    private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\t\r\n";

    private DanishCsv() {
    }

    /** Starts the download: its headers and the byte order mark; the caller writes the lines and flushes. */
    public static Writer open(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        return writer;
    }

    public static String line(List<String> cells) {
        return cells.stream().map(DanishCsv::cell).collect(Collectors.joining(";", "", "\r\n"));
    }

    /**
     * The value quoted, with an apostrophe wherever a spreadsheet could start a cell that reads as a formula: at the
     * start, and after each character a spreadsheet in some language splits at (, ; tab and line breaks). Quoting
     * alone does not keep "a,=1+2,b" one cell: a spreadsheet that splits at commas ends our quoted cell before it
     * and reads the "=1+2" after the comma as a cell of its own; with the apostrophe it reads "'=1+2", text.
     */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        StringBuilder guarded = new StringBuilder(text.length() + 8);
        for (int i = 0; i <= text.length(); i++) {
            if ((i == 0 || SEPARATORS.indexOf(text.charAt(i - 1)) >= 0) && startsLikeAFormula(text, i)) {
                guarded.append('\'');
            }
            if (i < text.length()) {
                guarded.append(text.charAt(i));
            }
        }
        return "\"" + guarded.toString().replace("\"", "\"\"") + "\"";
    }

    /**
     * Whether the first visible character from here on is one a spreadsheet starts a formula with: spreadsheets pass
     * over leading spaces of any kind (no-break, narrow, figure), invisible characters and a cell's quotes, and read
     * the full-width and small forms of the signs as the signs. A tab or a line break counts as well.
     */
    private static boolean startsLikeAFormula(String text, int from) {
        for (int i = from; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (FORMULA_STARTS.indexOf(c) >= 0) {
                return true;
            }
            if (c != '"' && !Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT) {
                return false;
            }
        }
        return false;
    }
}
