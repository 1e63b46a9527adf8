package dk.indkoebsscreening.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The vendor's side: the link's landing page changes nothing, its button opens a vendor's session without the token
 * in any later address, and the vendor answers, saves, comes back, sends and then reads what was sent.
 */
class VendorPagesTest extends ApiTestBase {

    @Autowired
    VendorInvitations invitations;
    @Autowired
    VendorLinks links;
    @Autowired
    VendorAnswers answers;

    private VendorSessions vendors;

    @BeforeEach
    void vendors() {
        vendors = new VendorSessions(invitations, links, jdbc, port);
    }

    @Test
    void theLandingPageChangesNothingAndTheButtonOpensTheQuestionnaireInTheInvitationsLanguage() {
        String requestId = api.submit("anna", "Leverandørens link: landingsside").get("id").asText();
        VendorInvitation invitation = vendors.invite(requestId, VendorLanguage.EN);
        String token = vendors.token(invitation);
        Map<String, Object> before = vendors.state(requestId);

        WebSession browser = new WebSession(port);
        HttpResponse<String> landing = browser.get(VendorSessions.LANDING + token);
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("Open the questionnaire").contains("name=\"_csrf\"")
                .doesNotContain("/anmodninger").doesNotContain("/opgaver");
        assertThat(landing.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(landing.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(browser.get(VendorSessions.LANDING + token).statusCode()).isEqualTo(200);
        assertThat(vendors.state(requestId)).as("a mail scanner's fetch changes nothing").isEqualTo(before);

        HttpResponse<String> exchanged = vendors.exchange(browser, token);
        assertThat(exchanged.statusCode()).isEqualTo(303);
        assertThat(exchanged.headers().firstValue("Location").orElse("")).endsWith(VendorSessions.QUESTIONNAIRE);
        assertThat(jdbc.sql("select count(*) from case_history where request_id = ?::uuid and kind = 'VENDOR_OPENED'")
                .param(requestId).query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> page = browser.get(VendorSessions.QUESTIONNAIRE);
        assertThat(browser.get(VendorSessions.QUESTIONNAIRE + "?lang=da").statusCode()).isEqualTo(200);
        assertThat(browser.get(VendorSessions.LANDING + token + "?lang=da").statusCode()).isEqualTo(200);
        assertThat(vendors.exchange(browser, token).statusCode()).as("the landing page's button again, in Danish").isEqualTo(303);
        assertThat(browser.get(VendorSessions.QUESTIONNAIRE + "?lang=en").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from case_history where request_id = ?::uuid and kind = 'VENDOR_OPENED'")
                .param(requestId).query(Long.class).single()).as("opened once per vendor session").isEqualTo(1);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Leverandørens link: landingsside")
                .contains("Do you hold a valid ISO 27001 certificate")
                .doesNotContain(token)
                .doesNotContain("anna")
                .doesNotContain("/anmodninger");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void theVendorSavesComesBackWithTheLinkSendsAndThenReadsWhatWasSent() {
        String requestId = api.submit("anna", "Leverandørens link: svar").get("id").asText();
        VendorInvitation invitation = vendors.invite(requestId, VendorLanguage.DA);
        String token = vendors.token(invitation);

        WebSession browser = vendors.open(token);
        HttpResponse<String> saved = browser.postForm(VendorSessions.QUESTIONNAIRE, VendorSessions.QUESTIONNAIRE,
                "iso27001=YES&handling=gem");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(browser.get(VendorSessions.QUESTIONNAIRE).body()).contains("Svarene er gemt");

        WebSession later = vendors.open(token);
        assertThat(later.get(VendorSessions.QUESTIONNAIRE).body()).containsPattern("value=\"YES\"\\s+checked");
        HttpResponse<String> wrong = later.postForm(VendorSessions.QUESTIONNAIRE, VendorSessions.QUESTIONNAIRE,
                "iso27001=YES&singleSignOn=MAYBE&handling=gem");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Der er fejl i formularen").contains("Vælg et af svarene.");

        HttpResponse<String> toConfirm = later.postForm(VendorSessions.QUESTIONNAIRE, VendorSessions.QUESTIONNAIRE,
                "iso27001=YES&singleSignOn=PARTLY&handling=send");
        assertThat(toConfirm.headers().firstValue("Location").orElse("")).endsWith(VendorSessions.QUESTIONNAIRE + "/send");
        assertThat(later.get(VendorSessions.QUESTIONNAIRE + "/send").body()).contains("Vil du sende svarene?");
        String csrf = later.csrfToken(VendorSessions.QUESTIONNAIRE + "/send");
        assertThat(later.postForm(VendorSessions.QUESTIONNAIRE + "/send", VendorSessions.QUESTIONNAIRE + "/send", "")
                .statusCode()).isEqualTo(302);

        String sent = later.get(VendorSessions.QUESTIONNAIRE).body();
        assertThat(sent).contains("Dine svar er sendt til kommunen.").contains("Delvist").doesNotContain("vendor-save");
        assertThat(jdbc.sql("select state from vendor_invitation where id = ?").param(invitation.id())
                .query(String.class).single()).isEqualTo("SUBMITTED");
        Map<String, Object> afterSending = vendors.state(requestId);
        byte[] change = ("iso27001=NO&handling=gem&_csrf=" + WebSession.encode(csrf)).getBytes(StandardCharsets.UTF_8);
        assertThat(later.send("POST", VendorSessions.QUESTIONNAIRE, "application/x-www-form-urlencoded", change).statusCode())
                .isEqualTo(302);
        assertThat(vendors.state(requestId)).as("read-only once sent").isEqualTo(afterSending);
    }

    @Test
    void aStaffMemberOpeningAVendorLinkIsToldAndSignedOutFirst() {
        String requestId = api.submit("anna", "Leverandørens link: medarbejder").get("id").asText();
        String token = vendors.token(vendors.invite(requestId, VendorLanguage.DA));
        WebSession browser = new WebSession(port);
        browser.login("sikkerhed");
        assertThat(browser.get("/opgaver").statusCode()).isEqualTo(200);

        HttpResponse<String> landing = browser.get(VendorSessions.LANDING + token);
        assertThat(landing.body()).contains("Du er logget ind i Indkøbsscreening i denne browser");
        assertThat(vendors.exchange(browser, token).statusCode()).isEqualTo(303);

        assertThat(browser.get("/opgaver").statusCode()).as("the staff session ended").isEqualTo(403);
        assertThat(browser.get(VendorSessions.QUESTIONNAIRE).statusCode()).isEqualTo(200);
        assertThat(new WebSession(port).get(VendorSessions.LANDING + token).body()).doesNotContain("Du er logget ind");
    }

    @Test
    void aNewRoundAfterASubmittedOneAsksItsFollowUpQuestionsFirstWithTheEarlierAnswersReadOnly() {
        String requestId = api.submit("anna", "Leverandørens link: ny runde").get("id").asText();
        VendorInvitation first = vendors.invite(requestId, VendorLanguage.EN);
        answers.save(first.id(), Map.of("iso27001", "YES"));
        answers.submit(first.id());
        String sentLanding = new WebSession(port).get(VendorSessions.LANDING + vendors.token(first)).body();
        assertThat(sentLanding).as("the link of a round sent").contains("Your answers were sent on", "you can read them")
                .doesNotContain("save your answers as you go");
        VendorInvitation second = invitations.invite(java.util.UUID.fromString(requestId), new Invite("Lise Leverandør",
                VendorSessions.CONTACT, VendorLanguage.EN, java.util.List.of("Which data centre holds the backups?")), "koordinator");

        WebSession browser = vendors.open(vendors.token(second));
        String page = browser.get(VendorSessions.QUESTIONNAIRE).body();
        assertThat(page).contains("Follow-up questions").contains("Which data centre holds the backups?")
                .as("whom to write to").contains("If you have questions, write to")
                .as("the day and the hour the link stops").containsPattern("send your answers by [^<]*\\d{1,2}[.:]\\d{2}[^<]*\\(Danish time\\)");
        assertThat(page.indexOf("Which data centre holds the backups?")).as("the follow-up first")
                .isLessThan(page.indexOf("Your earlier answers"));
        assertThat(page).as("no checklist field asked again").doesNotContain("name=\"iso27001\"");
        assertThat(browser.get(VendorSessions.QUESTIONNAIRE + "/send").body()).contains("One question is not answered");
        assertThat(browser.postForm(VendorSessions.QUESTIONNAIRE, VendorSessions.QUESTIONNAIRE,
                "followUp1=" + WebSession.encode("Aarhus, Denmark") + "&handling=gem").statusCode()).isEqualTo(302);
        assertThat(answers.answers(second.id()).get("followUp1").value()).isEqualTo("Aarhus, Denmark");
        assertThat(answers.answers(first.id())).doesNotContainKey("followUp1");
    }
}
