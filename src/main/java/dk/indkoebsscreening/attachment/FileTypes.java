package dk.indkoebsscreening.attachment;

import dk.indkoebsscreening.system.RefusedFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.tika.Tika;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A file's type from its content alone, never from its name or the sender's header: Apache Tika reads the
 * magic bytes (PDF, PNG, JPEG, text, and what is refused: programs, HTML, SVG, archives); Word, Excel and
 * OpenDocument files are ZIP archives and are told apart by the entries they must have. A renamed program or
 * HTML page is refused, and so is anything else not on the list.
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

    /** The allowed type of the content; refused (415) otherwise. */
    String of(Upload upload) {
        String detected;
        try (InputStream in = upload.content().getInputStream()) {
            detected = tika.detect(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = ZIP_FAMILY.contains(detected) ? officeType(upload) : detected;
        if (type == null || !ALLOWED.containsKey(type)) {
            throw new RefusedFileException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.type.refused", FileNames.safe(upload.name()));
        }
        return type;
    }

    /**
     * DOCX, XLSX or ODT by the archive's entries; null for any other archive, a broken one and one with macros.
     * Only the archive's directory is read (from a copy on disk), never its compressed content: a small ZIP
     * that unpacks to gigabytes costs nothing.
     */
    private static String officeType(Upload upload) {
        Path copy = null;
        try {
            copy = Files.createTempFile("indkoeb-upload-", ".zip");
            try (InputStream in = upload.content().getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            try (ZipFile zip = new ZipFile(copy.toFile(), StandardCharsets.UTF_8)) {
                if (zip.size() > MAX_ENTRIES) {
                    return null;
                }
                Set<String> entries = new HashSet<>();
                zip.stream().forEach(entry -> entries.add(entry.getName()));
                if (entries.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
                    return null;
                }
                if (entries.contains("mimetype") && entries.contains("content.xml") && ODT.equals(small(zip, "mimetype"))) {
                    return ODT;
                }
                if (entries.contains("[Content_Types].xml") && !small(zip, "[Content_Types].xml").contains("macroEnabled")) {
                    if (entries.contains("word/document.xml")) {
                        return DOCX;
                    }
                    if (entries.contains("xl/workbook.xml")) {
                        return XLSX;
                    }
                }
                return null;
            }
        } catch (ZipException | IllegalArgumentException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }

    /** The beginning of a small entry (at most 64 kB unpacked), as text. */
    private static String small(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).strip();
        }
    }

    /** The extension a file of this type is saved with, so a program named ".vbs" is not kept as one. */
    static String extension(String type) {
        return EXTENSIONS.get(type);
    }
}
