package dk.indkoebsscreening.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code indkoeb.attachments.*}: the limits. The per-file limit is also the servlet container's
 * ({@code spring.servlet.multipart.max-file-size}), so a larger file is refused before it is read.
 *
 * @param maxFileSize   the largest file
 * @param maxPerRequest all files of one request together (removed files do not count)
 */
@ConfigurationProperties("indkoeb.attachments")
public record AttachmentProperties(DataSize maxFileSize, DataSize maxPerRequest) {

    public AttachmentProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(25) : maxFileSize;
        maxPerRequest = maxPerRequest == null ? DataSize.ofMegabytes(100) : maxPerRequest;
    }
}
