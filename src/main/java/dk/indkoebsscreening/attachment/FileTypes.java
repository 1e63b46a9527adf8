package dk.indkoebsscreening.attachment;

import dk.indkoebsscreening.system.RefusedFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.tika.Tika;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A file's type from its content alone, never from its name or the sender's header: Apache Tika reads the
 * magic bytes (PDF, PNG, JPEG, text, and what is refused: programs, HTML, SVG, archives); Word, Excel and
 * OpenDocument files are ZIP archives and are told apart by the entries they must have. A renamed program or
 * HTML page is refused, and so is anything else not on the list, an office file with macros and a PDF that runs
 * a script or a program ({@link PdfActions}).
 */
@Component
class FileTypes {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String TEXT = "text/plain";

    /** Media type to the name a person knows it by, for the messages. */
    static final Map<String, String> ALLOWED = Map.of(PDF, "PDF", DOCX, "Word", XLSX, "Excel", ODT, "ODT", PNG, "PNG",
            JPEG, "JPEG", TEXT, "TXT");

    private static final Set<String> ZIP_FAMILY = Set.of("application/zip", "application/x-tika-ooxml", DOCX, XLSX, ODT,
            "application/x-tika-msoffice-ooxml");

    private static final Map<String, String> EXTENSIONS = Map.of(PDF, ".pdf", DOCX, ".docx", XLSX, ".xlsx", ODT, ".odt",
            PNG, ".png", JPEG, ".jpg", TEXT, ".txt");
    private static final int MAX_ENTRIES = 10_000;

    private final Tika tika = new Tika();

    /** The allowed type of the content; refused (415) otherwise, and so is a PDF that runs something of its own. */
    String of(Upload upload) {
        String detected;
        try (InputStream in = upload.content().getInputStream()) {
            detected = tika.detect(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = ZIP_FAMILY.contains(detected) ? fromCopy(upload, FileTypes::officeType) : detected;
        if (type == null || !ALLOWED.containsKey(type)) {
            throw refused("attachment.type.refused", upload);
        }
        if (PDF.equals(type)) {
            requireNothingThatRuns(upload);
        }
        return type;
    }

    private static void requireNothingThatRuns(Upload upload) {
        switch (fromCopy(upload, PdfActions::in)) {
            case SCRIPT_OR_LAUNCH -> throw refused("attachment.pdf.active", upload);
            case PASSWORD -> throw refused("attachment.pdf.password", upload);
            case UNREADABLE -> throw refused("attachment.pdf.unreadable", upload);
            case NOTHING -> { }
        }
    }

    private static RefusedFileException refused(String messageKey, Upload upload) {
        return new RefusedFileException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, messageKey, FileNames.safe(upload.name()));
    }

    @FunctionalInterface
    private interface CopyReader<T> {
        T read(Path file) throws IOException;
    }

    /**
     * What a reader makes of the upload from a copy on disk (the container's part is only a stream, and the
     * readers need a file to read a piece at a time), deleted after.
     */
    private static <T> T fromCopy(Upload upload, CopyReader<T> reader) {
        Path copy = null;
        try {
            copy = Files.createTempFile("indkoeb-upload-", null);
            try (InputStream in = upload.content().getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return reader.read(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }

    /**
     * DOCX, XLSX or ODT by the archive's entries; null for any other archive, a broken one and one with macros.
     * Only the archive's directory is read, never its compressed content: a small ZIP that unpacks to gigabytes
     * costs nothing.
     */
    private static String officeType(Path copy) throws IOException {
        try (ZipFile zip = new ZipFile(copy.toFile(), StandardCharsets.UTF_8)) {
            return zip.size() > MAX_ENTRIES ? null : officeType(zip);
        } catch (ZipException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String officeType(ZipFile zip) throws IOException {
        Map<String, ZipEntry> entries = new HashMap<>();
        for (ZipEntry entry : zip.stream().toList()) {
            if (entries.putIfAbsent(normalized(entry.getName()), entry) != null) {
                return null; // two entries one name: which of them an office program reads is its own choice
            }
        }
        if (entries.keySet().stream().anyMatch(FileTypes::isMacro)) {
            return null;
        }
        if (entries.containsKey("mimetype") && entries.containsKey("content.xml") && ODT.equals(small(zip, entries.get("mimetype")))) {
            return ODT;
        }
        ZipEntry contentTypes = entries.get("[content_types].xml");
        if (contentTypes != null && !small(zip, contentTypes).toLowerCase(Locale.ROOT).contains("macroenabled")) {
            if (entries.containsKey("word/document.xml")) {
                return DOCX;
            }
            if (entries.containsKey("xl/workbook.xml")) {
                return XLSX;
            }
        }
        return null;
    }

    /**
     * An entry's name as it is compared: part names in an office file are case-insensitive, and ZIP readers differ
     * in what they make of a backslash, a leading slash or spaces around a name. Compared exactly, a variant such as
     * "word/VBAPROJECT.BIN " passed the macro check; which variants an office program opens is not ours to guess.
     */
    private static String normalized(String entryName) {
        return entryName.replace('\\', '/').strip().replaceFirst("^/+", "").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * VBA in Word and Excel (the project and its signature, in any folder, whatever follows the name), Basic and
     * scripts in OpenDocument.
     */
    private static boolean isMacro(String entryName) {
        return entryName.contains("vbaproject") || entryName.startsWith("basic/") || entryName.startsWith("scripts/");
    }

    /** The beginning of a small entry (at most 64 kB unpacked), as text. */
    private static String small(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).strip();
        }
    }

    /** The extension a file of this type is saved with, so a program named ".vbs" is not kept as one. */
    static String extension(String type) {
        return EXTENSIONS.get(type);
    }
}
