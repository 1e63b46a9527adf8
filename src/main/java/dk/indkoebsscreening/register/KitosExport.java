package dk.indkoebsscreening.register;

import dk.indkoebsscreening.system.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads KITOS's overview of the municipality's IT systems in use ("IT Systemer i anvendelse", exported from
 * its grid as "IT Systemer Overblik.xlsx"), or the same table saved as CSV, into rows for the system register.
 *
 * <p>The header texts are KITOS's column titles (os2kitos/kitos_frontend, it-system-usages.component.ts; the same
 * in the older AngularJS overview of os2kitos/kitos). Only the columns below are read, the rest are ignored, and
 * only the name column is required: KITOS exports only the columns shown unless "all columns" is chosen. Headers
 * match case-insensitively, trimmed, with '-' as a space and runs of spaces as one, so "IT-System" = "it system".
 */
public final class KitosExport {

    public static final int MAX_ROWS = 10_000;

    /**
     * One system in use. {@code line} is the row's number as the coordinator sees it (the Excel row, the CSV
     * record, header = 1). Texts are trimmed, blank ones null. {@code kitosSystemUuid} identifies the system in
     * KITOS's catalogue (the same in every municipality), not the municipality's usage of it.
     */
    public record Row(int line, String name, String localName, String vendor, String rightsHolder, String department,
            String localId, UUID kitosSystemUuid, boolean active) {
    }

    /** The columns read, each with KITOS's title first and then the aliases accepted for it, in priority order. */
    private enum Column {
        NAME("IT System", "IT systemnavn", "Systemnavn", "Navn"),
        LOCAL_NAME("Lokal kaldenavn", "Lokalt kaldenavn", "Kaldenavn"),
        // KITOS's "Leverandør" is the supplier on the usage's marked contract, "Rettighedshaver" the catalogue's
        // rights holder ("Name (CVR)"): not the same party, so both are kept.
        VENDOR("Leverandør", "Leverandørnavn"),
        RIGHTS_HOLDER("Rettighedshaver"),
        DEPARTMENT("Ansv. organisationsenhed", "Ansvarlig organisationsenhed", "Organisationsenhed", "Afdeling"),
        LOCAL_ID("Lokal System ID", "Lokal systemID", "Lokalt system ID", "Lokal ID"),
        SYSTEM_UUID("IT-System (UUID)", "IT System UUID", "System UUID", "UUID"),
        // "Status" is KITOS's overall one (not active for any reason); the older overview had only the one by dates.
        STATUS("Status", "Status (Datofelter)");

        private final List<String> headers;

        Column(String... headers) {
            this.headers = List.of(headers);
        }
    }

    private static final List<String> ACTIVE = List.of("aktivt", "aktiv", "ja", "true");
    private static final List<String> NOT_ACTIVE = List.of("ikke aktivt", "ikke aktiv", "inaktiv", "nej", "false");
    /** KITOS appends this to the name of a system taken out of its catalogue; it is no part of the name. */
    private static final String UNAVAILABLE_SUFFIX = " (Ikke tilgængeligt)";
    private static final char[] DELIMITERS = {';', ',', '\t'};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private KitosExport() {
    }

    /** A row as read, before its columns are known: the cells' texts, trimmed. */
    private record Line(int number, List<String> cells) {

        boolean isBlank() {
            return cells.stream().allMatch(String::isEmpty);
        }

        String cell(Integer index) {
            return index == null || index >= cells.size() || cells.get(index).isEmpty() ? null : cells.get(index);
        }
    }

    public static List<Row> read(String fileName, byte[] content) {
        List<Line> lines = isZip(content) ? readXlsx(fileName, content) : readCsv(fileName, content);
        if (lines.isEmpty()) {
            throw problem("register.import.empty", fileName);
        }
        Map<Column, Integer> columns = columnsOf(lines.get(0));
        if (!columns.containsKey(Column.NAME)) {
            throw problem("register.import.noNameColumn", String.join(", ", Column.NAME.headers));
        }
        return lines.subList(1, lines.size()).stream().map(line -> rowOf(line, columns)).toList();
    }

    private static Row rowOf(Line line, Map<Column, Integer> columns) {
        String name = line.cell(columns.get(Column.NAME));
        if (name == null) {
            throw problem("register.import.nameMissing", line.number());
        }
        if (name.endsWith(UNAVAILABLE_SUFFIX) && name.length() > UNAVAILABLE_SUFFIX.length()) {
            name = name.substring(0, name.length() - UNAVAILABLE_SUFFIX.length()).strip();
        }
        return new Row(line.number(), name, line.cell(columns.get(Column.LOCAL_NAME)), line.cell(columns.get(Column.VENDOR)),
                line.cell(columns.get(Column.RIGHTS_HOLDER)), line.cell(columns.get(Column.DEPARTMENT)),
                line.cell(columns.get(Column.LOCAL_ID)), uuidOf(line, line.cell(columns.get(Column.SYSTEM_UUID))),
                activeOf(line, line.cell(columns.get(Column.STATUS))));
    }

    private static UUID uuidOf(Line line, String text) {
        if (text == null) {
            return null;
        }
        // UUID.fromString also takes shortened forms such as "1-2-3-4-5": only the canonical 36 characters are one.
        if (text.length() == 36) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException notOne) {
                // said below
            }
        }
        throw problem("register.import.invalidUuid", line.number(), text);
    }

    /** A usage KITOS does not call inactive is taken as active, a blank status included. */
    private static boolean activeOf(Line line, String text) {
        if (text == null) {
            return true;
        }
        String status = normalized(text);
        if (ACTIVE.contains(status)) {
            return true;
        }
        if (NOT_ACTIVE.contains(status)) {
            return false;
        }
        throw problem("register.import.invalidStatus", line.number(), text);
    }

    /** Per column the first header that matches, trying KITOS's title before the aliases. */
    private static Map<Column, Integer> columnsOf(Line header) {
        List<String> titles = header.cells().stream().map(KitosExport::normalized).toList();
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (Column column : Column.values()) {
            column.headers.stream().map(KitosExport::normalized).map(titles::indexOf).filter(index -> index >= 0)
                    .findFirst().ifPresent(index -> columns.put(column, index));
        }
        return columns;
    }

    private static String normalized(String header) {
        return header.replace('\uFEFF', ' ').replace('-', ' ').replace('\u00A0', ' ').strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    private static boolean isZip(byte[] content) {
        return content.length >= 2 && content[0] == 'P' && content[1] == 'K';
    }

    private static List<Line> readXlsx(String fileName, byte[] content) {
        // POI's zip-bomb limits (ZipSecureFile) stay as they are: an upload is not trusted.
        try (XSSFWorkbook workbook = openWorkbook(fileName, content)) {
            if (workbook.getNumberOfSheets() == 0) {
                return List.of();
            }
            DataFormatter formatter = new DataFormatter(Locale.forLanguageTag("da-DK"));
            formatter.setUseCachedValuesForFormulaCells(true); // a formula's result, as Excel shows it
            List<Line> lines = new ArrayList<>();
            for (var sheetRow : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < sheetRow.getLastCellNum(); i++) {
                    var cell = sheetRow.getCell(i);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
                }
                add(lines, new Line(sheetRow.getRowNum() + 1, cells));
            }
            return lines;
        } catch (IOException closing) {
            throw problem("register.import.unreadable", fileName);
        }
    }

    private static XSSFWorkbook openWorkbook(String fileName, byte[] content) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException broken) {
            // A damaged or cut-off workbook, a zip bomb, a ZIP that is no workbook: POI says each in its own way
            // (a truncated workbook as NotOfficeXmlFileException, too), and to the coordinator they are all one.
            throw problem("register.import.unreadable", fileName);
        }
    }

    private static List<Line> readCsv(String fileName, byte[] content) {
        String text = decoded(content);
        if (text.startsWith("%PDF") || text.chars().anyMatch(c -> c < ' ' && c != '\t' && c != '\n' && c != '\r')) {
            throw problem("register.import.notCsvOrXlsx", fileName);
        }
        // Empty lines are kept as records so that record numbers stay the row numbers Excel shows.
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiterOf(text)).setIgnoreEmptyLines(false).get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.stream().map(String::strip).toList();
                add(lines, new Line(Math.toIntExact(record.getRecordNumber()), cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            throw problem("register.import.unreadable", fileName);
        }
        return lines;
    }

    /** Keeps a line that has any text, and refuses a file with more rows than a register import needs. */
    private static void add(List<Line> lines, Line line) {
        if (line.isBlank()) {
            return;
        }
        if (lines.size() > MAX_ROWS) { // the header and MAX_ROWS rows are in already
            throw problem("register.import.tooManyRows", MAX_ROWS);
        }
        lines.add(line);
    }

    /** UTF-8 (its BOM dropped) when the bytes are valid UTF-8, otherwise windows-1252, as Danish Excel saves CSV. */
    private static String decoded(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(content, WINDOWS_1252);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The delimiter used most often, outside quotes, in the first line with text (the header); ';' on a tie. */
    private static char delimiterOf(String text) {
        String header = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            for (int i = 0; i < DELIMITERS.length && !quoted; i++) {
                counts[i] += c == DELIMITERS[i] ? 1 : 0;
            }
        }
        int best = 0;
        for (int i = 1; i < DELIMITERS.length; i++) {
            best = counts[i] > counts[best] ? i : best;
        }
        return DELIMITERS[best];
    }

    private static InvalidInputException problem(String messageKey, Object... arguments) {
        return InvalidInputException.of("file", messageKey, arguments);
    }
}
