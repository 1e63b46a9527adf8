package dk.indkoebsscreening.register;

import dk.indkoebsscreening.register.KitosExport.Lines;
import dk.indkoebsscreening.system.InvalidInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.Styles;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an Excel workbook (XLSX), read as a stream: POI's event API hands over one row at a time, so
 * what a file costs is what is kept of it, never the whole sheet. Loading a workbook whole (XSSFWorkbook) builds the
 * sheet's XML as objects first: a few MB that unpack under POI's zip-bomb ratio to 60 MB of sheet cost a gigabyte
 * of heap before the row limit could say no. Here the reading stops at the first row past the limit, a cell longer
 * than Excel allows is refused as it streams in, cells in columns nobody reads are passed over unread, and the parts
 * that POI reads whole (shared strings, styles, the list of sheets, content types and relationships) are refused
 * above a size no KITOS export comes near, before they are loaded.
 */
final class KitosWorkbook {

    /** The shared strings hold the text of every column, read or not: a KITOS export of 10 000 systems has far less. */
    static final int MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024;
    /** Styles, the workbook's list of sheets, content types and relationships: a few kB in a KITOS export. */
    static final int MAX_PART_BYTES = 4 * 1024 * 1024;

    private KitosWorkbook() {
    }

    static void read(String fileName, byte[] content, Lines rows) {
        // OPCPackage.open(InputStream) unpacks every part into memory; from a file it reads a part when asked for it.
        Path copy = copyOf(content);
        try {
            requireSmallPackageParts(fileName, copy);
            try (OPCPackage workbook = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(workbook);
                String firstSheet = firstSheetId(fileName, reader);
                if (firstSheet == null) {
                    return;
                }
                SharedStrings strings = sharedStrings(fileName, workbook);
                Styles styles = styles(fileName, workbook);
                try (InputStream sheet = reader.getSheet(firstSheet)) {
                    parse(sheet, new BoundedSheet(styles, strings, new SheetRows(rows)).handler);
                }
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException broken) {
            // A damaged or cut-off workbook, a zip bomb, a ZIP that is no workbook: POI says each in its own way (a
            // truncated workbook as NotOfficeXmlFileException, too), and to the coordinator they are all one. A
            // refusal of ours may come back wrapped by the XML parser or POI, and is answered as itself.
            throw ourRefusal(broken).orElseGet(() -> KitosExport.problem("register.import.unreadable", fileName));
        } finally {
            copy.toFile().delete();
        }
    }

    private static Path copyOf(byte[] content) {
        try {
            Path copy = Files.createTempFile("indkoeb-kitos-", ".xlsx");
            Files.write(copy, content);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POI reads content types and relationships into a DOM when it opens the package: only small ones get there. */
    private static void requireSmallPackageParts(String fileName, Path copy) throws IOException {
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith(".rels") || name.endsWith("[content_types].xml")) {
                    try (InputStream part = bounded(fileName, zip.getInputStream(entry), MAX_PART_BYTES)) {
                        part.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
        }
    }

    /** The relationship id of the first sheet, as XSSFWorkbook's getSheetAt(0) takes it; null without sheets. */
    private static String firstSheetId(String fileName, XSSFReader reader) throws IOException, OpenXML4JException,
            SAXException, ParserConfigurationException {
        XSSFReader.XMLSheetRefReader sheets = new XSSFReader.XMLSheetRefReader();
        try (InputStream workbook = bounded(fileName, reader.getWorkbookData(), MAX_PART_BYTES)) {
            parse(workbook, sheets);
        }
        return sheets.getSheetRefs().stream().map(XSSFReader.XSSFSheetRef::getId).filter(id -> id != null && !id.isEmpty())
                .findFirst().orElse(null);
    }

    private static SharedStrings sharedStrings(String fileName, OPCPackage workbook) throws IOException, SAXException {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream part = bounded(fileName, parts.get(0).getInputStream(), MAX_SHARED_STRINGS_BYTES)) {
            // Without phonetic runs: a cell's text as Excel shows it and as XSSFWorkbook read it.
            return new ReadOnlySharedStringsTable(part, false);
        }
    }

    /** The number formats, so that numbers and dates read as Excel shows them; the theme (colours) is not needed. */
    private static Styles styles(String fileName, OPCPackage workbook) throws IOException {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream part = bounded(fileName, parts.get(0).getInputStream(), MAX_PART_BYTES)) {
            return new StylesTable(part);
        }
    }

    private static void parse(InputStream xml, ContentHandler handler) throws IOException, SAXException,
            ParserConfigurationException {
        // POI's parser: no DTDs, no external entities.
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(handler);
        parser.parse(new InputSource(xml));
    }

    private static Optional<InvalidInputException> ourRefusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    /** A part's bytes up to a bound; more is refused, whatever its ZIP entry claims to unpack to. */
    private static InputStream bounded(String fileName, InputStream part, long maxBytes) {
        return new FilterInputStream(part) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                count(skipped);
                return skipped;
            }

            private void count(long bytes) {
                read += bytes;
                if (read > maxBytes) {
                    throw KitosExport.problem("register.import.tooMuchText", fileName);
                }
            }
        };
    }

    /**
     * POI's sheet handler, given only the cells it is to read: a cell in a column nobody reads (once the header is
     * known) is never handed to it, so its text is never gathered; and the characters of every cell are counted as
     * they stream in, so that no cell grows past Excel's own limit in memory.
     */
    private static final class BoundedSheet {

        private final SheetRows rows;
        private final XSSFSheetXMLHandler handler;

        BoundedSheet(Styles styles, SharedStrings strings, SheetRows rows) {
            this.rows = rows;
            DataFormatter formatter = new DataFormatter(Locale.forLanguageTag("da-DK"));
            // formulasNotResults false: a formula's cached result, as Excel shows it
            this.handler = new XSSFSheetXMLHandler(styles, strings, rows, formatter, false) {

                private boolean skipping;
                private int cellCharacters;

                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
                    if (isCell(uri, localName)) {
                        cellCharacters = 0;
                        rows.cellStarts(attributes.getValue("r"));
                        skipping = !rows.wanted();
                    }
                    if (!skipping) {
                        super.startElement(uri, localName, qName, attributes);
                    }
                }

                @Override
                public void endElement(String uri, String localName, String qName) throws SAXException {
                    if (!skipping) {
                        super.endElement(uri, localName, qName);
                    }
                    if (isCell(uri, localName)) {
                        skipping = false;
                    }
                }

                @Override
                public void characters(char[] ch, int start, int length) throws SAXException {
                    cellCharacters += length;
                    if (cellCharacters > KitosExport.MAX_CELL_LENGTH) {
                        throw KitosExport.cellTooLong(rows.line());
                    }
                    if (!skipping) {
                        super.characters(ch, start, length);
                    }
                }
            };
        }

        private static boolean isCell(String uri, String localName) {
            return XSSFRelation.NS_SPREADSHEETML.equals(uri) && "c".equals(localName);
        }
    }

    /** The cells of the row being read, by column, handed to the rows as a line when the row ends. */
    private static final class SheetRows implements SheetContentsHandler {

        private final Lines rows;
        private final List<String> cells = new ArrayList<>();
        private int line;
        private int column;

        SheetRows(Lines rows) {
            this.rows = rows;
        }

        /** A cell without a reference is the one after the previous, as Excel reads it. */
        void cellStarts(String reference) {
            column = reference == null ? column + 1 : new CellReference(reference).getCol();
        }

        boolean wanted() {
            return rows.wants(column);
        }

        int line() {
            return line;
        }

        @Override
        public void startRow(int rowNum) {
            line = rowNum + 1;
            column = -1;
            cells.clear();
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            String text = formattedValue == null ? "" : formattedValue.strip();
            if (!KitosExport.withinColumns(line, column, text)) {
                return;
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, text);
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(new KitosExport.Line(line, List.copyOf(cells)));
        }
    }
}
