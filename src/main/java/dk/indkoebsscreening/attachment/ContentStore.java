package dk.indkoebsscreening.attachment;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Where a file's content lives, apart from its metadata: PostgreSQL by default ({@link DatabaseContentStore}).
 * An S3-compatible store would be a second implementation chosen by a property: its writer uploads the object
 * under the attachment id (a multipart upload, part by part), and since no transaction spans the database and
 * the store, a nightly sweep deletes objects without a committed metadata row.
 */
interface ContentStore {

    /** Takes the content piece by piece, in order; nothing of it counts until the metadata commits. */
    interface Writer {
        void write(byte[] piece);
    }

    Writer writer(UUID attachmentId);

    void copyTo(UUID attachmentId, OutputStream out) throws IOException;

    void delete(UUID attachmentId);
}
