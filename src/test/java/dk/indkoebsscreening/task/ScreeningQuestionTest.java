package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.triage.Clarification;
import dk.indkoebsscreening.triage.QuestionThread;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Mails;
import dk.indkoebsscreening.testsupport.Mails.Mail;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Spørg anmoder" from a screening: the security expert reads the requester's answer to the coordinator's question on
 * their own task page, asks their own question (the task stays open), the requester answers it on the request's page,
 * and the answer lands on the expert's task page, in the thread, in the history and in the expert's mail. Those who may
 * not ask or answer are refused and change nothing.
 */
class ScreeningQuestionTest extends ApiTestBase {

    private static final String SECURITY = "sikkerhed";

    @Autowired
    EmbeddedSmtpServer smtp;

    @Autowired
    QuestionThread thread;

    Mails mails;

    @BeforeEach
    void readMails() {
        mails = new Mails(smtp);
    }

    @Test
    void theExpertReadsTheTriageAnswerAsksTheRequesterAndReadsTheAnswerOnTheTaskPage() {
        var submitted = api.submit("anna", "Hjemmeplejens planlægning");
        String requestId = submitted.get("id").asText();
        String reference = submitted.get("reference").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, triage, Map.of("outcome", "NEED_MORE_INFORMATION", "comment", "Hvor ligger data?"));
        Mail triageQuestion = mails.awaitOne(reference, "QUESTION", "anna@demo.kommune.dk");
        assertThat(triageQuestion.text()).containsPattern("Anmodningen venter, til du har svaret\\. Svar senest \\d+\\. \\S+ \\d{4} på siden");
        api.completeOk("anna", api.awaitTask("anna", requestId, "MORE_INFORMATION").get("id").asText(),
                Map.of("answer", "Data ligger i Azure East US."));
        lifecycle.accept(requestId);
        String task = api.awaitTask(SECURITY, requestId, "SCREENING").get("id").asText();

        WebSession expert = new WebSession(port);
        expert.login(SECURITY);
        assertThat(expert.get("/opgaver/" + task).body()).contains("Spørgsmål til anmoderen og svar",
                "Spurgt af Karen Koordinator (koordinator)", "Hvor ligger data?", "Data ligger i Azure East US.", "Spørg anmoder");

        HttpResponse<String> blank = expert.postForm("/opgaver/" + task, "/opgaver/" + task + "/spoerg", "question=+++");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Skriv dit spørgsmål til anmoderen.");
        HttpResponse<String> tooLong = expert.postForm("/opgaver/" + task, "/opgaver/" + task + "/spoerg",
                "question=" + "x".repeat(2001));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Teksten er for lang (højst 2000 tegn).");
        assertThat(questions(requestId)).isEqualTo(1);

        HttpResponse<String> asked = expert.postForm("/opgaver/" + task, "/opgaver/" + task + "/spoerg",
                "question=" + WebSession.encode("Hvilket land står backuppen i?\n<b>Svar gerne kort</b>"));
        assertThat(asked.statusCode()).as(asked.body()).isBetween(300, 399);
        assertThat(questions(requestId)).isEqualTo(2);
        assertThat(api.awaitTask(SECURITY, requestId, "SCREENING").get("id").asText()).as("the task stays open").isEqualTo(task);
        assertThat(status(requestId)).isEqualTo("IN_SCREENING");
        assertThat(openWaits(requestId)).as("the request waits for its requester").isEqualTo(1);

        Mail question = mails.awaitAbout(reference, "the expert's question", found -> found.stream().filter(mail ->
                mail.kind().equals("QUESTION")).count() == 2).stream().filter(mail -> mail.kind().equals("QUESTION"))
                .reduce((first, last) -> last).orElseThrow();
        assertThat(question.to()).isEqualTo("anna@demo.kommune.dk");
        assertThat(question.text()).contains("(Sikkerhed og GDPR) har et spørgsmål til din anmodning:", "Hvilket land står backuppen i?",
                "Screeningen fortsætter imens").containsPattern("Svar senest \\d+\\. \\S+ \\d{4} på siden for anmodningen");

        WebSession anna = new WebSession(port);
        anna.login("anna");
        String page = anna.get("/anmodninger/" + requestId).body();
        assertThat(page).contains("Spørgsmål fra eksperterne", "Hvilket land står backuppen i?", "&lt;b&gt;Svar gerne kort&lt;/b&gt;",
                "Svar venligst senest").doesNotContain("<b>Svar gerne kort</b>");
        UUID questionId = openAreaQuestion(requestId);
        String answerAction = "/anmodninger/" + requestId + "/spoergsmaal/" + questionId + "/svar";

        HttpResponse<String> empty = anna.postForm("/anmodninger/" + requestId, answerAction, "answer=");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Skriv dit svar.");
        HttpResponse<String> answered = anna.postForm("/anmodninger/" + requestId, answerAction,
                "answer=" + WebSession.encode("I Frankfurt."));
        assertThat(answered.statusCode()).as(answered.body()).isBetween(300, 399);
        assertThat(anna.postForm("/anmodninger/" + requestId, answerAction, "answer=Igen").statusCode()).isEqualTo(409);
        assertThat(openWaits(requestId)).isZero();

        assertThat(expert.get("/opgaver/" + task).body()).contains("Hvilket land står backuppen i?", "I Frankfurt.",
                "Spurgt af Sara Sikkerhed (Sikkerhed og GDPR)", "Svaret af Anna Andersen");
        assertThat(jdbc.sql("select kind || ':' || coalesce(area, '-') || ':' || coalesce(text, '') from case_history where request_id = ? and kind like 'QUESTION%' order by at, id")
                .param(UUID.fromString(requestId)).query(String.class).list()).containsExactly(
                "QUESTION_ASKED:-:Hvor ligger data?", "QUESTION_ANSWERED:-:Data ligger i Azure East US.",
                "QUESTION_ASKED:SECURITY:Hvilket land står backuppen i?\n<b>Svar gerne kort</b>", "QUESTION_ANSWERED:SECURITY:I Frankfurt.");
        Mail answer = mails.awaitOne(reference, "QUESTION_ANSWERED", "sikkerhed@demo.kommune.dk");
        assertThat(answer.text()).contains("Anna Andersen har svaret på dit spørgsmål fra screeningen af Sikkerhed og GDPR",
                "Hvilket land står backuppen i?", "I Frankfurt.", "/opgaver/til/" + requestId + "?type=SCREENING&omraade=SECURITY");
        assertThat(mails.about(reference)).filteredOn(mail -> mail.kind().equals("TRIAGE_AGAIN")).hasSize(1);

        EventSchemas schemas = new EventSchemas();
        String askedEvent = outbox.payloadOf(requestId, "screening.question-asked");
        assertThat(schemas.problems("dk.indkoebsscreening.screening.question-asked.v1", askedEvent)).isEmpty();
        assertThat(askedEvent).contains("\"area\": \"SECURITY\"", "\"questionId\": \"" + questionId + "\"", "\"answerBy\": \"")
                .doesNotContain("backuppen");
        String answeredEvent = outbox.payloadOf(requestId, "screening.question-answered");
        assertThat(schemas.problems("dk.indkoebsscreening.screening.question-answered.v1", answeredEvent)).isEmpty();
        assertThat(answeredEvent).contains("\"questionId\": \"" + questionId + "\"").doesNotContain("Frankfurt");
        assertThat(outbox.typesOf(requestId)).containsOnlyOnce("information.requested", "information.provided");

        lifecycle.screen(requestId, dk.indkoebsscreening.process.Area.SECURITY, lifecycle.approval(dk.indkoebsscreening.process.Area.SECURITY));
    }

    @Test
    void othersCannotAskOnTheExpertsTaskNorAnswerTheRequestersQuestion() {
        String requestId = lifecycle.submitAndAccept("anna", "Spørgsmål angrebet");
        String task = api.awaitTask(SECURITY, requestId, "SCREENING").get("id").asText();
        for (String user : List.of("brugerstyring", Lifecycle.COORDINATOR, "anna", "bent")) {
            WebSession session = new WebSession(port);
            session.login(user);
            assertThat(session.postForm("/indstillinger", "/opgaver/" + task + "/spoerg", "question=Indsneget").statusCode())
                    .as(user).isIn(403, 404);
        }
        assertThat(questions(requestId)).isZero();

        WebSession expert = new WebSession(port);
        expert.login(SECURITY);
        expert.postForm("/opgaver/" + task, "/opgaver/" + task + "/spoerg", "question=Hvem+er+databehandler%3F");
        UUID questionId = openAreaQuestion(requestId);
        long historyBefore = history(requestId);
        for (String user : List.of("bent", SECURITY, Lifecycle.COORDINATOR)) {
            WebSession session = new WebSession(port);
            session.login(user);
            assertThat(session.postForm("/indstillinger", "/anmodninger/" + requestId + "/spoergsmaal/" + questionId + "/svar",
                    "answer=Indsneget").statusCode()).as(user).isIn(403, 404);
        }
        WebSession anna = new WebSession(port);
        anna.login("anna");
        assertThat(anna.postForm("/indstillinger", "/anmodninger/" + requestId + "/spoergsmaal/" + UUID.randomUUID() + "/svar",
                "answer=Forkert+spørgsmål").statusCode()).isEqualTo(404);
        String other = lifecycle.submitAndAccept("bent", "En andens anmodning");
        assertThat(anna.postForm("/indstillinger", "/anmodninger/" + other + "/spoergsmaal/" + questionId + "/svar",
                "answer=Forkert+anmodning").statusCode()).isEqualTo(404);
        assertThat(openAreaQuestion(requestId)).isEqualTo(questionId);
        assertThat(history(requestId)).isEqualTo(historyBefore);

        assertThat(thread.openForRequester(UUID.fromString(requestId))).extracting(Clarification::id).containsExactly(questionId);
        assertThat(api.post("anna", "/api/requests/" + requestId + "/withdraw", Map.of()).status()).isBetween(200, 299);
        assertThat(thread.openForRequester(UUID.fromString(requestId))).as("a withdrawn request waits for nobody").isEmpty();
        assertThat(anna.get("/anmodninger/" + requestId).body()).doesNotContain("/spoergsmaal/" + questionId + "/svar");
        assertThat(anna.postForm("/indstillinger", "/anmodninger/" + requestId + "/spoergsmaal/" + questionId + "/svar",
                "answer=For+sent").statusCode()).isEqualTo(409);
    }

    private long questions(String requestId) {
        return jdbc.sql("select count(*) from clarification where request_id = ?").param(UUID.fromString(requestId))
                .query(Long.class).single();
    }

    private long history(String requestId) {
        return jdbc.sql("select count(*) from case_history where request_id = ? and kind like 'QUESTION%'").param(UUID.fromString(requestId))
                .query(Long.class).single();
    }

    private UUID openAreaQuestion(String requestId) {
        return jdbc.sql("select id from clarification where request_id = ? and area is not null and answered_at is null")
                .param(UUID.fromString(requestId)).query(UUID.class).single();
    }

    private long openWaits(String requestId) {
        return jdbc.sql("select count(*) from requester_wait where request_id = ? and ended_at is null")
                .param(UUID.fromString(requestId)).query(Long.class).single();
    }

    private String status(String requestId) {
        return jdbc.sql("select status from purchase_request where id = ?").param(UUID.fromString(requestId))
                .query(String.class).single();
    }
}
