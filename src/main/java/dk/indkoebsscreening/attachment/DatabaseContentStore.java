package dk.indkoebsscreening.attachment;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Content in {@code attachment_chunk}, one row per piece, in the same transaction as the metadata. */
@Component
class DatabaseContentStore implements ContentStore {

    private final AttachmentRepository rows;

    DatabaseContentStore(AttachmentRepository rows) {
        this.rows = rows;
    }

    @Override
    public Writer writer(UUID attachmentId) {
        int[] next = {0};
        return piece -> rows.insertChunk(attachmentId, next[0]++, piece);
    }

    @Override
    public void copyTo(UUID attachmentId, OutputStream out) throws IOException {
        int chunks = rows.chunkCount(attachmentId);
        for (int n = 0; n < chunks; n++) {
            out.write(rows.chunk(attachmentId, n));
        }
        out.flush();
    }

    @Override
    public void delete(UUID attachmentId) {
        rows.deleteChunks(attachmentId);
    }
}
