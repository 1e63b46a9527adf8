package dk.indkoebsscreening.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Mails;
import dk.indkoebsscreening.testsupport.Mails.Mail;
import dk.indkoebsscreening.testsupport.Timers;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Mine indstillinger": a person turns mails off, keeps the reminders, and nobody else can choose for them. */
class MailSettingsTest extends ApiTestBase {

    @Autowired
    EmbeddedSmtpServer smtp;
    @Autowired
    ProcessEngine engine;

    @AfterEach
    void everyoneGetsMailAgain() {
        jdbc.sql("delete from mail_preference").update();
    }

    @Test
    void someoneWhoTurnedMailsOffGetsOnlyTheReminders() {
        WebSession expert = new WebSession(port);
        expert.login("implementering");
        assertThat(expert.get("/indstillinger").body()).contains("Mails sendes til implementering@demo.kommune.dk.");

        HttpResponse<String> saved = expert.postForm("/indstillinger", "/indstillinger", "mails=false");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(expert.get("/indstillinger").body()).contains("Gemt: du får kun påmindelser om frister og spørgsmål til dig.");

        String requestId = lifecycle.submitAndAccept("anna", "Kun påmindelser");
        String reference = api.details("anna", requestId).get("reference").asText();
        Mails mails = new Mails(smtp);
        mails.awaitAbout(reference, "the screening mails", about -> about.stream().filter(m -> m.kind().equals("SCREENING_OPENED")).count() == 5);
        assertThat(mails.about(reference)).extracting(Mail::to).doesNotContain("implementering@demo.kommune.dk");

        new Timers(engine).fire(requestId, Timers.REMINDER);
        Mail reminder = mails.awaitOne(reference, "REMINDER", "implementering@demo.kommune.dk");
        assertThat(reminder.text()).contains("Disse områder er endnu ikke screenet: Implementering.", "Påmindelser om fristen sendes altid");
        assertThat(Area.IMPLEMENTATION.candidateGroup()).isEqualTo("screening-implementation");
    }

    @Test
    void aChoiceThatIsNeitherYesNorNoIsRefusedInDanishAndChangesNothing() {
        WebSession staff = new WebSession(port);
        staff.login("bent");
        for (String bad : new String[] {"mails=maybe", "mails=", "", "mails=TRUE", "mails=true&mails=false"}) {
            HttpResponse<String> refused = staff.postForm("/indstillinger", "/indstillinger", bad);
            assertThat(refused.statusCode()).as(bad).isBetween(400, 499);
            assertThat(refused.body()).as(bad).contains("Vælg, om du vil have mails.");
        }
        HttpResponse<String> control = staff.postForm("/indstillinger", "/indstillinger", "mails=%00true");
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(control.body()).contains("usynligt styretegn");
        HttpResponse<String> withoutToken = staff.send("POST", "/indstillinger", "application/x-www-form-urlencoded",
                "mails=false".getBytes(StandardCharsets.UTF_8));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from mail_preference").query(Long.class).single()).isZero();
    }

    @Test
    void eachPersonChoosesOnlyForThemselves() {
        WebSession bent = new WebSession(port);
        bent.login("bent");
        bent.postForm("/indstillinger", "/indstillinger", "mails=false&user=anna&userId=anna");

        assertThat(jdbc.sql("select user_id from mail_preference").query(String.class).list()).containsExactly("bent");
    }
}
