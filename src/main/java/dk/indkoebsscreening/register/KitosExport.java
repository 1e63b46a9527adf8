package dk.indkoebsscreening.register;

import dk.indkoebsscreening.system.InvalidInputException;
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
import java.util.Objects;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
    /** Columns of the header: KITOS's overview has well under a hundred. */
    static final int MAX_COLUMNS = 256;
    /** The most characters Excel lets a cell hold. */
    public static final int MAX_CELL_LENGTH = 32_767;
    /**
     * The text kept of the columns read, all rows together: MAX_ROWS systems with every column as long as the register
     * takes it come to about 11.5 million characters.
     */
    public static final long MAX_KEPT_CHARACTERS = 20_000_000;

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
    public record Line(int number, List<String> cells) {

        public boolean isBlank() {
            return cells.stream().allMatch(String::isEmpty);
        }

        public String cell(Integer index) {
            return index == null || index >= cells.size() || cells.get(index).isEmpty() ? null : cells.get(index);
        }
    }

    public static List<Row> read(String fileName, byte[] content) {
        Rows rows = new Rows(fileName);
        readLines(fileName, content, rows);
        return rows.read();
    }

    /**
     * Where the lines of a KITOS export go as they are read (this overview's rows, or another KITOS overview's, such as
     * the data processing registrations' in {@code supervision}): it says which columns it reads and bounds what it keeps.
     */
    public interface Lines {

        /** Whether a cell in this column is read. */
        boolean wants(int column);

        void add(Line line);
    }

    /** Reads any KITOS overview exported as XLSX, or saved as CSV, line by line, with the reading's own bounds. */
    public static void readLines(String fileName, byte[] content, Lines lines) {
        if (isZip(content)) {
            KitosWorkbook.read(fileName, content, lines);
        } else {
            readCsv(fileName, content, lines);
        }
    }

    /**
     * The rows of a KITOS overview as they are read, one at a time: the first line with text is the header and says
     * which columns are read; of each later line only those cells are kept, as a row. What a file may cost is bounded
     * here, whatever its format and whichever overview it is: the rows, a cell's length, the columns of the header and
     * the text kept.
     *
     * @param <C> what a column holds
     * @param <R> a row as the overview's reader keeps it
     */
    public abstract static class BoundedRows<C, R> implements Lines {

        private final String fileName;
        private final List<R> rows = new ArrayList<>();
        private Map<C, Integer> columns;
        private long keptCharacters;

        protected BoundedRows(String fileName) {
            this.fileName = fileName;
        }

        /** The columns the header names; refuses a header without the columns the overview needs. */
        protected abstract Map<C, Integer> columnsOf(Line header);

        /** A line after the header as a row, reading only the header's columns. */
        protected abstract R rowOf(Line line, Map<C, Integer> columns);

        /** Whether a cell in this column is read: before the header every column is, after it only the header's. */
        @Override
        public boolean wants(int column) {
            return columns == null || columns.containsValue(column);
        }

        @Override
        public void add(Line line) {
            if (line.cells().stream().anyMatch(text -> text.length() > MAX_CELL_LENGTH)) {
                throw cellTooLong(line.number());
            }
            if (line.isBlank()) {
                return;
            }
            if (columns == null) {
                for (int i = MAX_COLUMNS; i < line.cells().size(); i++) {
                    withinColumns(line.number(), i, line.cells().get(i));
                }
                columns = columnsOf(line);
                return;
            }
            if (rows.size() == MAX_ROWS) {
                throw problem("register.import.tooManyRows", MAX_ROWS);
            }
            keptCharacters += columns.values().stream().map(line::cell).filter(Objects::nonNull).mapToInt(String::length).sum();
            if (keptCharacters > MAX_KEPT_CHARACTERS) {
                throw problem("register.import.tooMuchText", fileName);
            }
            rows.add(rowOf(line, columns));
        }

        public List<R> read() {
            if (columns == null) {
                throw problem("register.import.empty", fileName);
            }
            return List.copyOf(rows);
        }
    }

    /** The register's overview of IT systems. */
    static final class Rows extends BoundedRows<Column, Row> {

        Rows(String fileName) {
            super(fileName);
        }

        @Override
        protected Map<Column, Integer> columnsOf(Line header) {
            Map<Column, Integer> columns = KitosExport.columnsOf(header);
            if (!columns.containsKey(Column.NAME)) {
                throw problem("register.import.noNameColumn", String.join(", ", Column.NAME.headers));
            }
            return columns;
        }

        @Override
        protected Row rowOf(Line line, Map<Column, Integer> columns) {
            return KitosExport.rowOf(line, columns);
        }
    }

    /**
     * Whether a header's cell is in a column a KITOS export can have; beyond them a blank cell (Excel keeps formatted
     * empty ones) is passed over and a cell with text refused. After the header only its columns are read.
     */
    static boolean withinColumns(int line, int column, String text) {
        if (column >= 0 && column < MAX_COLUMNS) {
            return true;
        }
        if (!text.isEmpty()) {
            throw problem("register.import.tooManyColumns", line, MAX_COLUMNS);
        }
        return false;
    }

    static InvalidInputException cellTooLong(int line) {
        return problem("register.import.tooLong", line, MAX_CELL_LENGTH);
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

    private static void readCsv(String fileName, byte[] content, Lines rows) {
        String text = decoded(content);
        if (text.startsWith("%PDF") || text.chars().anyMatch(c -> c < ' ' && c != '\t' && c != '\n' && c != '\r')) {
            throw problem("register.import.notCsvOrXlsx", fileName);
        }
        // Empty lines are kept as records so that record numbers stay the row numbers Excel shows.
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiterOf(text)).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                rows.add(new Line(Math.toIntExact(record.getRecordNumber()), record.stream().map(String::strip).toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            throw problem("register.import.unreadable", fileName);
        }
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

    static InvalidInputException problem(String messageKey, Object... arguments) {
        return InvalidInputException.of("file", messageKey, arguments);
    }
}
