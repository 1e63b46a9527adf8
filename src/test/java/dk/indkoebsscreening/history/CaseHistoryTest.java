package dk.indkoebsscreening.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Files.Multipart;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Timers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The history of a whole lifecycle: every step, in order, with the right person, on the API and the page. */
class CaseHistoryTest extends ApiTestBase {

    @Autowired
    ProcessEngine engine;

    @Test
    void aWholeLifecycleIsTheHistoryOfWhoDidWhatWhen() {
        JsonNode submitted = api.submit("anna", "Historik fra start til slut");
        String requestId = submitted.get("id").asText();
        Multipart offer = Files.file("tilbud.pdf", "application/pdf", Files.pdf("tilbud"));
        assertThat(api.upload("anna", "/api/requests/" + requestId + "/attachments", offer.contentType(), offer.body()).status())
                .isEqualTo(201);
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, triage, Map.of("outcome", "NEED_MORE_INFORMATION", "comment", "Hvor mange brugere?"));
        String question = api.awaitTask("anna", requestId, "MORE_INFORMATION").get("id").asText();
        api.completeOk("anna", question, Map.of("answer", "Omkring 40."));
        String secondTriage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, secondTriage, Map.of("outcome", "ACCEPT"));

        String security = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();
        assertThat(api.post("sikkerhed", "/api/tasks/" + security + "/claim", Map.of()).status()).isEqualTo(204);
        assertThat(api.post("sikkerhed", "/api/tasks/" + security + "/unclaim", Map.of()).status()).isEqualTo(204);
        for (Area area : List.of(Area.SECURITY, Area.USER_MANAGEMENT, Area.SUPPORT, Area.INSTALLATION, Area.IMPLEMENTATION)) {
            lifecycle.screen(requestId, area, lifecycle.approval(area));
        }
        new Timers(engine).fire(requestId, Timers.REMINDER);
        new Timers(engine).fire(requestId, Timers.DEADLINE);
        String escalation = api.awaitTask(Lifecycle.COORDINATOR, requestId, "ESCALATION").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, escalation, Map.of("comment", "Kontrakten rykket"));
        lifecycle.screen(requestId, Area.CONTRACT, lifecycle.approval(Area.CONTRACT));
        lifecycle.decide(requestId, "APPROVED", null);
        Eventually.until("the decision's mail sent", () -> api.details("anna", requestId).get("history").findValuesAsText("value")
                .contains("DECISION"));

        List<Object[]> steps = new ArrayList<>();
        for (JsonNode entry : api.details("anna", requestId).get("history")) {
            if (!entry.get("kind").asText().equals("MAIL_SENT")) {
                steps.add(new Object[] {entry.get("kind").asText(), entry.get("actor").asText(null), entry.get("area").asText(null)});
            }
        }
        assertThat(steps).extracting(step -> tuple(step[0], step[1], step[2])).containsExactly(
                tuple("SUBMITTED", "anna", null),
                tuple("ATTACHMENT_ADDED", "anna", null),
                tuple("QUESTION_ASKED", Lifecycle.COORDINATOR, null),
                tuple("QUESTION_ANSWERED", "anna", null),
                // answered the same day: the wait is shown, the deadline does not move
                tuple("REQUESTER_WAITED", null, null),
                tuple("TRIAGE_ACCEPTED", Lifecycle.COORDINATOR, null),
                tuple("SCREENING_STARTED", null, null),
                tuple("TASK_CLAIMED", "sikkerhed", "SECURITY"),
                tuple("TASK_RELEASED", "sikkerhed", "SECURITY"),
                tuple("AREA_SCREENED", "sikkerhed", "SECURITY"),
                tuple("AREA_SCREENED", "brugerstyring", "USER_MANAGEMENT"),
                tuple("AREA_SCREENED", "support", "SUPPORT"),
                tuple("AREA_SCREENED", "installation", "INSTALLATION"),
                tuple("AREA_SCREENED", "implementering", "IMPLEMENTATION"),
                tuple("REMINDER_SENT", null, "CONTRACT"),
                tuple("DEADLINE_MISSED", null, "CONTRACT"),
                tuple("ESCALATION_HANDLED", Lifecycle.COORDINATOR, null),
                tuple("AREA_SCREENED", "kontrakt", "CONTRACT"),
                tuple("RECOMMENDED", null, null),
                tuple("DECIDED", Lifecycle.COORDINATOR, null));
        JsonNode history = api.details("anna", requestId).get("history");
        assertThat(history.get(0).get("actorName").asText()).isEqualTo("Anna Andersen");
        assertThat(history.findValuesAsText("text")).contains("Hvor mange brugere?", "Omkring 40.", "Kontrakten rykket", "tilbud.pdf",
                "anna@demo.kommune.dk");

        String page = api.raw("anna", "GET", "/anmodninger/" + requestId, null, null).body();
        assertThat(page).contains("Historik", "Sendt af Anna Andersen (anna)", "Spørgsmål til anmoderen fra Karen Koordinator (koordinator)",
                "Sikkerhed og GDPR: Screenet af Sara Sikkerhed (sikkerhed): Godkendt", "Kontrakt: Påmindelse om fristen sendt",
                "Afgjort af Karen Koordinator (koordinator): Godkendt", "Mail sendt: Afgørelse");
    }
}
