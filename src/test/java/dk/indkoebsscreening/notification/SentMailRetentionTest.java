package dk.indkoebsscreening.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sent mails leave the outbox after the retention period, every municipality's; unsent ones never do. */
class SentMailRetentionTest extends ApiTestBase {

    private static final String OTHER = "test-retention-oestby";

    @Autowired
    SentMailRetention retention;
    @Autowired
    NotificationProperties properties;

    private final UUID requestId = UUID.randomUUID();

    @AfterEach
    void removeMails() {
        Tenancy.runAcross(() -> jdbc.sql("delete from mail_outbox where request_id = ?").param(requestId).update());
    }

    @Test
    void deletesTheSentMailsOfEveryMunicipalityAndKeepsUnsentOnes() {
        Instant longAgo = Instant.now().minus(properties.keepSent()).minus(Duration.ofDays(1));
        UUID sentHere = insert(longAgo);
        UUID sentThere = Tenancy.callAs(OTHER, () -> insert(longAgo));
        UUID unsentThere = Tenancy.callAs(OTHER, () -> insert(null));

        retention.deleteExpired();

        assertThat(Tenancy.callAcross(() -> jdbc.sql("select id from mail_outbox where request_id = ?").param(requestId)
                .query(UUID.class).list())).containsExactly(unsentThere).doesNotContain(sentHere, sentThere);
    }

    private UUID insert(Instant sentAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into mail_outbox (id, fact_id, request_id, kind, recipient, subject, text_body, html_body,
                                                 message_id, created_at, next_attempt_at, sent_at)
                        values (?, ?, ?, 'REMINDER', 'modtager@example.org', 'Emne', 'Tekst', '<p>Tekst</p>', ?, ?, ?, ?)
                        """)
                .params(id, UUID.randomUUID(), requestId, "<" + id + "@example.org>", Timestamp.from(sentAt == null ? Instant.now() : sentAt),
                        Timestamp.from(Instant.now().plus(Duration.ofDays(1))), sentAt == null ? null : Timestamp.from(sentAt))
                .update();
        return id;
    }
}
