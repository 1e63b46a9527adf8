package dk.indkoebsscreening.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dk.indkoebsscreening.register.KitosExport.Row;
import dk.indkoebsscreening.system.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
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

    /** What the cells show in Excel (Danish), as the whole workbook read them before it was read as a stream. */
    @Test
    void numbersDatesFormulasAndTruthValuesReadAsExcelShowsThem() throws IOException {
        List<String> shown = new ArrayList<>();
        byte[] xlsx = workbook(sheet -> {
            cells(sheet, 0, "IT System", "Lokal System ID");
            var styles = sheet.getWorkbook().createDataFormat();
            var date = sheet.getWorkbook().createCellStyle();
            date.setDataFormat(styles.getFormat("dd-mm-yyyy"));
            var decimals = sheet.getWorkbook().createCellStyle();
            decimals.setDataFormat(styles.getFormat("#,##0.00"));
            for (int i = 1; i <= 5; i++) {
                cells(sheet, i, "System " + i);
            }
            Cell when = sheet.getRow(1).createCell(1);
            when.setCellValue(LocalDate.of(2026, 12, 6));
            when.setCellStyle(date);
            Cell amount = sheet.getRow(2).createCell(1);
            amount.setCellValue(1234567.5);
            amount.setCellStyle(decimals);
            sheet.getRow(3).createCell(1).setCellFormula("40+2");
            sheet.getRow(4).createCell(1).setCellFormula("\"L-\"&17");
            sheet.getRow(5).createCell(1).setCellValue(true);
            sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateAll();
            DataFormatter formatter = new DataFormatter(Locale.forLanguageTag("da-DK"));
            formatter.setUseCachedValuesForFormulaCells(true);
            for (int i = 1; i <= 5; i++) {
                shown.add(formatter.formatCellValue(sheet.getRow(i).getCell(1)));
            }
        });

        List<Row> rows = KitosExport.read("tal.xlsx", xlsx);

        assertThat(shown).containsExactly("06-12-2026", "1.234.567,50", "42", "L-17", "TRUE");
        assertThat(rows).extracting(Row::localId).containsExactlyElementsOf(shown);
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

    /**
     * The shape of the attack in issue 25: a few MB of workbook whose sheet unpacks about 20:1 (under POI's 100:1
     * zip-bomb ratio) to many rows of long cells. Loaded whole, it cost about 1 GB of heap before the row limit
     * refused it; read as a stream, what it costs is the rows up to the limit, one at a time.
     */
    @Test
    void aWorkbookWithMoreRowsThanTheLimitIsRefusedWithoutLoadingIt() throws IOException {
        Random random = new Random(25);
        byte[] xlsx = rawWorkbook(sheet -> {
            sheet.write(inlineRow(1, "IT System", "Beskrivelse"));
            for (int row = 2; row <= KitosExport.MAX_ROWS + 2_000; row++) {
                sheet.write(inlineRow(row, "System " + row, words(random, 5_000)));
            }
        }, null, "");
        assertThat(xlsx.length).as("compressed size").isGreaterThan(2_500_000);

        long before = allocatedBytes();
        InvalidInputException refused = refusal(xlsx);
        long allocated = allocatedBytes() - before;

        assertThat(key(refused)).isEqualTo("register.import.tooManyRows");
        assertThat(allocated).as("bytes allocated while reading").isLessThan(MAX_ALLOCATED_FOR_CRAFTED_WORKBOOK);
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefusedAsItIsRead() throws IOException {
        String tooLong = "x".repeat(KitosExport.MAX_CELL_LENGTH + 1);
        byte[] xlsx = rawWorkbook(sheet -> {
            sheet.write(inlineRow(1, "IT System", "Beskrivelse"));
            sheet.write(inlineRow(2, "SBSYS", tooLong));
        }, null, "");
        byte[] csv = ("IT System;Beskrivelse\nSBSYS;" + tooLong + "\n").getBytes(StandardCharsets.UTF_8);

        for (byte[] file : List.of(xlsx, csv)) {
            InvalidInputException refused = refusal(file);
            assertThat(key(refused)).isEqualTo("register.import.tooLong");
            assertThat(refused.problems().get(0).arguments()).containsExactly(2, KitosExport.MAX_CELL_LENGTH);
        }
    }

    @Test
    void aHeaderWiderThanAnyKitosExportIsRefusedAndItsBlankCellsAreNot() throws IOException {
        String[] wide = new String[KitosExport.MAX_COLUMNS + 1];
        Arrays.fill(wide, "");
        wide[0] = "IT System";
        byte[] blankBeyond = rawWorkbook(sheet -> {
            sheet.write(inlineRow(1, wide));
            sheet.write(inlineRow(2, "SBSYS"));
        }, null, "");
        assertThat(KitosExport.read("bred.xlsx", blankBeyond)).extracting(Row::name).containsExactly("SBSYS");

        wide[KitosExport.MAX_COLUMNS] = "Kolonne for meget";
        byte[] xlsx = rawWorkbook(sheet -> {
            sheet.write(inlineRow(1, wide));
            sheet.write(inlineRow(2, "SBSYS"));
        }, null, "");
        byte[] csv = (String.join(";", wide) + "\nSBSYS\n").getBytes(StandardCharsets.UTF_8);
        for (byte[] file : List.of(xlsx, csv)) {
            InvalidInputException refused = refusal(file);
            assertThat(key(refused)).isEqualTo("register.import.tooManyColumns");
            assertThat(refused.problems().get(0).arguments()).containsExactly(1, KitosExport.MAX_COLUMNS);
        }
    }

    @Test
    void sharedStringsLargerThanAnyKitosExportAreRefusedBeforeTheyAreLoaded() throws IOException {
        Random random = new Random(25);
        StringBuilder strings = new StringBuilder("<si><t>IT System</t></si><si><t>SBSYS</t></si>");
        while (strings.length() <= KitosWorkbook.MAX_SHARED_STRINGS_BYTES) {
            strings.append("<si><t>").append(words(random, 5_000)).append("</t></si>");
        }
        byte[] xlsx = rawWorkbook(sheet -> sheet.write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>"), strings.toString(), "");

        long before = allocatedBytes();
        InvalidInputException refused = refusal(xlsx);
        long allocated = allocatedBytes() - before;

        assertThat(key(refused)).isEqualTo("register.import.tooMuchText");
        assertThat(allocated).as("bytes allocated while reading").isLessThan(2L * KitosWorkbook.MAX_SHARED_STRINGS_BYTES);
    }

    @Test
    void partsThatPoiReadsWholeAreRefusedAboveTheirBound() throws IOException {
        String padding = "<!-- " + "x".repeat(KitosWorkbook.MAX_PART_BYTES) + " -->";
        byte[] xlsx = rawWorkbook(sheet -> sheet.write(inlineRow(1, "IT System") + inlineRow(2, "SBSYS")), null, padding);

        assertThat(key(refusal(xlsx))).isEqualTo("register.import.tooMuchText");
    }

    @Test
    void theTextKeptOfTheColumnsReadIsBounded() {
        StringBuilder csv = new StringBuilder("IT System;Beskrivelse\n");
        String longName = "n".repeat((int) (KitosExport.MAX_KEPT_CHARACTERS / KitosExport.MAX_ROWS) + 1);
        csv.append((longName + ";kort\n").repeat(KitosExport.MAX_ROWS));

        assertThat(key(refusal(csv.toString().getBytes(StandardCharsets.UTF_8)))).isEqualTo("register.import.tooMuchText");
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

    /** The old reading (XSSFWorkbook) allocated 420 MB for the crafted workbook; reading it as a stream, about 42 MB. */
    private static final long MAX_ALLOCATED_FOR_CRAFTED_WORKBOOK = 100L * 1024 * 1024;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private interface SheetData {
        void write(Writer sheet) throws IOException;
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /**
     * A workbook written part by part as Excel writes one, without POI (which would hold it all): its rows, and
     * optionally shared strings and something in the workbook's relationships part.
     */
    private static byte[] rawWorkbook(SheetData rows, String sharedStrings, String inRelationships) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                    + "</Types>");
            entry(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\"><sheets>"
                    + "<sheet name=\"IT Systemer Overblik\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" Type=\"" + RELATIONSHIPS
                            + "/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                    + inRelationships + "</Relationships>");
            if (sharedStrings != null) {
                entry(zip, "xl/sharedStrings.xml", "<sst xmlns=\"" + MAIN + "\">" + sharedStrings + "</sst>");
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer sheet = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            sheet.write("<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
            rows.write(sheet);
            sheet.write("</sheetData></worksheet>");
            sheet.flush();
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Words drawn at random from three: text that compresses about as well as the attacker's, about 20:1. */
    private static String words(Random random, int length) {
        String[] words = {"systemet", "kommunen", "borgeren"};
        StringBuilder text = new StringBuilder(length + 10);
        while (text.length() < length) {
            text.append(words[random.nextInt(words.length)]).append(' ');
        }
        return text.toString();
    }

    private static String inlineRow(int row, String... texts) {
        StringBuilder xml = new StringBuilder("<row r=\"" + row + "\">");
        for (int i = 0; i < texts.length; i++) {
            xml.append("<c r=\"").append(CellReference.convertNumToColString(i)).append(row).append("\" t=\"inlineStr\"><is><t>")
                    .append(texts[i]).append("</t></is></c>");
        }
        return xml.append("</row>").toString();
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
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
