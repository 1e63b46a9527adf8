package dk.indkoebsscreening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** No text a requester writes runs as a formula in the spreadsheet the export is opened in, whatever its language. */
class DanishCsvTest {

    @Test
    void aCellThatStartsLikeAFormulaAfterAnyBlankGetsAnApostrophe() {
        for (String formula : List.of("=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1+2", "\r=1+2", "\n=1+2", " =1+2", "\u00A0=1+2",
                "\u202F=1+2", "\u2007=1+2", "\u3000=1+2", "\u200B=1+2", "\uFEFF=1+2", " \u00A0 \t+1", "\uFF1D1+2", "\uFF0B1+2",
                "\uFF0D1+2", "\uFF20SUM(A1)", "\u00A0\uFF1D1+2", "\uFE661+2")) {
            assertThat(DanishCsv.cell(formula)).as(formula).startsWith("\"'");
        }
        assertThat(DanishCsv.cell("\u00A0=1+2")).isEqualTo("\"'\u00A0=1+2\"");
    }

    @Test
    void everyCellIsQuotedAndItsQuotesDoubled() {
        assertThat(DanishCsv.cell("Tilbud 2026")).isEqualTo("\"Tilbud 2026\"");
        assertThat(DanishCsv.cell("Sag \"X\"; del 2")).isEqualTo("\"Sag \"\"X\"\"; del 2\"");
        assertThat(DanishCsv.cell(null)).isEqualTo("\"\"");
        assertThat(DanishCsv.cell("a=1")).as("a sign inside the text is text").isEqualTo("\"a=1\"");
    }

    /**
     * Read as spreadsheets read a file whose separator is not theirs: a quote opens a quoted cell only at a cell's
     * start, and what follows a closing quote up to the next separator is kept as text.
     */
    @Test
    void noCellBecomesAFormulaWhateverSeparatorTheSpreadsheetSplitsAt() throws IOException {
        List<String> written = List.of("IND-2026-0001", "a,=1+2,b", "a\t=1+2\tb", "a;=1+2;b", "x, +cmd|' /C calc'!A0",
                "a,\"=1+2\",b", "a, \u00A0\uFF1D1+2", "a,;=1+2", "325000,00");
        String line = DanishCsv.line(written);

        for (char separator : new char[] {';', ',', '\t'}) {
            List<String> cells = new ArrayList<>();
            CSVFormat spreadsheet = CSVFormat.RFC4180.builder().setDelimiter(separator).setTrailingData(true).setLenientEof(true).get();
            for (CSVRecord record : spreadsheet.parse(new StringReader(line))) {
                record.forEach(cells::add);
            }
            assertThat(cells).as("split at " + (int) separator).noneMatch(DanishCsvTest::isFormula);
        }
        assertThat(DanishCsv.cell("a,=1+2,b")).as("what Danish Excel shows").isEqualTo("\"a,'=1+2,b\"");
    }

    private static boolean isFormula(String cell) {
        String visible = cell.replaceAll("^[\\s\\p{Zs}\\p{Cf}\"]+", "");
        return !visible.isEmpty() && "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(visible.charAt(0)) >= 0;
    }
}
