package dk.indkoebsscreening.attachment;

import dk.indkoebsscreening.system.RefusedFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
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

    /** DOCX, XLSX or ODT by the archive's entries; null for any other archive (or a broken one). */
    private static String officeType(Upload upload) {
        Set<String> entries = new HashSet<>();
        String odfMimetype = null;
        try (ZipInputStream zip = new ZipInputStream(upload.content().getInputStream(), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entries.isEmpty() && entry.getName().equals("mimetype")) {
                    odfMimetype = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
                }
                entries.add(entry.getName());
            }
        } catch (ZipException | IllegalArgumentException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (ODT.equals(odfMimetype) && entries.contains("content.xml")) {
            return ODT;
        }
        if (entries.contains("[Content_Types].xml") && entries.contains("word/document.xml")) {
            return DOCX;
        }
        if (entries.contains("[Content_Types].xml") && entries.contains("xl/workbook.xml")) {
            return XLSX;
        }
        return null;
    }
}
