package dk.indkoebsscreening.supervision;

import dk.indkoebsscreening.register.KitosExport;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Reads KITOS's overview of data processing registrations ("Databehandling", exported from its grid as XLSX or saved as
 * CSV) for the oversight of each registration: its systems, data processors, oversight interval and the next and latest
 * oversight. The column titles are KITOS's (os2kitos/kitos_frontend, data-processing-overview.component.ts; the interval's
 * texts in year-month-interval.model.ts); the file is read by the register's KITOS reader with its bounds.
 */
final class KitosOversight {

    /**
     * One data processing registration's oversight.
     *
     * @param intervalMonths null where KITOS says "Andet" or nothing
     */
    record Row(int line, List<UUID> systemUuids, List<String> systemNames, List<String> processors, Integer intervalMonths,
               LocalDate next, LocalDate latest) {
    }

    private enum Column {
        SYSTEMS("IT Systemer"),
        SYSTEM_UUIDS("IT Systemer (UUID)"),
        PROCESSORS("Databehandlere"),
        SUB_PROCESSORS("Underdatabehandlere"),
        INTERVAL("Tilsynsinterval"),
        NEXT("Kommende planlagt tilsyn"),
        LATEST("Seneste tilsyn");

        private final String header;

        Column(String header) {
            this.header = header;
        }
    }

    /** KITOS's oversight intervals as its grid writes them, and as its API v2 names them (OversightIntervalChoice). */
    private static final Map<String, Integer> INTERVALS = Map.ofEntries(
            Map.entry("halvårligt", 6), Map.entry("årligt", 12), Map.entry("hver andet år", 24), Map.entry("hvert tredje år", 36),
            Map.entry("biyearly", 6), Map.entry("yearly", 12), Map.entry("everyotheryear", 24));
    private static final List<String> NO_INTERVAL = List.of("andet", "other", "undecided");
    private static final List<DateTimeFormatter> DATES = Arrays.stream(new String[] {"yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy",
            "d/M/yyyy"}).map(DateTimeFormatter::ofPattern).toList();

    private KitosOversight() {
    }

    static List<Row> read(String fileName, byte[] content) {
        Rows rows = new Rows(fileName);
        KitosExport.readLines(fileName, content, rows);
        return rows.read();
    }

    /** The data processing registrations' overview: the header says which columns are read, each later line is a row. */
    private static final class Rows extends KitosExport.BoundedRows<Column, Row> {

        private final List<FieldProblem> problems = new ArrayList<>();

        Rows(String fileName) {
            super(fileName);
        }

        @Override
        protected Row rowOf(KitosExport.Line line, Map<Column, Integer> columns) {
            Integer interval = intervalOf(line, line.cell(columns.get(Column.INTERVAL)));
            LocalDate next = dateOf(line, line.cell(columns.get(Column.NEXT)));
            LocalDate latest = dateOf(line, line.cell(columns.get(Column.LATEST)));
            List<String> processors = new ArrayList<>(list(line.cell(columns.get(Column.PROCESSORS))));
            processors.addAll(list(line.cell(columns.get(Column.SUB_PROCESSORS))));
            List<UUID> uuids = list(line.cell(columns.get(Column.SYSTEM_UUIDS))).stream().map(text -> uuidOf(line, text))
                    .filter(Objects::nonNull).toList();
            return new Row(line.number(), uuids, list(line.cell(columns.get(Column.SYSTEMS))), processors, interval, next,
                    latest);
        }

        /** The rows, once every line's interval and dates could be read; else every line that could not, named. */
        @Override
        public List<Row> read() {
            List<Row> rows = super.read();
            InvalidInputException.throwIfAny(problems);
            return rows;
        }

        @Override
        protected Map<Column, Integer> columnsOf(KitosExport.Line header) {
            Map<Column, Integer> found = new EnumMap<>(Column.class);
            for (int i = 0; i < header.cells().size(); i++) {
                String title = normalized(header.cells().get(i));
                for (Column column : Column.values()) {
                    if (normalized(column.header).equals(title)) {
                        found.putIfAbsent(column, i);
                    }
                }
            }
            boolean systems = found.containsKey(Column.SYSTEMS) || found.containsKey(Column.SYSTEM_UUIDS);
            boolean oversight = found.containsKey(Column.INTERVAL) || found.containsKey(Column.NEXT) || found.containsKey(Column.LATEST);
            if (!systems || !found.containsKey(Column.PROCESSORS) || !oversight) {
                throw InvalidInputException.of("file", "supervision.import.columns");
            }
            return found;
        }

        private Integer intervalOf(KitosExport.Line line, String text) {
            if (text == null || NO_INTERVAL.contains(text.toLowerCase(Locale.ROOT))) {
                return null;
            }
            Integer months = INTERVALS.get(text.toLowerCase(Locale.ROOT));
            if (months == null) {
                problems.add(new FieldProblem("file", "supervision.import.interval", line.number(), text));
            }
            return months;
        }

        private LocalDate dateOf(KitosExport.Line line, String text) {
            if (text == null) {
                return null;
            }
            for (DateTimeFormatter format : DATES) {
                try {
                    return LocalDate.parse(text, format);
                } catch (DateTimeParseException notThisOne) {
                    // the next format
                }
            }
            problems.add(new FieldProblem("file", "supervision.import.date", line.number(), text));
            return null;
        }

        private UUID uuidOf(KitosExport.Line line, String text) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("file", "register.import.invalidUuid", line.number(), text));
                return null;
            }
        }
    }

    /** KITOS writes several names or UUIDs in one cell separated by commas. */
    private static List<String> list(String cell) {
        return cell == null ? List.of() : Arrays.stream(cell.split(",")).map(String::strip).filter(text -> !text.isEmpty()).toList();
    }

    /** As the register's import matches headers: case ignored, '-' as a space, runs of spaces as one. */
    private static String normalized(String header) {
        return header.replace('\uFEFF', ' ').replace('-', ' ').replace('\u00A0', ' ').strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }
}
