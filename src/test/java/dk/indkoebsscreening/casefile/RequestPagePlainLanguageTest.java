package dk.indkoebsscreening.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.request.RequesterWaits;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.request.WaitPolicy;
import dk.indkoebsscreening.satisfaction.SatisfactionSurveys;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.Groups;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.ui.ExtendedModelMap;

/**
 * The request's page in plain language, in each state: first one sentence (who has it, what comes next and by when,
 * what waits for the requester), then the request's own data, the files and the history; every date says whose it is;
 * no rule, engine or model names; the model itself behind "Se hele processen", on a page of its own.
 */
class RequestPagePlainLanguageTest extends ApiTestBase {

    @Autowired
    CaseFileService caseFiles;
    @Autowired
    Standing standing;
    @Autowired
    Requests requests;
    @Autowired
    RequesterWaits waits;
    @Autowired
    dk.indkoebsscreening.triage.TriageService triageService;

    @Autowired
    dk.indkoebsscreening.vendor.VendorStaffView vendorStaffView;

    @Autowired
    SatisfactionSurveys satisfactionSurveys;

    private static final Pattern SENTENCE = Pattern.compile("id=\"standing-sentence\"[^>]*>([^<]*)<");
    /** What an engineer's page said and a requester's must not: rule and model names, element ids, task names. */
    private static final List<String> ENGINE_WORDS = List.of("ScreeningScope", "Triagér", "Gateway", "Task_", "Event_",
            ".bpmn", ".dmn", "bpmn-canvas", "Screeningsproces");

    private String page(String user, String requestId) {
        WebSession session = new WebSession(port);
        session.login(user);
        var response = session.get("/anmodninger/" + requestId);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String sentence(String page) {
        Matcher matcher = SENTENCE.matcher(page);
        assertThat(matcher.find()).as("the page has its sentence").isTrue();
        return matcher.group(1).strip();
    }

    /** The sentence first, then the request's own data, its files and its history; no engine's words anywhere. */
    private static void assertPlain(String page) {
        String main = page.substring(page.indexOf("<main"), page.indexOf("</main>"));
        assertThat(main.indexOf("id=\"standing-sentence\"")).as("the sentence first").isPositive()
                .isLessThan(main.indexOf("id=\"facts-title\""));
        assertThat(main.indexOf("id=\"facts-title\"")).as("the request's data before its files").isLessThan(main.indexOf("id=\"files-title\""));
        assertThat(main.indexOf("id=\"files-title\"")).as("the files before the history").isLessThan(main.indexOf("id=\"history-title\""));
        assertThat(main).doesNotContain(ENGINE_WORDS.toArray(String[]::new))
                .contains("Se hele processen", "Indsendt", "Ønsket starttidspunkt").doesNotContain(">Frist<")
                .as("the steps in words").contains("Koordinatoren ser på den", "Eksperterne vurderer den")
                .doesNotContain(">Triage<", ">Screening<");
    }

    @Test
    void eachStateStartsWithTheSentenceTheRequesterNeeds() {
        String requestId = api.submit("anna", "Sætning for sætning").get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        String submitted = page("anna", requestId);
        assertPlain(submitted);
        assertThat(sentence(submitted)).startsWith("Koordinatoren ser på anmodningen nu og sender den derefter til eksperterne")
                .containsPattern("Forventet afgørelse senest \\d{1,2}\\. [a-zæøå]+ \\d{4}");
        assertThat(submitted).contains("Forventet afgørelse senest").doesNotContain("Eksperternes frist");
        String expertsView = page("sikkerhed", requestId);
        assertPlain(expertsView);
        assertThat(expertsView).as("the expert group reads whose deadline it is").contains("Eksperternes frist");

        api.completeOk(Lifecycle.COORDINATOR, triage, Map.of("outcome", "NEED_MORE_INFORMATION", "comment", "Hvor mange brugere?"));
        String waiting = page("anna", requestId);
        assertPlain(waiting);
        assertThat(sentence(waiting)).startsWith("Anmodningen venter på dig: koordinatoren har et spørgsmål");
        assertThat(waiting.indexOf("id=\"question-title\"")).as("the question right after the sentence")
                .isGreaterThan(waiting.indexOf("id=\"standing-sentence\"")).isLessThan(waiting.indexOf("id=\"facts-title\""));
        assertThat(waiting).as("the date the question mail named").containsPattern("id=\"answer-by\">Svar venligst senest \\d{1,2}\\. [a-zæøå]+ \\d{4}\\.<");
        assertThat(sentence(page(Lifecycle.COORDINATOR, requestId))).startsWith("Anmodningen venter på, at anmoderen svarer");
        assertThat(waiting).as("the expected date moves when the requester answers")
                .contains("id=\"deadline-moves\">Datoen flyttes, mens anmodningen venter på dit svar.<");
        assertThat(page(Lifecycle.COORDINATOR, requestId)).contains("id=\"deadline-moves\">Datoen flyttes, mens anmodningen venter på anmoderens svar.<");
        ExtendedModelMap notPausing = new ExtendedModelMap();
        new CaseFileView(caseFiles, standing, requests, waits, new WaitPolicy(false), triageService, vendorStaffView, satisfactionSurveys)
                .details(UUID.fromString(requestId), new CurrentUser("anna", Set.of(Groups.STAFF)), null, null, notPausing);
        assertThat(notPausing.get("deadlineMoves")).as("a week that does not pause keeps its date").isEqualTo(false);

        api.completeOk("anna", api.awaitTask("anna", requestId, "MORE_INFORMATION").get("id").asText(), Map.of("answer", "Omkring 40."));
        lifecycle.accept(requestId);
        lifecycle.screen(requestId, Area.SECURITY, lifecycle.approval(Area.SECURITY));
        String screening = page("anna", requestId);
        assertPlain(screening);
        assertThat(screening).as("answered: the date stays").doesNotContain("deadline-moves");
        assertThat(sentence(screening)).startsWith("Eksperterne vurderer købet nu (1 af 6 områder er færdige), og derefter træffer "
                + "koordinatoren afgørelsen. Forventet afgørelse senest ").doesNotContain("spørgsmål");

        // An expert's question from a screening (as "Spørg anmoder" records it): it waits for the requester, who is told so.
        UUID question = UUID.randomUUID();
        jdbc.sql("insert into clarification (id, request_id, area, question, asked_by, asked_at) values (?, ?, 'CONTRACT', ?, 'kontrakt', now())")
                .params(question, UUID.fromString(requestId), "Er der en exit-klausul?").update();
        assertThat(sentence(page("anna", requestId))).endsWith("Et spørgsmål fra eksperterne venter på dit svar.");
        assertThat(sentence(page("sikkerhed", requestId))).endsWith("Et spørgsmål fra eksperterne venter på svar fra anmoderen.");
        jdbc.sql("update clarification set answer = 'Ja.', answered_by = 'anna', answered_at = now() where id = ?").param(question).update();
        assertThat(sentence(page("anna", requestId))).as("answered").doesNotContain("spørgsmål");

        for (Area area : List.of(Area.USER_MANAGEMENT, Area.SUPPORT, Area.CONTRACT, Area.INSTALLATION)) {
            lifecycle.screen(requestId, area, lifecycle.approval(area));
        }
        lifecycle.screen(requestId, Area.IMPLEMENTATION, dk.indkoebsscreening.testsupport.ApiClient.screening("APPROVED_WITH_CONDITIONS",
                List.of("Superbrugere uddannes før start"), lifecycle.validChecklist(Area.IMPLEMENTATION)));
        api.awaitTask(Lifecycle.COORDINATOR, requestId, "DECISION");
        String awaitingDecision = page("anna", requestId);
        assertPlain(awaitingDecision);
        assertThat(sentence(awaitingDecision)).startsWith("Eksperterne er færdige, og koordinatoren træffer nu afgørelsen. "
                + "Forventet afgørelse senest ");

        lifecycle.decide(requestId, "APPROVED_WITH_CONDITIONS", null);
        String decided = page("anna", requestId);
        assertPlain(decided);
        assertThat(sentence(decided)).startsWith("Købet er godkendt på betingelser af Karen Koordinator den ")
                .contains("Én betingelse venter på dig, senest ", "se »Hvad sker der nu?«");
        assertThat(decided).as("no screening deadline once decided").doesNotContain("Forventet afgørelse senest", "Eksperternes frist")
                .contains("Afgjort");
        assertThat(sentence(page(Lifecycle.COORDINATOR, requestId))).startsWith("Købet er godkendt på betingelser af Karen Koordinator")
                .endsWith("én betingelse er endnu ikke opfyldt.");
    }

    @Test
    void aRejectionAndAWithdrawalSayItInTheirFirstSentence() {
        String rejected = lifecycle.submitAndAccept("anna", "Afvist i klart sprog");
        lifecycle.approveAll(rejected);
        lifecycle.decide(rejected, "REJECTED", "Dækkes af et eksisterende system.");
        assertThat(sentence(page("anna", rejected))).startsWith("Købet er afvist af Karen Koordinator den ")
                .endsWith("står hvorfor, og hvad der skulle til.");

        String withdrawn = api.submit("anna", "Trukket tilbage i klart sprog").get("id").asText();
        assertThat(api.post("anna", "/api/requests/" + withdrawn + "/withdraw", Map.of()).status()).isEqualTo(204);
        assertThat(sentence(page("anna", withdrawn))).isEqualTo("Anmodningen er trukket tilbage. Der sker ikke mere med den.");
    }

    @Test
    void theWholeProcessIsAPageOfItsOwnForWhoeverReadsTheRequest() {
        String requestId = api.submit("anna", "Hele processen").get("id").asText();
        api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE");
        String path = "/anmodninger/" + requestId + "/proces";
        for (String reader : List.of("anna", "sikkerhed", Lifecycle.COORDINATOR)) {
            WebSession session = new WebSession(port);
            session.login(reader);
            var response = session.get(path);
            assertThat(response.statusCode()).as(reader).isEqualTo(200);
            assertThat(response.body()).contains("Hele processen", "id=\"process-picture\"", "Anmodningen står nu her i processen",
                    "href=\"/anmodninger/" + requestId + "\"");
        }
        WebSession bent = new WebSession(port);
        bent.login("bent");
        assertThat(bent.get(path).statusCode()).as("another requester").isEqualTo(404);
        assertThat(bent.get("/anmodninger/" + UUID.randomUUID() + "/proces").statusCode()).as("a guessed id").isEqualTo(404);
    }
}
