package dk.indkoebsscreening.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dk.indkoebsscreening.register.KitosExport.Row;
import dk.indkoebsscreening.system.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** KITOS's overview of systems in use, as its Excel export and as CSV saved by Excel, and what is refused. */
class KitosExportTest {

    private static final UUID SBSYS = UUID.fromString("0c1fbc8e-4b27-4f5b-8b44-3c3e5d1b2a10");

    @Test
    void readsKitosExcelExportByItsColumnTitles() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            // the titles as KITOS exports them (kitos_frontend, it-system-usages.component.ts), with some not read
            cells(sheet, 0, "Status", "Status (Datofelter)", "Lokal System ID", "IT-System (UUID)", "IT System",
                    "Lokal kaldenavn", "Ansv. organisationsenhed", "Leverandør", "Rettighedshaver", "Antal brugere");
            cells(sheet, 1, "Aktivt", "Aktivt", null, SBSYS.toString(), "SBSYS", "Sagssystem", "Borgerservice",
                    "Fujitsu A/S", "SBSYS (12345678)", "100-499");
            cells(sheet, 2, "", "", "");                                  // formatted, but empty: skipped
            cells(sheet, 4, "Ikke aktivt", "Aktivt", null, null, "Gammelt ESDH (Ikke tilgængeligt)", null, null, null, null);
            sheet.getRow(1).createCell(2).setCellValue(4711);             // a number, as Excel keeps one typed in
        });

        List<Row> rows = KitosExport.read("IT Systemer Overblik.xlsx", xlsx);

        assertThat(rows).containsExactly(
                new Row(2, "SBSYS", "Sagssystem", "Fujitsu A/S", "SBSYS (12345678)", "Borgerservice", "4711", SBSYS, true),
                new Row(5, "Gammelt ESDH", null, null, null, null, null, null, false));
    }

    @Test
    void readsSemicolonCsvSavedByDanishExcelInWindows1252() {
        String csv = "IT System;Leverandør;Ansv. organisationsenhed;Status\r\n"
                + "Økonomistyring;Æblegård & Søn ApS;Børn og Unge;Ikke aktivt\r\n";

        List<Row> rows = KitosExport.read("systemer.csv", csv.getBytes(Charset.forName("windows-1252")));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Økonomistyring");
            assertThat(row.vendor()).isEqualTo("Æblegård & Søn ApS");
            assertThat(row.department()).isEqualTo("Børn og Unge");
            assertThat(row.active()).isFalse();
        });
    }

    @Test
    void readsCommaCsvWithBomQuotedFieldsAndHeaderAliases() {
        // aliases in other case and spelling; a quoted name with the delimiter, a quote and a line break in it
        String csv = "\uFEFF\" systemnavn \",ANSVARLIG ORGANISATIONSENHED,uuid,Lokal systemID,status (datofelter)\n"
                + "\"Opus, Løn \"\"plus\"\"\",\"Løn, HR\"," + SBSYS + ",L-17,Aktivt\n"
                + "\n"
                + ",,,,\n"
                + "\"To\nlinjer\",,,,\n";

        List<Row> rows = KitosExport.read("export.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(rows).containsExactly(
                new Row(2, "Opus, Løn \"plus\"", null, null, null, "Løn, HR", "L-17", SBSYS, true),
                new Row(5, "To\nlinjer", null, null, null, null, null, null, true));
    }

    @Test
    void readsTabSeparatedText() {
        List<Row> rows = KitosExport.read("export.txt", "IT System\tLeverandør\nKMD Nexus\tKMD A/S\n".getBytes(StandardCharsets.UTF_8));

        assertThat(rows).extracting(Row::name, Row::vendor).containsExactly(tuple("KMD Nexus", "KMD A/S"));
    }

    @Test
    void aFileWithoutANameColumnIsRefusedSayingWhichHeadersAreAccepted() {
        InvalidInputException refused = refusal("Leverandør;Afdeling\nKMD;Løn\n".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.problems().get(0).field()).isEqualTo("file");
        assertThat(refused.problems().get(0).messageKey()).isEqualTo("register.import.noNameColumn");
        assertThat(refused.problems().get(0).arguments()).containsExactly("IT System, IT systemnavn, Systemnavn, Navn");
    }

    @Test
    void aRowWithoutANameIsRefusedWithItsLineNumber() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            cells(sheet, 0, "IT System", "Leverandør");
            cells(sheet, 1, "SBSYS", "Fujitsu");
            cells(sheet, 3, " ", "KMD");
        });

        InvalidInputException refused = refusal(xlsx);

        assertThat(refused.problems().get(0).messageKey()).isEqualTo("register.import.nameMissing");
        assertThat(refused.problems().get(0).arguments()).containsExactly(4);
    }

    @Test
    void statusAndUuidMustBeWhatKitosWrites() {
        assertThat(key(refusal("IT System;Status\nSBSYS;Måske\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("register.import.invalidStatus");
        assertThat(key(refusal("IT System;UUID\nSBSYS;1-2-3-4-5\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("register.import.invalidUuid");
    }

    @Test
    void moreThanTenThousandRowsAreRefused() {
        StringBuilder csv = new StringBuilder("IT System\n");
        csv.append("System\n".repeat(KitosExport.MAX_ROWS));
        assertThat(KitosExport.read("max.csv", csv.toString().getBytes(StandardCharsets.UTF_8))).hasSize(KitosExport.MAX_ROWS);

        InvalidInputException refused = refusal(csv.append("Et for meget\n").toString().getBytes(StandardCharsets.UTF_8));

        assertThat(key(refused)).isEqualTo("register.import.tooManyRows");
        assertThat(refused.problems().get(0).arguments()).containsExactly(KitosExport.MAX_ROWS);
    }

    @Test
    void aDamagedWorkbookIsUnreadable() throws IOException {
        byte[] xlsx = workbook(sheet -> cells(sheet, 0, "IT System"));

        assertThat(key(refusal(Arrays.copyOf(xlsx, xlsx.length / 2)))).isEqualTo("register.import.unreadable");
        assertThat(key(refusal("PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo("register.import.unreadable");
    }

    @Test
    void whatIsNeitherCsvNorXlsxIsRefused() {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] legacyXls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

        assertThat(key(refusal(pdf))).isEqualTo("register.import.notCsvOrXlsx");
        assertThat(key(refusal(legacyXls))).isEqualTo("register.import.notCsvOrXlsx");
    }

    @Test
    void aFileWithoutAnyTextIsEmpty() throws IOException {
        assertThat(key(refusal(new byte[0]))).isEqualTo("register.import.empty");
        assertThat(key(refusal("\uFEFF\r\n;;\r\n".getBytes(StandardCharsets.UTF_8)))).isEqualTo("register.import.empty");
        assertThat(key(refusal(workbook(sheet -> cells(sheet, 3, ""))))).isEqualTo("register.import.empty");
    }

    private static InvalidInputException refusal(byte[] content) {
        return catchThrowableOfType(InvalidInputException.class, () -> KitosExport.read("upload", content));
    }

    private static String key(InvalidInputException refused) {
        return refused.problems().get(0).messageKey();
    }

    private interface SheetContent {
        void fill(Sheet sheet);
    }

    private static byte[] workbook(SheetContent content) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            content.fill(workbook.createSheet("IT Systemer Overblik"));
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }

    private static void cells(Sheet sheet, int rowIndex, String... texts) {
        var row = sheet.createRow(rowIndex);
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                row.createCell(i).setCellValue(texts[i]);
            }
        }
    }
}
