package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.municipality.MunicipalityForm;
import dk.indkoebsscreening.municipality.MunicipalitySettings;
import dk.indkoebsscreening.notification.Recipients.Recipient;
import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.MadeUpMunicipalities;
import dk.indkoebsscreening.testsupport.Mails;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail comes from the municipality its step acts for: its sender and its domain in the Message-ID, also when the
 * relay sends it later, for every municipality at once. A municipality created here, removed after with its mail.
 */
class MunicipalityMailsTest extends ApiTestBase {

    @Autowired
    IdentityService identity;

    private static final String OTHER = "test-mails-oestby";

    @Autowired
    MunicipalitySettings settings;
    @Autowired
    MailComposer composer;
    @Autowired
    MailOutbox outbox;
    @Autowired
    EmbeddedSmtpServer smtp;
    @Autowired
    PlatformTransactionManager transactionManager;

    private final UUID requestId = UUID.randomUUID();

    @AfterEach
    void removeMunicipalityAndMail() {
        jdbc.sql("delete from mail_outbox where request_id = ?").param(requestId).update();
        MadeUpMunicipalities.remove(jdbc, identity, OTHER);
    }

    @Test
    void aMailComesFromTheMunicipalityItsStepActsFor() {
        settings.create(new MunicipalityForm(OTHER, "Østby Kommune", null, null, "Østby Indkøb <indkoeb@oestby.example>", null,
                10, BigDecimal.ZERO, null, "urn:indkoebsscreening:oestby", Map.of(), Set.of()));
        String subject = "Afsender-prøve " + requestId;
        OutgoingMail mail = Tenancy.callAs(OTHER, () -> composer.compose(UUID.randomUUID(), requestId, MailKind.REMINDER,
                Recipient.outsider("Modtager", "modtager@example.org"), MailContent.about(subject).paragraph("Tekst").build()));
        assertThat(mail.sender()).isEqualTo("Østby Indkøb <indkoeb@oestby.example>");
        assertThat(mail.messageId()).endsWith("@oestby.example>");

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> outbox.add(mail));

        Mails.Mail received = new Mails(smtp).awaitAbout(requestId.toString(), "the mail", mails -> !mails.isEmpty()).get(0);
        assertThat(received.from()).contains("indkoeb@oestby.example");
        assertThat(received.messageId()).isEqualTo(mail.messageId());
    }
}
