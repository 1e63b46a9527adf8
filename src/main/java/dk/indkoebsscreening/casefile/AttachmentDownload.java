package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.attachment.Attachment;
import dk.indkoebsscreening.attachment.AttachmentService;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

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

    ResponseEntity<StreamingResponseBody> of(Attachment attachment) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.mediaType()))
                .contentLength(attachment.size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(attachment.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header(HttpHeaders.ETAG, "\"" + attachment.sha256() + "\"")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(out -> attachments.copyContent(attachment, out));
    }
}
