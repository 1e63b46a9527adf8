package dk.indkoebsscreening.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff's side of the vendor's questionnaire through the pages: the panel on the task and request pages, the
 * invitation with the contact the requester named, a new round, revocation after a confirmation, the contact, the
 * vendor's answers beside the checklist and "Brug svaret"; and everyone who may not, refused with nothing changed.
 */
class VendorStaffPagesTest extends ApiTestBase {

    private static final String SECURITY = Lifecycle.expertFor(Area.SECURITY);

    @Autowired
    VendorAnswers answers;

    @Autowired
    VendorInvitations invitations;

    @Autowired
    VendorLinks links;

    @Test
    void theExpertInvitesTheNamedContactInEnglishFromTheTaskPageAndEveryReaderSeesTheRound() {
        String requestId = acceptedRequestWithContact("Leverandørspørgsmål fra opgaven");
        String taskId = api.awaitTask(SECURITY, requestId, "SCREENING").get("id").asText();
        WebSession expert = session(SECURITY);

        String page = expert.get("/opgaver/" + taskId).body();
        assertThat(page).contains("id=\"leverandoer\"").contains("value=\"Sara Jensen\"").contains("value=\"sara@eksempel.dk\"")
                .contains("Send invitation");
        assertThat(page.indexOf("id=\"leverandoer\"")).as("right after the request's facts, before the attachments and the checklist")
                .isGreaterThan(page.indexOf("id=\"facts-title\"")).isLessThan(page.indexOf("id=\"bilag\""))
                .isLessThan(page.indexOf("id=\"form-title\""));
        assertThat(page).as("the link's 10 working days outlive the screening's 5, and the form says so")
                .contains("id=\"vendor-invite-expiry\"").contains("class=\"notice notice-warning\">Linket gælder til ")
                .contains("– efter screeningens frist");

        HttpResponse<String> sent = expert.postForm("/opgaver/" + taskId, "/anmodninger/" + requestId + "/leverandoer/invitation",
                "contactName=Sara+Jensen&contactEmail=sara%40eksempel.dk&language=EN&tilbage=%2Fopgaver%2F" + taskId);

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/opgaver/" + taskId + "#leverandoer");
        assertThat(jdbc.sql("select language || ' ' || contact_email || ' ' || invited_by from vendor_invitation where request_id = ?::uuid")
                .param(requestId).query(String.class).single()).isEqualTo("EN sara@eksempel.dk " + SECURITY);
        String after = expert.get("/opgaver/" + taskId).body();
        assertThat(after).as("and so does the round").contains("id=\"vendor-expires-1\"").contains("class=\"vendor-past-deadline\">Linket gælder til ");
        assertThat(after).contains("id=\"vendor-round-1\"").contains("Sendt").contains("på engelsk").contains("vendor-revoke-1")
                .doesNotContain("id=\"vendor-invite\"");
        String requesters = session("anna").get("/anmodninger/" + requestId).body();
        assertThat(requesters).as("the requester reads the state").contains("id=\"vendor-round-1\"")
                .doesNotContain("vendor-revoke-1").doesNotContain("id=\"vendor-invite\"");
    }

    @Test
    void revokingAsksFirstThenEndsTheRoundAndANewRoundCarriesFollowUpQuestions() {
        String requestId = acceptedRequestWithContact("Tilbagekald og ny runde");
        UUID invitationId = invite(requestId);
        WebSession coordinator = session(Lifecycle.COORDINATOR);

        String confirm = coordinator.get("/anmodninger/" + requestId + "/leverandoer/" + invitationId + "/tilbagekald").body();
        assertThat(confirm).contains("Vil du trække leverandørens link tilbage?").contains("Sara Jensen");
        assertThat(state(invitationId)).as("asking changes nothing").isEqualTo("OPEN");
        HttpResponse<String> revoked = coordinator.postForm("/anmodninger/" + requestId,
                "/anmodninger/" + requestId + "/leverandoer/" + invitationId + "/tilbagekald", "");
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).endsWith("/anmodninger/" + requestId + "#leverandoer");
        assertThat(state(invitationId)).isEqualTo("REVOKED");

        String page = coordinator.get("/anmodninger/" + requestId).body();
        assertThat(page).contains("Send nye spørgsmål").contains("followUpQuestions[0]");
        assertThat(round(page, 1)).as("in plain words, no rounds").contains("Spørgsmål sendt ").contains("trukket tilbage")
                .doesNotContain("Runde");
        HttpResponse<String> second = coordinator.postForm("/anmodninger/" + requestId, "/anmodninger/" + requestId + "/leverandoer/invitation",
                "contactName=Sara+Jensen&contactEmail=sara%40eksempel.dk&language=DA&followUpQuestions%5B0%5D=&followUpQuestions%5B1%5D="
                        + WebSession.encode("Hvilken version af ISAE 3402-erklæringen?"));
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select follow_ups::text from vendor_invitation where request_id = ?::uuid and round = 2").param(requestId)
                .query(String.class).single()).isEqualTo("[\"Hvilken version af ISAE 3402-erklæringen?\"]");
        assertThat(round(session("anna").get("/anmodninger/" + requestId).body(), 2)).as("the requester reads it plainly too")
                .contains("Opfølgende spørgsmål sendt ").contains("venter på svar").doesNotContain("Runde");

        UUID secondId = jdbc.sql("select id from vendor_invitation where request_id = ?::uuid and round = 2").param(requestId)
                .query(UUID.class).single();
        answers.save(secondId, Map.of("followUp1", "Version 2025, type 2"));
        answers.submit(secondId);
        assertThat(session("anna").get("/anmodninger/" + requestId).body()).as("a follow-up's answer looks as the first round's do")
                .contains("class=\"break pre-line vendor-value\">Version 2025, type 2</p>");
    }

    /** One round's card of the panel up to its facts, as text without tags. */
    private static String round(String page, int round) {
        String card = page.substring(page.indexOf("id=\"vendor-round-" + round + "\""));
        return card.substring(0, card.indexOf("</ul>")).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void aRoundPastItsExpiryIsShownExpiredBeforeTheJobMarksIt() {
        String requestId = acceptedRequestWithContact("Udløbet før jobbet");
        UUID invitationId = invite(requestId);
        jdbc.sql("update vendor_invitation set expires_at = now() - interval '10 minutes' where id = ?").param(invitationId).update();

        String card = round(session("anna").get("/anmodninger/" + requestId).body(), 1);

        assertThat(state(invitationId)).as("the job has not run").isEqualTo("OPEN");
        assertThat(card).contains(" udløbet ").contains("Linket udløb ").doesNotContain("venter på svar").doesNotContain("Linket gælder til");
        assertThat(session(SECURITY).get("/anmodninger/" + requestId).body()).as("new questions can be sent at once")
                .contains("/leverandoer/invitation");
    }

    @Test
    void aBadInvitationComesBackWithItsProblemsAndNothingIsSent() {
        String requestId = acceptedRequestWithContact("Ugyldig invitation");
        WebSession expert = session(SECURITY);
        for (String fields : List.of("contactName=Sara&contactEmail=ikke-en-adresse&language=EN",
                "contactName=Sara&contactEmail=sara%40eksempel&language=EN",
                "contactName=" + WebSession.encode("Sara\u0007Jensen") + "&contactEmail=sara%40eksempel.dk&language=EN",
                "contactName=" + "x".repeat(201) + "&contactEmail=sara%40eksempel.dk&language=EN",
                "contactName=Sara&contactEmail=sara%40eksempel.dk&language=KLINGON",
                "contactName=Sara&contactEmail=sara%40eksempel.dk&language=DA&followUpQuestions%5B0%5D=Allerede+i+runde+1")) {
            HttpResponse<String> refused = expert.postForm("/anmodninger/" + requestId,
                    "/anmodninger/" + requestId + "/leverandoer/invitation", fields);
            assertThat(refused.statusCode()).as(fields).isEqualTo(400);
            if (!fields.contains("%07")) {
                // a control character is refused at the input boundary, before any form, with its own page
                assertThat(refused.body()).as(fields).contains("class=\"error-summary\"").contains("id=\"vendor-invite\"");
            }
        }
        assertThat(invitations(requestId)).isZero();
    }

    @Test
    void theRequesterNamesTheContactOnTheRequestPageAndABadOneIsRefusedAtItsField() {
        String requestId = api.submit("anna", "Kontaktperson på siden").get("id").asText();
        WebSession anna = session("anna");
        assertThat(anna.get("/anmodninger/" + requestId).body()).contains("id=\"vendor-contact\"");

        HttpResponse<String> bad = anna.postForm("/anmodninger/" + requestId, "/anmodninger/" + requestId + "/leverandoer/kontakt",
                "name=Sara+Jensen&email=sara%40eksempel");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"field-email-error\"");
        assertThat(contact(requestId)).isNull();

        HttpResponse<String> good = anna.postForm("/anmodninger/" + requestId, "/anmodninger/" + requestId + "/leverandoer/kontakt",
                "name=Sara+Jensen&email=sara%40eksempel.dk");
        assertThat(good.statusCode()).isEqualTo(302);
        assertThat(contact(requestId)).isEqualTo("sara@eksempel.dk");
    }

    @Test
    void othersAreRefusedOnEveryStaffActionAndNothingChanges() {
        String requestId = acceptedRequestWithContact("Angreb på leverandørpanelet");
        UUID invitationId = invite(requestId);
        String base = "/anmodninger/" + requestId + "/leverandoer";
        String invite = "contactName=Mallory&contactEmail=mallory%40angriber.dk&language=EN";
        long history = history(requestId);

        // another requester does not learn that the request exists
        WebSession bent = session("bent");
        assertThat(bent.postForm("/anmodninger", base + "/invitation", invite).statusCode()).isEqualTo(404);
        assertThat(bent.postForm("/anmodninger", base + "/kontakt", "name=Mallory&email=mallory%40angriber.dk").statusCode()).isEqualTo(404);
        assertThat(bent.get(base + "/" + invitationId + "/tilbagekald").statusCode()).isEqualTo(404);
        assertThat(bent.postForm("/anmodninger", base + "/" + invitationId + "/tilbagekald", "").statusCode()).isEqualTo(404);
        // readers who may not act: the requester (invite, revoke), an administrator (everything), an expert (the contact)
        for (String user : List.of("anna", "admin")) {
            WebSession session = session(user);
            assertThat(session.postForm("/anmodninger/" + requestId, base + "/invitation", invite).statusCode()).as(user).isEqualTo(403);
            assertThat(session.get(base + "/" + invitationId + "/tilbagekald").statusCode()).as(user).isEqualTo(403);
            assertThat(session.postForm("/anmodninger/" + requestId, base + "/" + invitationId + "/tilbagekald", "").statusCode())
                    .as(user).isEqualTo(403);
        }
        assertThat(session("admin").postForm("/anmodninger/" + requestId, base + "/kontakt", "name=Mallory&email=mallory%40angriber.dk")
                .statusCode()).isEqualTo(403);
        assertThat(session(SECURITY).postForm("/anmodninger/" + requestId, base + "/kontakt", "name=Mallory&email=mallory%40angriber.dk")
                .statusCode()).isEqualTo(403);
        // another request's invitation through this request's address
        String otherId = acceptedRequestWithContact("En anden anmodning");
        assertThat(session(SECURITY).get("/anmodninger/" + otherId + "/leverandoer/" + invitationId + "/tilbagekald").statusCode())
                .isEqualTo(404);
        // no form without its CSRF token
        assertThat(session(SECURITY).send("POST", base + "/" + invitationId + "/tilbagekald", "application/x-www-form-urlencoded",
                new byte[0]).statusCode()).isEqualTo(403);

        assertThat(state(invitationId)).isEqualTo("OPEN");
        assertThat(invitations(requestId)).isEqualTo(1);
        assertThat(contact(requestId)).isEqualTo("sara@eksempel.dk");
        assertThat(history(requestId)).isEqualTo(history);
    }

    @Test
    void aVendorSessionReachesNoneOfTheStaffsPagesAndActionsAndChangesNothing() throws Exception {
        String requestId = acceptedRequestWithContact("Leverandørsession mod personalets sider");
        VendorSessions sessions = new VendorSessions(invitations, links, jdbc, port);
        VendorInvitation invitation = sessions.invite(requestId, VendorLanguage.EN);
        WebSession vendor = sessions.open(sessions.token(invitation));
        Map<String, Object> before = sessions.state(requestId);
        String base = "/anmodninger/" + requestId + "/leverandoer";
        String taskId = api.awaitTask(SECURITY, requestId, "SCREENING").get("id").asText();

        for (String page : List.of("/anmodninger/" + requestId, "/opgaver/" + taskId, base + "/" + invitation.id() + "/tilbagekald")) {
            assertThat(vendor.get(page).statusCode()).as(page).isIn(401, 403, 404);
        }
        String questionnaire = VendorSessions.QUESTIONNAIRE;
        assertThat(vendor.postForm(questionnaire, base + "/invitation", "contactName=Vera&contactEmail=vera%40vendor.example&language=EN")
                .statusCode()).isIn(401, 403, 404);
        assertThat(vendor.postForm(questionnaire, base + "/kontakt", "name=Vera&email=vera%40vendor.example").statusCode()).isIn(401, 403, 404);
        assertThat(vendor.postForm(questionnaire, base + "/" + invitation.id() + "/tilbagekald", "").statusCode()).isIn(401, 403, 404);
        assertThat(vendor.postForm(questionnaire, "/opgaver/" + taskId + "/kladde", "leverandoersvar=iso27001").statusCode())
                .isIn(401, 403, 404);
        assertThat(vendor.send("PUT", "/api/requests/" + requestId + "/vendor-contact", "application/json",
                new ObjectMapper().writeValueAsBytes(Map.of("name", "Vera", "email", "vera@vendor.example"))).statusCode()).isIn(401, 403, 404);

        assertThat(sessions.state(requestId)).isEqualTo(before);
        assertThat(contact(requestId)).isEqualTo("sara@eksempel.dk");
        assertThat(jdbc.sql("select count(*) from task_draft where task_id = ?").param(taskId).query(Long.class).single()).isZero();
    }

    @Test
    void theVendorsAnswersStandBesideTheChecklistAsTextAndBrugSvaretTakesOneIntoTheDraft() {
        String requestId = acceptedRequestWithContact("Svar ved tjeklisten");
        UUID invitationId = invite(requestId);
        answers.save(invitationId, Map.of("iso27001", "YES", "subProcessors", "<script>alert(1)</script> Azure, Holland"));
        answers.submit(invitationId);
        String taskId = api.awaitTask(SECURITY, requestId, "SCREENING").get("id").asText();
        WebSession expert = session(SECURITY);

        String page = expert.get("/opgaver/" + taskId).body();
        assertThat(page).contains("id=\"vendor-answer-iso27001\"").contains("Leverandørens oplysning (runde 1")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Azure, Holland").doesNotContain("<script>alert(1)");
        assertThat(session("anna").get("/anmodninger/" + requestId).body()).as("readers of the request see them too")
                .contains("Leverandørens svar – Sikkerhed og GDPR").contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        HttpResponse<String> used = expert.postForm("/opgaver/" + taskId, "/opgaver/" + taskId + "/kladde",
                "verdict=&findings=" + WebSession.encode("Mine egne noter.") + "&checklist.dpiaNeeded=NEJ&leverandoersvar=iso27001");

        assertThat(used.statusCode()).isEqualTo(302);
        assertThat(used.headers().firstValue("Location").orElseThrow()).endsWith("/opgaver/" + taskId + "#vendor-answer-iso27001");
        Map<?, ?> draft = draft(taskId);
        assertThat(draft.get("checklist.iso27001")).as("the checklist's answer is the expert's, not taken from the vendor").isNull();
        assertThat(draft.get("checklist.dpiaNeeded")).as("what the expert typed stays").isEqualTo(List.of("NEJ"));
        assertThat(((List<?>) draft.get("findings")).get(0).toString()).startsWith("Mine egne noter.\n\nLeverandøren oplyser (runde 1, ")
                .contains("»Har leverandøren et ISO 27001-certifikat, hvis omfang dækker ydelsen?«: Ja");
        assertThat(draft.containsKey("leverandoersvar")).isFalse();
        String shown = expert.get("/opgaver/" + taskId).body();
        assertThat(shown).contains("Leverandøren oplyser (runde 1, ").contains("id=\"vendor-use-help-iso27001\"")
                .contains("Tjeklistens svar vælger du selv");

        expert.postForm("/opgaver/" + taskId, "/opgaver/" + taskId + "/kladde",
                "findings=" + WebSession.encode(((List<?>) draft(taskId).get("findings")).get(0).toString()) + "&leverandoersvar=iso27001");
        assertThat(((List<?>) draft(taskId).get("findings")).get(0).toString().split("Leverandøren oplyser", -1))
                .as("the note once, however often the button is pressed").hasSize(2);

        expert.postForm("/opgaver/" + taskId, "/opgaver/" + taskId + "/kladde",
                "findings=&checklist.subProcessors=&leverandoersvar=subProcessors");
        assertThat(draft(taskId).get("checklist.subProcessors")).as("nor from a text answer").isEqualTo(List.of(""));
        assertThat(((List<?>) draft(taskId).get("findings")).get(0).toString()).contains("Azure, Holland");
    }

    private String acceptedRequestWithContact(String title) {
        Map<String, Object> form = ApiClient.validRequest(title);
        form.put("personalDataCategories", List.of("ORDINARY"));
        form.put("vendorContactName", "Sara Jensen");
        form.put("vendorContactEmail", "sara@eksempel.dk");
        String requestId = api.post("anna", "/api/requests", form).body().get("id").asText();
        lifecycle.accept(requestId);
        return requestId;
    }

    private UUID invite(String requestId) {
        return invitations.invite(UUID.fromString(requestId), new Invite("Sara Jensen", "sara@eksempel.dk", VendorLanguage.EN, List.of()),
                SECURITY).id();
    }

    private WebSession session(String user) {
        WebSession session = new WebSession(port);
        session.login(user);
        return session;
    }

    private String state(UUID invitationId) {
        return jdbc.sql("select state from vendor_invitation where id = ?").param(invitationId).query(String.class).single();
    }

    private long invitations(String requestId) {
        return jdbc.sql("select count(*) from vendor_invitation where request_id = ?::uuid").param(requestId).query(Long.class).single();
    }

    private String contact(String requestId) {
        return jdbc.sql("select vendor_contact_email from purchase_request where id = ?::uuid").param(requestId)
                .query((rs, row) -> rs.getString(1)).list().get(0);
    }

    /** The entries staff actions write (mails are recorded as they go out, later). */
    private long history(String requestId) {
        return jdbc.sql("select count(*) from case_history where request_id = ?::uuid and kind <> 'MAIL_SENT'").param(requestId)
                .query(Long.class).single();
    }

    private Map<?, ?> draft(String taskId) {
        try {
            return new ObjectMapper().readValue(jdbc.sql("select form::text from task_draft where task_id = ?").param(taskId)
                    .query(String.class).single(), Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
