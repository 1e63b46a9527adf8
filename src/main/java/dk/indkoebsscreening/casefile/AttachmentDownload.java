package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.attachment.Attachment;
import dk.indkoebsscreening.attachment.AttachmentService;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * A file as a download, never as a page: {@code Content-Disposition: attachment} with the safe name, the type
 * found in the content, no sniffing, and a policy that forbids scripts and everything else should a browser
 * render it anyway. The content streams from the database chunk by chunk.
 */
@Component
class AttachmentDownload {

    static final String SANDBOX = "sandbox; default-src 'none'";

    private final AttachmentService attachments;

    AttachmentDownload(AttachmentService attachments) {
        this.attachments = attachments;
    }

    /**
     * Writes the file on the request's own thread (an asynchronous body would be cut off by the servlet
     * container's async timeout on a slow line), chunk by chunk.
     */
    void write(Attachment attachment, HttpServletResponse response) throws IOException {
        response.setContentType(attachment.mediaType());
        response.setContentLengthLong(attachment.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(attachment.name(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", SANDBOX);
        response.setHeader(HttpHeaders.ETAG, "\"" + attachment.sha256() + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store, private");
        attachments.copyContent(attachment, response.getOutputStream());
    }
}
