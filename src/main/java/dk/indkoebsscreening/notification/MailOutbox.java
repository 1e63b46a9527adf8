package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.system.Sql;
import dk.indkoebsscreening.system.Text;
import dk.indkoebsscreening.system.Wakeup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The mail outbox ({@code mail_outbox}): a mail is added in the transaction of the step it tells about, so it
 * exists exactly when the step committed, and the relay is woken after the commit. A mail is sent at least
 * once: it is reserved (a lease) while an instance sends it and marked sent after the SMTP server took it.
 */
@Repository
class MailOutbox {

    private static final String COLUMNS = "id, fact_id, request_id, kind, recipient_user, recipient, subject, text_body, "
            + "html_body, message_id, sender, created_at, attempts, sent_at, last_error, vendor_invitation_id";

    /** The state of the backlog: how many mails wait and since when. */
    record Backlog(long size, Instant oldest) {

        Duration oldestAge(Instant now) {
            return oldest == null ? Duration.ZERO : Duration.between(oldest, now);
        }
    }

    private final JdbcClient jdbc;
    private final CaseHistory history;
    private final int maxAttempts;
    private final Wakeup relayWakeup = new Wakeup();

    MailOutbox(JdbcClient jdbc, CaseHistory history, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.history = history;
        this.maxAttempts = properties.relay().maxAttempts();
    }

    /** Adds the mail unless this fact already has one for the address; wakes the relay after the commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    void add(OutgoingMail mail) {
        jdbc.sql("""
                insert into mail_outbox (id, fact_id, request_id, kind, recipient_user, recipient, subject, text_body,
                                         html_body, message_id, sender, created_at, next_attempt_at, vendor_invitation_id)
                values (:id, :factId, :requestId, :kind, :user, :recipient, :subject, :text, :html, :messageId, :sender, :now, :now,
                        :vendorInvitation)
                on conflict (fact_id, recipient) do nothing
                """)
                .param("id", mail.id())
                .param("factId", mail.factId())
                .param("requestId", mail.requestId())
                .param("kind", mail.kind().name())
                .param("user", mail.recipientUser())
                .param("recipient", mail.recipient())
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("html", mail.html())
                .param("messageId", mail.messageId())
                .param("sender", mail.sender())
                .param("now", Sql.timestamp(mail.createdAt()))
                .param("vendorInvitation", mail.vendorInvitation())
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relayWakeup.signal();
            }
        });
    }

    Wakeup relayWakeup() {
        return relayWakeup;
    }

    /**
     * Reserves up to {@code limit} mails that are due and not reserved by another instance, oldest first, until
     * {@code until}; that instant is the reservation's token for {@link #extend}.
     */
    @Transactional
    List<OutgoingMail> reserveDue(Instant now, Instant until, int limit) {
        return jdbc.sql("""
                update mail_outbox set leased_until = :until
                where id in (select id from mail_outbox
                             where sent_at is null and attempts < :maxAttempts and next_attempt_at <= :now
                               and (leased_until is null or leased_until < :now)
                             order by next_attempt_at, created_at limit :limit for update skip locked)
                returning\s""" + COLUMNS)
                .param("now", Sql.timestamp(now))
                .param("until", Sql.timestamp(until))
                .param("maxAttempts", maxAttempts)
                .param("limit", limit)
                .query(MailOutbox::mail)
                .list().stream().sorted(Comparator.comparing(OutgoingMail::createdAt)).toList();
    }

    /**
     * Extends this instance's reservation of one mail just before it is sent; false when the reservation ran out
     * and another instance may have the mail (then this one must not send it).
     */
    @Transactional
    boolean extend(UUID id, Instant reservedUntil, Instant newUntil) {
        return jdbc.sql("update mail_outbox set leased_until = :newUntil where id = :id and leased_until = :until and sent_at is null")
                .param("id", id).param("until", Sql.timestamp(reservedUntil)).param("newUntil", Sql.timestamp(newUntil)).update() == 1;
    }

    /** Marks the mail sent and tells the request's history to whom it went (a mail about a system has no such history). */
    @Transactional
    void markSent(OutgoingMail mail, Instant now) {
        jdbc.sql("update mail_outbox set sent_at = :now, leased_until = null, last_error = null where id = :id")
                .param("id", mail.id()).param("now", Sql.timestamp(now)).update();
        if (mail.kind().aboutRequest()) {
            history.record(mail.requestId(), HistoryKind.MAIL_SENT, null, null, mail.kind().name(), mail.recipient());
        }
    }

    /** A failed try: counted, and the mail waits until {@code nextAttempt}. */
    @Transactional
    void markFailed(UUID id, Instant nextAttempt, String error) {
        jdbc.sql("""
                update mail_outbox set attempts = attempts + 1, next_attempt_at = :next, leased_until = null, last_error = :error
                where id = :id
                """)
                .param("id", id).param("next", Sql.timestamp(nextAttempt)).param("error", error).update();
    }

    /** A mail that must not be sent any more: given up at once, with the reason as its last error. */
    @Transactional
    void giveUp(UUID id, String reason) {
        jdbc.sql("update mail_outbox set attempts = :max, leased_until = null, last_error = :reason where id = :id")
                .param("id", id).param("max", maxAttempts).param("reason", reason).update();
    }

    /** Gives reserved mails back untried (the server is unreachable: one failed try is enough to know). */
    @Transactional
    void release(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update mail_outbox set leased_until = null where id in (:ids)").param("ids", ids).update();
        }
    }

    /** The mails still to be tried; given-up ones are not waiting for anything. */
    Backlog backlog() {
        return jdbc.sql("select count(*), min(created_at) from mail_outbox where sent_at is null and attempts < :max")
                .param("max", maxAttempts)
                .query((row, n) -> new Backlog(row.getLong(1), Sql.instant(row, "min")))
                .single();
    }

    long givenUp() {
        return jdbc.sql("select count(*) from mail_outbox where sent_at is null and attempts >= :max").param("max", maxAttempts)
                .query(Long.class).single();
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** The newest mails, or the newest whose subject or recipient contains the typed text (a reference, an address). */
    List<OutgoingMail> newest(int limit, String typed) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where (cast(:text as text) is null"
                        + " or lower(subject || ' ' || recipient) like :text escape '\\') order by created_at desc, id limit :limit")
                .param("text", Text.isBlank(typed) ? null : Sql.containing(typed))
                .param("limit", limit).query(MailOutbox::mail).list();
    }

    List<OutgoingMail> ofRequest(UUID requestId) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where request_id = :id order by created_at, recipient")
                .param("id", requestId).query(MailOutbox::mail).list();
    }

    Optional<OutgoingMail> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where id = :id").param("id", id).query(MailOutbox::mail).optional();
    }

    /** Deletes up to {@code batch} mails sent before the cutoff; unsent mails are never deleted. */
    @Transactional
    int deleteSentBefore(Instant cutoff, int batch) {
        return jdbc.sql("delete from mail_outbox where id in (select id from mail_outbox where sent_at < :cutoff limit :batch)")
                .param("cutoff", Sql.timestamp(cutoff)).param("batch", batch).update();
    }

    private static OutgoingMail mail(ResultSet row, int n) throws SQLException {
        return new OutgoingMail(row.getObject("id", UUID.class), row.getObject("fact_id", UUID.class),
                row.getObject("request_id", UUID.class), MailKind.valueOf(row.getString("kind")),
                row.getString("recipient_user"), row.getString("recipient"), row.getString("subject"),
                row.getString("text_body"), row.getString("html_body"), row.getString("message_id"),
                row.getString("sender"), Sql.instant(row, "created_at"), row.getInt("attempts"), Sql.instant(row, "sent_at"), row.getString("last_error"),
                row.getObject("vendor_invitation_id", UUID.class));
    }
}
