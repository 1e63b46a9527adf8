package dk.indkoebsscreening.request;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.JsonCodec;
import dk.indkoebsscreening.system.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Request drafts ({@code request_draft}): saved without the form's required answers, with no deadline, status, event,
 * mail or process, at most {@link #MAX_PER_AUTHOR} per person. Only the author reads, changes or deletes one; for
 * anyone else it does not exist (404), like a request they may not read.
 */
@Service
public class RequestDrafts {

    /** Enough for a few purchases prepared at once; more is a list nobody clears. */
    public static final int MAX_PER_AUTHOR = 20;

    private static final TypeReference<RequestDraftContent> CONTENT = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonCodec json;
    private final Clock clock;

    RequestDrafts(JdbcClient jdbc, JsonCodec json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The author's drafts, the latest saved first. */
    @Transactional(readOnly = true)
    public List<RequestDraft> mine(String author) {
        return jdbc.sql("select * from request_draft where author = ? order by updated_at desc, id").param(author)
                .query((row, n) -> draft(row.getObject("id", UUID.class), row.getString("author"), row.getString("content"),
                        row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /** @throws NotFoundException no such draft of this author */
    @Transactional(readOnly = true)
    public RequestDraft find(UUID id, String author) {
        return jdbc.sql("select * from request_draft where id = ? and author = ?").params(id, author)
                .query((row, n) -> draft(id, author, row.getString("content"), row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("updated_at").toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("No draft " + id + " of " + author));
    }

    /**
     * Saves a new draft (id null) or the author's draft again.
     *
     * @throws NotFoundException the id names no draft of this author
     * @throws ConflictException a new draft beyond {@link #MAX_PER_AUTHOR}
     */
    @Transactional
    public UUID save(UUID id, RequestDraftContent content, String author) {
        Instant now = clock.instant();
        if (id != null) {
            int updated = jdbc.sql("update request_draft set content = cast(? as jsonb), updated_at = ? where id = ? and author = ?")
                    .params(json.write(content), java.sql.Timestamp.from(now), id, author).update();
            if (updated == 0) {
                throw new NotFoundException("No draft " + id + " of " + author);
            }
            return id;
        }
        // Two saves at once by one person must not both pass the count.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('request_draft:' || ?))").param(author).query().singleRow();
        long drafts = jdbc.sql("select count(*) from request_draft where author = ?").param(author).query(Long.class).single();
        if (drafts >= MAX_PER_AUTHOR) {
            throw new ConflictException(author + " has " + drafts + " drafts", "request.draft.limit", MAX_PER_AUTHOR);
        }
        UUID created = UUID.randomUUID();
        jdbc.sql("insert into request_draft (id, author, content, created_at, updated_at) values (?, ?, cast(? as jsonb), ?, ?)")
                .params(created, author, json.write(content), java.sql.Timestamp.from(now), java.sql.Timestamp.from(now)).update();
        return created;
    }

    /** @throws NotFoundException no such draft of this author */
    @Transactional
    public void delete(UUID id, String author) {
        if (jdbc.sql("delete from request_draft where id = ? and author = ?").params(id, author).update() == 0) {
            throw new NotFoundException("No draft " + id + " of " + author);
        }
    }

    /** The submission's part: the draft it came from is gone with it, or stays if the submission rolls back. */
    @Transactional(propagation = Propagation.MANDATORY)
    void submitted(Optional<UUID> id, String author) {
        id.ifPresent(draft -> jdbc.sql("delete from request_draft where id = ? and author = ?").params(draft, author).update());
    }

    private RequestDraft draft(UUID id, String author, String content, Instant createdAt, Instant updatedAt) {
        RequestDraftContent read = json.read(content, CONTENT);
        return new RequestDraft(id, author, read.shownTitle(), read, createdAt, updatedAt);
    }
}
