package dk.indkoebsscreening.vendor;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.indkoebsscreening.system.JsonCodec;
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

/** The tables {@code vendor_invitation}, {@code vendor_link_token}, {@code vendor_answer} and {@code vendor_document}. */
@Repository
class InvitationRepository {

    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private static final String MEMO = "vendorInvitations:";
    private static final String COLUMNS = """
            id, request_id, round, contact_name, contact_email, language, follow_ups, invited_by, invited_at, expires_at,
            reminded_at, opened_at, submitted_at, ended_at, ended_by, state""";

    private final JdbcClient jdbc;
    private final JsonCodec json;

    InvitationRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(VendorInvitation invitation, Instant remindAt) {
        RequestMemo.forget(MEMO);
        jdbc.sql("""
                insert into vendor_invitation (id, request_id, round, contact_name, contact_email, language, follow_ups, invited_by,
                                               invited_at, expires_at, remind_at, state)
                values (:id, :requestId, :round, :contactName, :contactEmail, :language, cast(:followUps as jsonb), :invitedBy,
                        :invitedAt, :expiresAt, :remindAt, :state)
                """)
                .param("id", invitation.id())
                .param("requestId", invitation.requestId())
                .param("round", invitation.round())
                .param("contactName", invitation.contactName())
                .param("contactEmail", invitation.contactEmail())
                .param("language", invitation.language().name())
                .param("followUps", json.write(invitation.followUpQuestions()))
                .param("invitedBy", invitation.invitedBy())
                .param("invitedAt", Sql.timestamp(invitation.invitedAt()))
                .param("expiresAt", Sql.timestamp(invitation.expiresAt()))
                .param("remindAt", Sql.timestamp(remindAt))
                .param("state", invitation.state().name())
                .update();
    }

    Optional<VendorInvitation> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from vendor_invitation where id = :id").param("id", id).query(this::invitation).optional();
    }

    /** Oldest round first; once per reading HTTP request: a request's and a task's page show the rounds in several panels. */
    List<VendorInvitation> ofRequest(UUID requestId) {
        return RequestMemo.of(MEMO + requestId, () -> List.copyOf(jdbc.sql(
                        "select " + COLUMNS + " from vendor_invitation where request_id = :requestId order by round")
                .param("requestId", requestId).query(this::invitation).list()));
    }

    /** Ends an invitation that has not ended yet; false when it had. */
    boolean end(UUID id, InvitationState state, Instant at, String by, String reason) {
        RequestMemo.forget(MEMO);
        return jdbc.sql("""
                update vendor_invitation set state = :state, ended_at = :at, ended_by = :by, end_reason = :reason
                where id = :id and ended_at is null
                """)
                .param("id", id).param("state", state.name()).param("at", Sql.timestamp(at)).param("by", by).param("reason", reason)
                .update() == 1;
    }

    /** Ends an open invitation that has expired by {@code now}; false when it is not open or not due. */
    boolean expire(UUID id, Instant now) {
        RequestMemo.forget(MEMO);
        return jdbc.sql("""
                update vendor_invitation set state = 'EXPIRED', ended_at = expires_at, end_reason = 'EXPIRED'
                where id = :id and state = 'OPEN' and expires_at <= :now
                """)
                .param("id", id).param("now", Sql.timestamp(now)).update() == 1;
    }

    boolean submit(UUID id, Instant at) {
        RequestMemo.forget(MEMO);
        return jdbc.sql("update vendor_invitation set state = 'SUBMITTED', submitted_at = :at where id = :id and state = 'OPEN'")
                .param("id", id).param("at", Sql.timestamp(at)).update() == 1;
    }

    void opened(UUID id, Instant at) {
        RequestMemo.forget(MEMO);
        jdbc.sql("update vendor_invitation set opened_at = coalesce(opened_at, :at) where id = :id")
                .param("id", id).param("at", Sql.timestamp(at)).update();
    }

    /** Marks an open invitation whose reminder is due as reminded; false when it is not (any more). */
    boolean remind(UUID id, Instant now) {
        RequestMemo.forget(MEMO);
        return jdbc.sql("""
                update vendor_invitation set reminded_at = :now
                where id = :id and state = 'OPEN' and reminded_at is null and remind_at <= :now and expires_at > :now
                """)
                .param("id", id).param("now", Sql.timestamp(now)).update() == 1;
    }

    List<DueRound> dueForReminder(Instant now, int limit) {
        return jdbc.sql("""
                select id, tenant_id from vendor_invitation
                where state = 'OPEN' and reminded_at is null and remind_at <= :now and expires_at > :now
                order by remind_at limit :limit
                """)
                .param("now", Sql.timestamp(now)).param("limit", limit).query(DueRound::of).list();
    }

    List<DueRound> dueForExpiry(Instant now, int limit) {
        return jdbc.sql("select id, tenant_id from vendor_invitation where state = 'OPEN' and expires_at <= :now order by expires_at limit :limit")
                .param("now", Sql.timestamp(now)).param("limit", limit).query(DueRound::of).list();
    }

    void insertToken(byte[] hash, UUID invitationId, Instant at) {
        jdbc.sql("insert into vendor_link_token (token_hash, invitation_id, created_at) values (:hash, :invitationId, :at)")
                .param("hash", hash).param("invitationId", invitationId).param("at", Sql.timestamp(at)).update();
    }

    Optional<String> municipalityOfToken(byte[] hash) {
        return jdbc.sql("select tenant_id from vendor_link_token where token_hash = :hash").param("hash", hash).query(String.class).optional();
    }

    Optional<UUID> invitationOfToken(byte[] hash) {
        return jdbc.sql("select invitation_id from vendor_link_token where token_hash = :hash").param("hash", hash).query(UUID.class).optional();
    }

    record StoredAnswer(String questionId, String value, Instant savedAt) {
    }

    List<StoredAnswer> answers(UUID invitationId) {
        return jdbc.sql("select question_id, value, saved_at from vendor_answer where invitation_id = :id order by question_id")
                .param("id", invitationId)
                .query((row, n) -> new StoredAnswer(row.getString("question_id"), row.getString("value"), Sql.instant(row, "saved_at")))
                .list();
    }

    void saveAnswer(UUID invitationId, String questionId, String value, Instant at) {
        jdbc.sql("""
                insert into vendor_answer (invitation_id, question_id, value, saved_at) values (:id, :questionId, :value, :at)
                on conflict (invitation_id, question_id) do update set value = excluded.value, saved_at = excluded.saved_at
                where vendor_answer.value <> excluded.value
                """)
                .param("id", invitationId).param("questionId", questionId).param("value", value).param("at", Sql.timestamp(at)).update();
    }

    void deleteAnswer(UUID invitationId, String questionId) {
        jdbc.sql("delete from vendor_answer where invitation_id = :id and question_id = :questionId")
                .param("id", invitationId).param("questionId", questionId).update();
    }

    record StoredDocument(UUID attachmentId, String questionId) {
    }

    List<StoredDocument> documents(UUID invitationId) {
        return jdbc.sql("select attachment_id, question_id from vendor_document where invitation_id = :id")
                .param("id", invitationId)
                .query((row, n) -> new StoredDocument(row.getObject("attachment_id", UUID.class), row.getString("question_id")))
                .list();
    }

    void insertDocument(UUID attachmentId, UUID invitationId, String questionId) {
        jdbc.sql("insert into vendor_document (attachment_id, invitation_id, question_id) values (:attachmentId, :invitationId, :questionId)")
                .param("attachmentId", attachmentId).param("invitationId", invitationId).param("questionId", questionId).update();
    }

    boolean deleteDocument(UUID invitationId, UUID attachmentId) {
        return jdbc.sql("delete from vendor_document where invitation_id = :invitationId and attachment_id = :attachmentId")
                .param("invitationId", invitationId).param("attachmentId", attachmentId).update() == 1;
    }

    private VendorInvitation invitation(ResultSet row, int n) throws SQLException {
        return new VendorInvitation(row.getObject("id", UUID.class), row.getObject("request_id", UUID.class), row.getInt("round"),
                row.getString("contact_name"), row.getString("contact_email"), VendorLanguage.valueOf(row.getString("language")),
                json.read(row.getString("follow_ups"), TEXTS), row.getString("invited_by"), Sql.instant(row, "invited_at"),
                Sql.instant(row, "expires_at"), Sql.instant(row, "reminded_at"), Sql.instant(row, "opened_at"),
                Sql.instant(row, "submitted_at"), Sql.instant(row, "ended_at"), row.getString("ended_by"),
                InvitationState.valueOf(row.getString("state")));
    }
}
