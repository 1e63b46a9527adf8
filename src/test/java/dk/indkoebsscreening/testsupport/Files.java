package dk.indkoebsscreening.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files as the tests upload them: real formats (small but valid by their magic), hostile ones, and a multipart body. */
public final class Files {

    /** A multipart/form-data body and its content type. */
    public record Multipart(String contentType, byte[] body) {
    }

    private Files() {
    }

    /** A PDF as a writer writes one (one empty page, a cross-reference table), with the text in a comment. */
    public static byte[] pdf(String text) {
        return pdf(text, new byte[0]);
    }

    /** The same, with the payload as a stream of the page's (as many bytes as an offer with pictures has). */
    public static byte[] pdf(String text, byte[] payload) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        latin1(pdf, "%PDF-1.4\n% " + text + "\n");
        offsets.add(pdf.size());
        latin1(pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets.add(pdf.size());
        latin1(pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets.add(pdf.size());
        latin1(pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n");
        offsets.add(pdf.size());
        latin1(pdf, "4 0 obj\n<< /Length " + payload.length + " >>\nstream\n");
        pdf.writeBytes(payload);
        latin1(pdf, "\nendstream\nendobj\n");
        int xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
        table.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        latin1(pdf, table.toString());
        return pdf.toByteArray();
    }

    private static void latin1(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static byte[] docx() {
        return zip(Map.of("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
                "_rels/.rels", "<Relationships/>", "word/document.xml", "<w:document/>"));
    }

    /** A Word document with macros (as .docm, renamed .docx). */
    public static byte[] docxWithMacros() {
        return zip(Map.of("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
                "word/document.xml", "<w:document/>", "word/vbaProject.bin", "Attribute VB_Name"));
    }

    public static byte[] plainZip() {
        return zip(Map.of("readme.txt", "hej", "run.bat", "echo hej"));
    }

    /** A Windows program's header, as a renamed .exe starts. */
    public static byte[] exe() {
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, program, 78, stub.length);
        program[60] = (byte) 0x80;
        program[0x80] = 'P';
        program[0x81] = 'E';
        return program;
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0,
            0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 0x77, 0x53, (byte) 0xDE, 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60,
            (byte) 0x82};
    }

    public static Multipart file(String filename, String declaredType, byte[] content) {
        return multipart(Map.of("file", new Part(filename, declaredType, content)));
    }

    public record Part(String filename, String contentType, byte[] content) {
    }

    /** Parts by field name, in the map's order; a part without filename is a plain field. */
    public static Multipart multipart(Map<String, Part> parts) {
        String boundary = "----indkoeb" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, Part> part : parts.entrySet()) {
                StringBuilder head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                        + part.getKey() + "\"");
                if (part.getValue().filename() != null) {
                    head.append("; filename=\"").append(part.getValue().filename().replace("\"", "%22")).append("\"");
                }
                head.append("\r\n");
                if (part.getValue().contentType() != null) {
                    head.append("Content-Type: ").append(part.getValue().contentType()).append("\r\n");
                }
                body.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
                body.write(part.getValue().content());
                body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** A ZIP archive of these entries (text), by name. */
    public static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : entries.keySet().stream().sorted().toList()) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(entries.get(name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
