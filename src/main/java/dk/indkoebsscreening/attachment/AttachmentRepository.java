package dk.indkoebsscreening.attachment;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.RequestMemo;
import dk.indkoebsscreening.system.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The files' metadata ({@code attachment}) and, for {@link DatabaseContentStore}, their content
 * ({@code attachment_chunk}, 1 MiB per row, so neither writing nor reading ever holds more than one chunk).
 * Both are deleted with their request. A held file ({@code held_by} set) counts in the request's stock but is read only
 * through its holder.
 */
@Repository
class AttachmentRepository {

    static final int CHUNK_BYTES = 1 << 20;
    private static final String MEMO = "attachments:";

    private static final String COLUMNS = "id, request_id, name, size_bytes, media_type, sha256, added_by, added_at, step, area, "
            + "removed_by, removed_at";

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the additions to one request for the rest of the transaction, so two at once keep the quota. */
    void lockRequest(UUID requestId) {
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", requestId.getMostSignificantBits() ^ requestId.getLeastSignificantBits())
                .query((row, n) -> 0).list();
    }

    /** What a request holds now, and how many files it was ever given (removed ones stay on record). */
    record Stock(int files, long bytes, int everAdded) {
    }

    Stock stockOf(UUID requestId) {
        return jdbc.sql("""
                        select count(*) filter (where removed_at is null) as files,
                               coalesce(sum(size_bytes) filter (where removed_at is null), 0) as bytes,
                               count(*) as ever_added
                          from attachment where request_id = :id
                        """)
                .param("id", requestId)
                .query((rs, row) -> new Stock(rs.getInt("files"), rs.getLong("bytes"), rs.getInt("ever_added")))
                .single();
    }

    void insertChunk(UUID attachmentId, int number, byte[] data) {
        jdbc.sql("insert into attachment_chunk (attachment_id, chunk_no, data) values (:id, :n, :data)")
                .param("id", attachmentId).param("n", number).param("data", data).update();
    }

    /** @param heldBy the holder of a held file, else null */
    void insert(Attachment attachment, UUID heldBy) {
        RequestMemo.forget(MEMO);
        jdbc.sql("""
                insert into attachment (id, request_id, name, size_bytes, media_type, sha256, added_by, added_at, step, area, held_by)
                values (:id, :requestId, :name, :size, :type, :sha256, :addedBy, :addedAt, :step, :area, :heldBy)
                """)
                .param("id", attachment.id())
                .param("requestId", attachment.requestId())
                .param("name", attachment.name())
                .param("size", attachment.size())
                .param("type", attachment.mediaType())
                .param("sha256", attachment.sha256())
                .param("addedBy", attachment.addedBy())
                .param("addedAt", Sql.timestamp(attachment.addedAt()))
                .param("step", attachment.step().name())
                .param("area", attachment.area() == null ? null : attachment.area().name())
                .param("heldBy", heldBy)
                .update();
    }

    /** Once per reading HTTP request: a request's and a task's page show the files in several panels. */
    List<Attachment> ofRequest(UUID requestId) {
        return RequestMemo.of(MEMO + requestId, () -> List.copyOf(jdbc.sql(
                        "select " + COLUMNS + " from attachment where request_id = :id and held_by is null order by added_at, id")
                .param("id", requestId).query(AttachmentRepository::attachment).list()));
    }

    Optional<Attachment> find(UUID requestId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from attachment where request_id = :requestId and id = :id and held_by is null")
                .param("requestId", requestId).param("id", id).query(AttachmentRepository::attachment).optional();
    }

    /** The holder's files, removed ones included. */
    List<Attachment> heldBy(UUID holder) {
        return jdbc.sql("select " + COLUMNS + " from attachment where held_by = :holder order by added_at, id")
                .param("holder", holder).query(AttachmentRepository::attachment).list();
    }

    /** Makes a held file one of its request's, added by whom and when it is released. */
    void release(UUID attachmentId, String addedBy, Instant at) {
        RequestMemo.forget(MEMO);
        jdbc.sql("update attachment set held_by = null, added_by = :by, added_at = :at where id = :id")
                .param("id", attachmentId).param("by", addedBy).param("at", Sql.timestamp(at)).update();
    }

    void delete(UUID attachmentId) {
        RequestMemo.forget(MEMO);
        jdbc.sql("delete from attachment where id = :id").param("id", attachmentId).update();
    }

    int chunkCount(UUID attachmentId) {
        return jdbc.sql("select count(*) from attachment_chunk where attachment_id = :id").param("id", attachmentId)
                .query(Integer.class).single();
    }

    byte[] chunk(UUID attachmentId, int number) {
        return jdbc.sql("select data from attachment_chunk where attachment_id = :id and chunk_no = :n")
                .param("id", attachmentId).param("n", number).query(byte[].class).single();
    }

    void deleteChunks(UUID attachmentId) {
        jdbc.sql("delete from attachment_chunk where attachment_id = :id").param("id", attachmentId).update();
    }

    /** Records who removed the file and when; the metadata stays for the record. */
    void markRemoved(UUID attachmentId, String removedBy, Instant at) {
        RequestMemo.forget(MEMO);
        jdbc.sql("update attachment set removed_by = :by, removed_at = :at where id = :id")
                .param("id", attachmentId).param("by", removedBy).param("at", Sql.timestamp(at)).update();
    }

    private static Attachment attachment(ResultSet row, int n) throws SQLException {
        String area = row.getString("area");
        return new Attachment(row.getObject("id", UUID.class), row.getObject("request_id", UUID.class), row.getString("name"),
                row.getLong("size_bytes"), row.getString("media_type"), row.getString("sha256"), row.getString("added_by"),
                Sql.instant(row, "added_at"), AttachmentStep.valueOf(row.getString("step")), area == null ? null : Area.valueOf(area),
                row.getString("removed_by"), Sql.instant(row, "removed_at"));
    }
}
