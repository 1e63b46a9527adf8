package dk.indkoebsscreening.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dk.indkoebsscreening.system.RefusedFileException;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Pdfs;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;

/** A file's type by its content: the entries office files must have and may not have, and PDFs that run something. */
class FileTypesTest {

    private static final String CONTENT_TYPES = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";

    private final FileTypes types = new FileTypes();

    @Test
    void aMacroIsFoundWhateverTheCaseSpacesOrSlashesOfItsEntryName() {
        for (String macro : List.of("word/vbaProject.bin", "word/VBAPROJECT.BIN ", " word/vbaProject.bin", "Word/VbaProject.Bin",
                "word\\vbaProject.bin", "/word/vbaProject.bin", "\\word\\vbaProject.bin", "word/vbaProjectSignature.bin",
                "word/vbaProject.bin.")) {
            byte[] docm = Files.zip(Map.of("[Content_Types].xml", CONTENT_TYPES, "word/document.xml", "<w:document/>",
                    macro, "Attribute VB_Name"));
            assertThat(refusalOf(docm)).as(macro).isEqualTo("attachment.type.refused");
        }
        byte[] xlsm = Files.zip(Map.of("[Content_Types].xml", CONTENT_TYPES, "xl/workbook.xml", "<workbook/>",
                "XL/vbaProject.bin ", "Attribute VB_Name"));
        assertThat(refusalOf(xlsm)).isEqualTo("attachment.type.refused");
        byte[] odtWithBasic = Files.zip(Map.of("mimetype", FileTypes.ODT, "content.xml", "<office:document-content/>",
                "Basic/Standard/Module1.xml", "<script:module/>"));
        assertThat(refusalOf(odtWithBasic)).isEqualTo("attachment.type.refused");
        byte[] macroEnabled = Files.zip(Map.of("[Content_Types].xml",
                "<Types><Override ContentType=\"application/vnd.ms-word.document.MACROENABLED.main+xml\"/></Types>",
                "word/document.xml", "<w:document/>"));
        assertThat(refusalOf(macroEnabled)).isEqualTo("attachment.type.refused");
    }

    @Test
    void theEntriesAnOfficeFileMustHaveAreFoundNormalisedToo() {
        assertThat(typeOf(Files.zip(Map.of("[CONTENT_TYPES].XML", CONTENT_TYPES, "Word/Document.xml", "<w:document/>"))))
                .isEqualTo(FileTypes.DOCX);
        assertThat(typeOf(Files.zip(Map.of("/[Content_Types].xml", CONTENT_TYPES, "\\xl\\workbook.xml ", "<workbook/>"))))
                .isEqualTo(FileTypes.XLSX);
        assertThat(typeOf(Files.zip(Map.of("MIMETYPE", FileTypes.ODT, "Content.xml", "<office:document-content/>"))))
                .isEqualTo(FileTypes.ODT);
    }

    @Test
    void twoEntriesThatAreOneNameAreRefused() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", CONTENT_TYPES);
        entries.put("word/document.xml", "<w:document/>");
        entries.put("WORD/document.xml", "<w:document/>");
        assertThat(refusalOf(Files.zip(entries))).isEqualTo("attachment.type.refused");
    }

    @Test
    void aPdfThatRunsAScriptOrStartsAProgramIsRefusedWhereverItsActionIs() {
        Map<String, Pdfs.Change> actions = new LinkedHashMap<>();
        actions.put("JavaScript as the document's OpenAction", Pdfs.openAction(Pdfs.script()));
        actions.put("Launch as the document's OpenAction", Pdfs.openAction(Pdfs.launch()));
        actions.put("Launch in a link", Pdfs.linkAction(Pdfs.launch()));
        actions.put("JavaScript in a link", Pdfs.linkAction(Pdfs.script()));
        actions.put("the document's JavaScript name tree", Pdfs.documentScript());
        actions.put("JavaScript when the page opens", Pdfs.pageOpenAction(Pdfs.script()));
        actions.put("JavaScript on a form field's keystroke", Pdfs.formFieldAction(Pdfs.script()));
        actions.put("Launch chained after a web link", Pdfs.nextAfterLink(Pdfs.launch()));
        actions.forEach((where, action) -> {
            assertThat(refusalOf(Pdfs.offer(action))).as(where).isEqualTo("attachment.pdf.active");
            assertThat(refusalOf(Pdfs.ownerProtected(action))).as(where + ", protected").isEqualTo("attachment.pdf.active");
        });
    }

    @Test
    void aCleanPdfIsAcceptedAlsoWhenItMayNotBeChanged() {
        assertThat(typeOf(Pdfs.clean())).isEqualTo(FileTypes.PDF);
        assertThat(typeOf(Pdfs.ownerProtected((document, page) -> { }))).isEqualTo(FileTypes.PDF);
        assertThat(typeOf(Files.pdf("håndskrevet", "BT ET".getBytes(StandardCharsets.ISO_8859_1)))).isEqualTo(FileTypes.PDF);
    }

    @Test
    void aPdfThatCannotBeReadOrNeedsAPasswordIsRefusedSayingSo() {
        assertThat(refusalOf(Pdfs.passwordProtected())).isEqualTo("attachment.pdf.password");
        assertThat(refusalOf("%PDF-1.7\nikke mere end det".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("attachment.pdf.unreadable");
        byte[] clean = Pdfs.clean();
        assertThat(refusalOf(java.util.Arrays.copyOf(clean, clean.length / 2))).isEqualTo("attachment.pdf.unreadable");
        String nested = "[".repeat(1_000_000) + "]".repeat(1_000_000);
        assertThat(refusalOf(handmade("<< /Type /Catalog /Pages 2 0 R /Dybt " + nested + " >>",
                "<< /Type /Pages /Kids [] /Count 0 >>"))).isEqualTo("attachment.pdf.unreadable");
    }

    /** A cross-reference stream of 40 kB that inflates to 512 MB: PDFBox alone would hold it all in memory. */
    @Test
    void aPdfWhoseStreamsInflateToGigabytesIsRefusedWithoutInflatingThem() throws Exception {
        byte[] bomb = xrefStreamBomb(512 * 1024 * 1024);

        long before = allocatedBytes();
        String refusal = refusalOf(bomb);
        long allocated = allocatedBytes() - before;

        assertThat(refusal).isEqualTo("attachment.pdf.unreadable");
        assertThat(allocated).isLessThan(4 * PdfActions.MAX_DECODED_BYTES);
    }

    /**
     * One array of two million zeros, 4 MB: read whole, an array of 12 million took 8 s and gigabytes of heap while
     * the upload held a connection. Reading stops at the object bound.
     */
    @Test
    void aPdfOfMillionsOfObjectsIsRefusedWithoutReadingThemAll() throws Exception {
        byte[] manyZeros = handmade("<< /Type /Catalog /Pages 2 0 R /Nullen [" + "0 ".repeat(2_000_000) + "] >>",
                "<< /Type /Pages /Kids [] /Count 0 >>");

        long before = allocatedBytes();
        String refusal = refusalOf(manyZeros);
        long allocated = allocatedBytes() - before;

        assertThat(refusal).isEqualTo("attachment.pdf.unreadable");
        assertThat(allocated).isLessThan(512L * 1024 * 1024);
    }

    /** The script hidden in an object stream that inflates past the bound: what cannot be read is not vouched for. */
    @Test
    void aScriptInAnObjectStreamTooLargeToInflateIsNotOverlooked() throws Exception {
        byte[] header = "4 0 ".getBytes(StandardCharsets.ISO_8859_1);
        byte[] script = "<< /S /JavaScript /JS (app.alert(1)) >>".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream objects = new ByteArrayOutputStream();
        objects.writeBytes(header);
        objects.writeBytes(script);
        byte[] compressed = deflated(objects.toByteArray(), 64 * 1024 * 1024);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        int[] offsets = new int[6];
        pdf.writeBytes("%PDF-1.5\n".getBytes(StandardCharsets.ISO_8859_1));
        offsets[1] = pdf.size();
        pdf.writeBytes("1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        offsets[2] = pdf.size();
        pdf.writeBytes("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        offsets[3] = pdf.size();
        pdf.writeBytes(("3 0 obj\n<< /Type /ObjStm /N 1 /First " + header.length + " /Filter /FlateDecode /Length " + compressed.length
                + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        pdf.writeBytes(compressed);
        pdf.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        offsets[5] = pdf.size();
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        entry(entries, 0, 0, 65535);
        for (int object = 1; object <= 3; object++) {
            entry(entries, 1, offsets[object], 0);
        }
        entry(entries, 2, 3, 0);
        entry(entries, 1, offsets[5], 0);
        pdf.writeBytes(("5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length " + entries.size() + " >>\nstream\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        pdf.writeBytes(entries.toByteArray());
        pdf.writeBytes(("\nendstream\nendobj\nstartxref\n" + offsets[5] + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(refusalOf(pdf.toByteArray())).isEqualTo("attachment.pdf.unreadable");
    }

    private static void entry(ByteArrayOutputStream entries, int type, int field2, int field3) {
        entries.write(type);
        for (int shift = 24; shift >= 0; shift -= 8) {
            entries.write(field2 >>> shift);
        }
        entries.write(field3 >>> 8);
        entries.write(field3);
    }

    /** The bytes, followed by zeros up to the given size, compressed. */
    private static byte[] deflated(byte[] start, int inflatedBytes) throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION))) {
            deflate.write(start);
            byte[] zeros = new byte[1024 * 1024];
            for (int written = start.length; written < inflatedBytes; written += zeros.length) {
                deflate.write(zeros);
            }
        }
        return compressed.toByteArray();
    }

    private String typeOf(byte[] content) {
        return types.of(new Upload("fil", content.length, new ByteArrayResource(content)));
    }

    private String refusalOf(byte[] content) {
        RefusedFileException refused = catchThrowableOfType(RefusedFileException.class, () -> typeOf(content));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        return refused.messageKey();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Objects 1, 2, … with a cross-reference table, as a writer writes them; object 1 is the catalog. */
    private static byte[] handmade(String... objects) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        StringBuilder xref = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        pdf.writeBytes("%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < objects.length; i++) {
            xref.append(String.format("%010d 00000 n \n", pdf.size()));
            pdf.writeBytes(((i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        int start = pdf.size();
        pdf.writeBytes((xref + "trailer\n<< /Size " + (objects.length + 1) + " /Root 1 0 R >>\nstartxref\n" + start + "\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        return pdf.toByteArray();
    }

    private static byte[] xrefStreamBomb(int inflatedBytes) throws Exception {
        byte[] compressed = deflated(new byte[0], inflatedBytes);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(("%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        int xref = pdf.size();
        pdf.writeBytes(("3 0 obj\n<< /Type /XRef /Size 4 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length "
                + compressed.length + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        pdf.writeBytes(compressed);
        pdf.writeBytes(("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
        return pdf.toByteArray();
    }
}
