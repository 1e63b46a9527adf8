package dk.indkoebsscreening.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.process.TriageOutcome;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Mails;
import dk.indkoebsscreening.testsupport.Mails.Mail;
import dk.indkoebsscreening.triage.TriageForm;
import dk.indkoebsscreening.triage.TriageService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nothing lost, nothing invented: an SMTP outage delays mail and loses none, several senders at once send
 * each mail once, a step that rolled back mails nobody, and a mail sent but not marked keeps its Message-ID.
 */
class MailDeliveryTest extends ApiTestBase {

    @Autowired
    EmbeddedSmtpServer smtp;
    @Autowired
    MailRelay relay;
    @Autowired
    TriageService triage;
    @Autowired
    TransactionTemplate transactions;

    Mails mails;

    @BeforeEach
    void readMails() {
        mails = new Mails(smtp);
    }

    @AfterEach
    void serverUp() {
        smtp.start();
    }

    @Test
    void anSmtpOutageDelaysEveryMailAndLosesOrDuplicatesNone() {
        smtp.stop();
        List<String> references = new ArrayList<>();
        List<String> requestIds = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            JsonNode submitted = api.submit("anna", "Under mailnedbrud " + i);
            references.add(submitted.get("reference").asText());
            requestIds.add(submitted.get("id").asText());
        }
        String accepted = requestIds.get(0);
        String triageTask = api.awaitTask(Lifecycle.COORDINATOR, accepted, "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, triageTask, Map.of("outcome", "ACCEPT"));
        // 3 triage mails and 3 receipts, 6 experts and the requester for the accepted one.
        Eventually.until("the relay tried and failed", () -> count("""
                select count(*) from mail_outbox where request_id::text in (:ids) and attempts > 0 and last_error is not null
                """, requestIds) > 0);
        assertThat(count("select count(*) from mail_outbox where request_id::text in (:ids) and sent_at is null", requestIds))
                .isEqualTo(13);
        assertThat(metric("indkoeb.mail.backlog")).isGreaterThanOrEqualTo(13);
        JsonNode health = api.get("admin", "/actuator/health").body().get("components").get("mail");
        assertThat(health.get("details").get("backlog").asLong()).isGreaterThanOrEqualTo(13);
        assertThat(api.raw("admin", "GET", "/admin/mails", null, null).body()).contains("Venter på at blive sendt");

        smtp.start();
        Eventually.until("every mail sent after the outage",
                () -> count("select count(*) from mail_outbox where request_id::text in (:ids) and sent_at is null", requestIds) == 0);
        List<Mail> received = references.stream().flatMap(reference -> mails.about(reference).stream()).toList();
        assertThat(received).hasSize(13);
        assertThat(received).extracting(Mail::messageId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(jdbc.sql("select message_id from mail_outbox where request_id::text in (:ids)")
                        .param("ids", requestIds).query(String.class).list());
        assertThat(metric("indkoeb.mail.failed")).isPositive();
    }

    @Test
    void severalSendersAtOnceSendEachMailOnce() throws Exception {
        smtp.stop();
        List<String> requestIds = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            requestIds.add(lifecycle.submitAndAccept("bent", "Samtidige afsendere " + i));
        }
        long waiting = count("select count(*) from mail_outbox where request_id::text in (:ids) and sent_at is null", requestIds);
        assertThat(waiting).isEqualTo(3 * 9);
        jdbc.sql("update mail_outbox set next_attempt_at = now() - interval '1 second' where sent_at is null").update();
        smtp.start();

        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> rounds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                rounds.add(() -> {
                    while (count("select count(*) from mail_outbox where request_id::text in (:ids) and sent_at is null", requestIds) > 0) {
                        relay.sendDue();
                    }
                    return null;
                });
            }
            for (Future<Object> round : senders.invokeAll(rounds)) {
                round.get();
            }
        } finally {
            senders.shutdownNow();
        }
        List<String> references = requestIds.stream().map(id -> api.details("bent", id).get("reference").asText()).toList();
        List<Mail> received = references.stream().flatMap(reference -> mails.about(reference).stream()).toList();
        assertThat(received).hasSize(3 * 9).extracting(Mail::messageId).doesNotHaveDuplicates();
    }

    @Test
    void aStepThatRolledBackMailsNobody() {
        JsonNode submitted = api.submit("bent", "Tilbagerullet spørgsmål");
        UUID requestId = UUID.fromString(submitted.get("id").asText());
        String reference = submitted.get("reference").asText();
        mails.awaitOne(reference, "TRIAGE_NEEDED", "koordinator@demo.kommune.dk");

        transactions.executeWithoutResult(status -> {
            triage.record(requestId, new TriageForm(TriageOutcome.NEED_MORE_INFORMATION, "Rullet tilbage?"), Lifecycle.COORDINATOR);
            assertThat(count("select count(*) from mail_outbox where request_id::text in (:ids) and kind = 'QUESTION'",
                    List.of(requestId.toString()))).as("the question's mail, inside the step").isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(count("select count(*) from mail_outbox where request_id::text in (:ids) and kind = 'QUESTION'",
                List.of(requestId.toString()))).isZero();

        // The same step committed: its mail comes, and it is the only question mail the request ever had.
        String task = api.awaitTask(Lifecycle.COORDINATOR, requestId.toString(), "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, task, Map.of("outcome", "NEED_MORE_INFORMATION", "comment", "Hvor mange brugere?"));
        Mail question = mails.awaitOne(reference, "QUESTION", "bent@demo.kommune.dk");
        assertThat(question.text()).contains("»Hvor mange brugere?«").doesNotContain("Rullet tilbage?");
        assertThat(mails.about(reference)).extracting(Mail::kind).containsExactlyInAnyOrder("TRIAGE_NEEDED", "RECEIVED", "QUESTION");
    }

    @Test
    void aMailSentButNotMarkedIsSentAgainAsTheSameMessage() {
        JsonNode submitted = api.submit("anna", "Usikker afsendelse");
        String reference = submitted.get("reference").asText();
        Mail first = mails.awaitOne(reference, "TRIAGE_NEEDED", "koordinator@demo.kommune.dk");

        // As after a crash between the SMTP server's acceptance and the sent-marker's commit.
        jdbc.sql("update mail_outbox set sent_at = null, next_attempt_at = now() where message_id = ?").param(first.messageId()).update();

        mails.awaitAbout(reference, "the mail again", about -> about.stream().filter(mail -> mail.kind().equals("TRIAGE_NEEDED")).count() == 2);
        assertThat(mails.about(reference)).filteredOn(mail -> mail.kind().equals("TRIAGE_NEEDED")).extracting(Mail::messageId)
                .containsExactly(first.messageId(), first.messageId());
    }

    @Test
    void aMailTheServerKeepsRefusingIsGivenUpVisiblyAndLeavesTheBacklog() {
        smtp.stop();
        JsonNode submitted = api.submit("anna", "Afvist adresse");
        String reference = submitted.get("reference").asText();
        String id = jdbc.sql("select id::text from mail_outbox where request_id = ?::uuid and kind = 'TRIAGE_NEEDED'")
                .param(submitted.get("id").asText()).query(String.class).single();
        // Once the relay has tried and failed (the mail then waits a second), as after a day of refusals.
        Eventually.until("a failed try", () -> jdbc.sql("select attempts from mail_outbox where id = ?::uuid").param(id)
                .query(Integer.class).single() > 0);
        jdbc.sql("update mail_outbox set attempts = 24, last_error = '550 5.1.1 Mailbox unknown', next_attempt_at = now() "
                + "where id = ?::uuid").param(id).update();
        smtp.start();

        relay.sendDue();
        assertThat(jdbc.sql("select sent_at is null from mail_outbox where id = ?::uuid").param(id).query(Boolean.class).single()).isTrue();
        assertThat(mails.about(reference)).extracting(Mail::kind).as("the receipt went; the refused one did not")
                .doesNotContain("TRIAGE_NEEDED");
        JsonNode health = api.get("admin", "/actuator/health").body().get("components").get("mail").get("details");
        assertThat(health.get("givenUp").asLong()).isPositive();
        assertThat(api.raw("admin", "GET", "/admin/mails?q=" + reference, null, null).body()).contains("Opgivet efter 2", " afviste forsøg");
        assertThat(api.raw("admin", "GET", "/admin/mails/" + id, null, null).body()).contains("550 5.1.1 Mailbox unknown");
    }

    @Test
    void onlyAdministratorsReadTheMailsSent() {
        JsonNode submitted = api.submit("anna", "Hemmelig post");
        String reference = submitted.get("reference").asText();
        mails.awaitOne(reference, "TRIAGE_NEEDED", "koordinator@demo.kommune.dk");
        String id = jdbc.sql("select id::text from mail_outbox where request_id = ?::uuid and kind = 'TRIAGE_NEEDED'")
                .param(submitted.get("id").asText()).query(String.class).single();

        for (String user : List.of("anna", Lifecycle.COORDINATOR, "sikkerhed")) {
            for (String path : List.of("/admin/mails", "/admin/mails/" + id, "/admin/mails/" + id + "/", "/ADMIN/mails",
                    "/admin/%6dails", "/admin;x=y/mails", "/admin/./mails")) {
                var response = api.raw(user, "GET", path, null, null);
                assertThat(response.status()).as(user + " " + path).isIn(400, 403, 404);
                assertThat(response.body()).as(user + " " + path).doesNotContain(reference);
            }
        }
        assertThat(api.raw(null, "GET", "/admin/mails", null, null).status()).isIn(302, 401);

        // The newest mails of a shared test database need not be this test's: found by the reference, in any case.
        var list = api.raw("admin", "GET", "/admin/mails?q=" + reference.toLowerCase(Locale.ROOT), null, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Ny anmodning til triage: " + reference);
        var nothing = api.raw("admin", "GET", "/admin/mails?q=" + reference + "_%25", null, null);
        assertThat(nothing.status()).as("the typed %% and _ taken literally").isEqualTo(200);
        assertThat(nothing.body()).contains("Ingen mails passer på »" + reference + "_%«").doesNotContain("Ny anmodning til triage");
        assertThat(api.raw("admin", "GET", "/admin/mails?q=" + "x".repeat(5000), null, null).status()).as("a long text is cut")
                .isEqualTo(200);
        var one = api.raw("admin", "GET", "/admin/mails/" + id, null, null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains("Kære Karen Koordinator,", reference, "koordinator@demo.kommune.dk");
        var notAnId = api.raw("admin", "GET", "/admin/mails/ikke-et-id", null, null);
        assertThat(notAnId.status()).isEqualTo(404); // an address with no id in it is no page
        assertThat(notAnId.body()).doesNotContain("Exception");
        assertThat(api.raw("admin", "GET", "/admin/mails/" + UUID.randomUUID(), null, null).status()).isEqualTo(404);
    }

    private long count(String sql, List<String> ids) {
        return jdbc.sql(sql).param("ids", ids).query(Long.class).single();
    }

    private double metric(String name) {
        return api.get("admin", "/actuator/metrics/" + name).body().get("measurements").get(0).get("value").asDouble();
    }
}
