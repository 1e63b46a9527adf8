package dk.indkoebsscreening.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Mails;
import dk.indkoebsscreening.testsupport.Mails.Mail;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What goes out of the vendor questionnaire: the events (valid against their schemas, without the contact's name or
 * address), the vendor's mails in their language with a link minted as the mail is sent (the outbox keeps only the
 * placeholder), the experts' mail when the vendor answered, the reminder and the expiry of the job, and a mail whose round
 * ended before it went out, which is not sent.
 */
class VendorOutgoingTest extends ApiTestBase {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<]+/leverandoer/adgang/([A-Za-z0-9_-]{43})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> STEP_TIME = Map.of("dk.indkoebsscreening.vendor.invited.v1", "/invitedAt",
            "dk.indkoebsscreening.vendor.answered.v1", "/submittedAt", "dk.indkoebsscreening.vendor.revoked.v1", "/revokedAt",
            "dk.indkoebsscreening.vendor.expired.v1", "/expiredAt");

    @Autowired
    EmbeddedSmtpServer smtp;

    @Autowired
    VendorInvitations invitations;

    @Autowired
    VendorAnswers answers;

    @Autowired
    VendorLinks links;

    @Autowired
    VendorLinkTimes times;

    @Autowired
    TransactionTemplate transactions;

    private final EventSchemas schemas = new EventSchemas();
    private Mails mails;

    @BeforeEach
    void readMails() {
        mails = new Mails(smtp);
    }

    @Test
    void theVendorGetsAWorkingLinkThatNoStoredMailHoldsAndTheExpertsHearWhenTheVendorAnswered() throws Exception {
        String requestId = lifecycle.submitAndAccept("anna", "Leverandørens svar på engelsk");
        String contact = "vera-" + UUID.randomUUID() + "@vendor.example";
        VendorInvitation invitation = invitations.invite(UUID.fromString(requestId),
                new Invite("Vera Vendor", contact, VendorLanguage.EN, List.of()), "sikkerhed");

        Mail invited = awaitMailTo(contact, "VENDOR_INVITATION");
        assertThat(invited.subject()).contains("asks for your answers: Leverandørens svar på engelsk");
        assertThat(invited.text()).contains("Dear Vera Vendor", "Sara Sikkerhed of", "You need no account and no password",
                "Security and GDPR", "The link works until (Danish time)", "please do not forward it",
                "Questions to", "Sara Sikkerhed (sikkerhed@demo.kommune.dk)");
        String token = token(invited.text());
        assertThat(invited.html()).contains(token).contains("lang=\"en\"");
        assertThat(links.check(token)).isInstanceOfSatisfying(LinkCheck.Valid.class,
                valid -> assertThat(valid.invitation().id()).isEqualTo(invitation.id()));
        Map<String, Object> stored = jdbc.sql("select text_body, html_body, vendor_invitation_id, recipient_user from mail_outbox "
                + "where recipient = ? and kind = 'VENDOR_INVITATION'").param(contact).query().singleRow();
        assertThat(stored.get("text_body").toString()).contains(VendorLinks.PLACEHOLDER).doesNotContain(token);
        assertThat(stored.get("html_body").toString()).contains(VendorLinks.PLACEHOLDER).doesNotContain(token);
        assertThat(stored.get("vendor_invitation_id")).isEqualTo(invitation.id());
        assertThat(stored.get("recipient_user")).isNull();

        JsonNode invitedEvent = event(requestId, "vendor.invited");
        assertThat(invitedEvent.get("invitationId").asText()).isEqualTo(invitation.id().toString());
        assertThat(invitedEvent.get("round").asInt()).isEqualTo(1);
        assertThat(invitedEvent.get("language").asText()).isEqualTo("EN");
        assertThat(invitedEvent.get("invitedBy").asText()).isEqualTo("sikkerhed");
        assertThat(invitedEvent.get("areas").toString()).contains("SECURITY");
        assertThat(outbox.payloadsOf(requestId, "vendor.invited").get(0)).doesNotContain("Vera").doesNotContain("vendor.example");

        answers.save(invitation.id(), Map.of("iso27001", "YES"));
        answers.submit(invitation.id());
        JsonNode answered = event(requestId, "vendor.answered");
        assertThat(answered.get("answered").toString()).isEqualTo("[{\"area\":\"SECURITY\",\"questionIds\":[\"iso27001\"]}]");
        assertThat(answered.get("documents").asInt()).isZero();
        Mail toExpert = awaitMailTo("sikkerhed@demo.kommune.dk", "VENDOR_ANSWERED");
        assertThat(toExpert.text()).contains("Leverandøren (Vera Vendor) har sendt leverandørens svar (runde 1)", "/opgaver/");
        assertThat(toExpert.subject()).startsWith("Leverandøren har svaret: IND-");
        assertOneTimePerStep(requestId);

        VendorInvitation second = invitations.invite(UUID.fromString(requestId),
                new Invite("Vera Vendor", contact, VendorLanguage.EN, List.of("Which NSIS level?")), "koordinator");
        answers.save(second.id(), Map.of("followUp1", "Substantial"));
        answers.submit(second.id());
        Eventually.until("the security experts hear of the follow-up round", () -> mails.all().stream()
                .filter(mail -> mail.to().equals("sikkerhed@demo.kommune.dk") && mail.kind().equals("VENDOR_ANSWERED")).count() == 2);
    }

    @Test
    void aMailWhoseRoundEndedBeforeItWentOutIsNotSent() {
        String requestId = lifecycle.submitAndAccept("anna", "Leverandør trukket tilbage");
        String contact = "ole-" + UUID.randomUUID() + "@vendor.example";
        // Invited and revoked in one step: the invitation's mail is committed with its round already ended.
        UUID invitationId = transactions.execute(status -> {
            VendorInvitation invitation = invitations.invite(UUID.fromString(requestId),
                    new Invite("Ole Olsen", contact, VendorLanguage.DA, List.of()), "koordinator");
            invitations.revoke(UUID.fromString(requestId), invitation.id(), "koordinator");
            return invitation.id();
        });

        Eventually.until("the mail given up", () -> jdbc.sql("select count(*) from mail_outbox where vendor_invitation_id = ? "
                + "and sent_at is null and last_error like 'Not sent:%'").param(invitationId).query(Long.class).single() == 1);
        assertThat(mails.all()).noneMatch(mail -> mail.to().equals(contact));
        assertThat(jdbc.sql("select count(*) from vendor_link_token where invitation_id = ?").param(invitationId).query(Long.class)
                .single()).as("no link minted").isZero();
        JsonNode revoked = event(requestId, "vendor.revoked");
        assertThat(revoked.get("reason").asText()).isEqualTo("STAFF");
        assertThat(revoked.get("revokedBy").asText()).isEqualTo("koordinator");
    }

    @Test
    void theJobRemindsOnceBeforeTheExpiryEndsTheRoundOnceAndAClosedRequestRevokesItsRound() {
        String requestId = lifecycle.submitAndAccept("anna", "Leverandør der glemmer at svare");
        UUID request = UUID.fromString(requestId);
        String contact = "glemsom-" + UUID.randomUUID() + "@vendor.example";
        VendorInvitation invitation = invitations.invite(request, new Invite("Gitte Glemsom", contact, VendorLanguage.DA, List.of()),
                "koordinator");
        awaitMailTo(contact, "VENDOR_INVITATION");

        times.run();
        assertThat(mailsOfKind(invitation.id(), "VENDOR_REMINDER")).as("not due yet").isZero();
        // The clock moved on to the day of the reminder: the round's dates are what the job compares with now.
        moveBack(invitation.id(), "remind_at");
        times.run();
        times.run();
        Mail reminder = awaitMailTo(contact, "VENDOR_REMINDER");
        assertThat(reminder.subject()).startsWith("Påmindelse: ");
        assertThat(reminder.text()).contains("Kære Gitte Glemsom", "Linket holder op med at virke");
        assertThat(links.check(token(reminder.text()))).isInstanceOf(LinkCheck.Valid.class);
        assertThat(mailsOfKind(invitation.id(), "VENDOR_REMINDER")).as("one reminder").isEqualTo(1);
        assertThat(invitations.latest(request).orElseThrow().remindedAt()).isNotNull();

        moveBack(invitation.id(), "expires_at");
        times.run();
        times.run();
        assertThat(invitations.latest(request).orElseThrow().state()).isEqualTo(InvitationState.EXPIRED);
        assertThat(outbox.payloadsOf(requestId, "vendor.expired")).hasSize(1);
        assertThat(event(requestId, "vendor.expired").get("invitationId").asText()).isEqualTo(invitation.id().toString());
        assertThat(links.check(token(reminder.text()))).isInstanceOf(LinkCheck.Refused.class);

        VendorInvitation second = invitations.invite(request, new Invite("Gitte Glemsom", contact, VendorLanguage.DA,
                List.of("Hvor står jeres backup?")), "koordinator");
        JsonNode secondRound = read(outbox.payloadsOf(requestId, "vendor.invited").get(1));
        assertThat(secondRound.get("round").asInt()).isEqualTo(2);
        assertThat(secondRound.get("followUpQuestions").asInt()).isEqualTo(1);
        assertThat(api.post("anna", "/api/requests/" + requestId + "/withdraw", Map.of()).status()).isEqualTo(204);
        List<String> revoked = outbox.payloadsOf(requestId, "vendor.revoked");
        assertThat(revoked).hasSize(1);
        JsonNode closed = read(revoked.get(0));
        assertThat(schemas.problems("dk.indkoebsscreening.vendor.revoked.v1", revoked.get(0))).isEmpty();
        assertThat(closed.get("invitationId").asText()).isEqualTo(second.id().toString());
        assertThat(closed.get("reason").asText()).isEqualTo("REQUEST_CLOSED");
        assertThat(closed.get("revokedBy").isNull()).isTrue();
        assertOneTimePerStep(requestId);
    }

    /** Each vendor event's time in its payload is its step's time, the one ce_time carries (docs/events.md). */
    private void assertOneTimePerStep(String requestId) {
        List<Map<String, Object>> events = jdbc.sql("select type, occurred_at, payload::text as payload from outbox_event "
                + "where request_id = ? and type like 'dk.indkoebsscreening.vendor.%'").param(UUID.fromString(requestId)).query().listOfRows();
        assertThat(events).isNotEmpty();
        for (Map<String, Object> event : events) {
            String field = STEP_TIME.get(event.get("type").toString());
            assertThat(Instant.parse(read(event.get("payload").toString()).at(field).asText()))
                    .as("%s of %s", field, event.get("type"))
                    .isEqualTo(((Timestamp) event.get("occurred_at")).toInstant());
        }
    }

    private void moveBack(UUID invitationId, String column) {
        jdbc.sql("update vendor_invitation set " + column + " = now() - interval '1 minute' where id = ?").param(invitationId).update();
    }

    private long mailsOfKind(UUID invitationId, String kind) {
        return jdbc.sql("select count(*) from mail_outbox where vendor_invitation_id = ? and kind = ?").params(invitationId, kind)
                .query(Long.class).single();
    }

    private Mail awaitMailTo(String address, String kind) {
        Eventually.until(kind + " to " + address, () -> mails.all().stream().anyMatch(mail -> mail.to().equals(address) && mail.kind().equals(kind)));
        List<Mail> found = mails.all().stream().filter(mail -> mail.to().equals(address) && mail.kind().equals(kind)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String token(String text) {
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a link in " + text).isTrue();
        return link.group(1);
    }

    /** The type's first event of the request, valid against its schema (which keeps it as a sample for ajv). */
    private JsonNode event(String requestId, String shortType) {
        String payload = outbox.payloadOf(requestId, shortType);
        assertThat(schemas.problems("dk.indkoebsscreening." + shortType + ".v1", payload)).isEmpty();
        return read(payload);
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
