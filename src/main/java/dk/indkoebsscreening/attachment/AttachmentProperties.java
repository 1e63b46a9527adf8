package dk.indkoebsscreening.attachment;

import dk.indkoebsscreening.system.DataSizeRange;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code indkoeb.attachments.*}: the limits. The per-file limit is also the servlet container's
 * ({@code spring.servlet.multipart.max-file-size}), so a larger file is refused before it is read.
 *
 * @param maxFileSize          the largest file
 * @param maxPerRequest        all files of one request together (removed files do not count)
 * @param maxFilesPerRequest   files one request holds at a time: every event and report that lists them stays small
 * @param maxFilesEverAdded    files ever added to one request, removed ones included (they stay on record, in the
 *                             history and the report)
 */
@Validated
@ConfigurationProperties("indkoeb.attachments")
public record AttachmentProperties(@DataSizeRange(min = "1B", max = "1GB") DataSize maxFileSize,
                                   @DataSizeRange(min = "1B", max = "10GB") DataSize maxPerRequest,
                                   @Positive @Max(1000) Integer maxFilesPerRequest,
                                   @Positive @Max(10000) Integer maxFilesEverAdded) {

    public AttachmentProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(25) : maxFileSize;
        maxPerRequest = maxPerRequest == null ? DataSize.ofMegabytes(100) : maxPerRequest;
        maxFilesPerRequest = maxFilesPerRequest == null ? 50 : maxFilesPerRequest;
        maxFilesEverAdded = maxFilesEverAdded == null ? 150 : maxFilesEverAdded;
    }
}
