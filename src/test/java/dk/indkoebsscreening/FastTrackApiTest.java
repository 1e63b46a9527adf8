package dk.indkoebsscreening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.deadline.DeadlineCalculator;
import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Mails;
import dk.indkoebsscreening.testsupport.WebSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fast track through the application: a 9,600 kr. a year screen recorder without personal data or integrations
 * skips triage, gets two working days, and is decided by the rule once its three areas approve without conditions;
 * the coordinators are told twice, the requester gets the decision.
 */
class FastTrackApiTest extends ApiTestBase {

    private static final String COORDINATOR_MAIL = "koordinator@demo.kommune.dk";
    private static final String RULE = "Rule_FastTrackHandling_Automatic";

    @Autowired
    EmbeddedSmtpServer smtp;

    @Autowired
    DeadlineCalculator calculator;

    @Test
    void aScreenRecorderWithoutPersonalDataIsDecidedByTheRuleWithinTwoWorkingDays() throws Exception {
        Map<String, Object> form = ApiClient.validRequest("Skærmoptager til undervisning");
        form.put("systemName", "ScreenRec");
        form.put("oneOffCostDkk", 0);
        form.put("annualCostDkk", 9600);
        form.put("contractYears", 1);
        form.put("personalDataCategories", List.of("NONE"));
        form.remove("integrations");
        ApiClient.Response submitted = api.post("anna", "/api/requests", form);
        assertThat(submitted.status()).isEqualTo(201);
        String requestId = submitted.body().get("id").asText();
        String reference = submitted.body().get("reference").asText();

        JsonNode details = api.details("anna", requestId);
        Instant deadline = Instant.parse(details.get("deadline").asText());
        assertThat(deadline).isEqualTo(calculator.forSubmissionAt(Instant.parse(details.get("submittedAt").asText()), 2).dueAt());
        assertThat(details.get("status").asText()).isEqualTo("IN_SCREENING");
        assertThat(api.tasks("koordinator")).noneMatch(task -> task.get("requestId").asText().equals(requestId));
        Mails mails = new Mails(smtp);
        assertThat(mails.awaitOne(reference, "FAST_TRACK", COORDINATOR_MAIL).text()).contains("uden triage");

        for (Area area : List.of(Area.USER_MANAGEMENT, Area.SUPPORT, Area.CONTRACT)) {
            lifecycle.screen(requestId, area, lifecycle.approval(area));
        }

        Eventually.until("decided by the rule", () -> api.details("anna", requestId).get("status").asText().equals("APPROVED"));
        JsonNode decision = api.details("anna", requestId).get("decision");
        assertThat(decision.get("decidedBy").asText()).isEqualTo("RULES");
        assertThat(decision.get("rule").asText()).isEqualTo(RULE);
        assertThat(Instant.parse(decision.get("decidedAt").asText())).isBefore(deadline);
        assertThat(mails.awaitOne(reference, "DECIDED_BY_RULE", COORDINATOR_MAIL).text()).contains("godkendt automatisk");
        assertThat(mails.awaitOne(reference, "DECISION", "anna@demo.kommune.dk").text()).contains("reglerne for hurtigt spor");
        assertThat(mails.about(reference)).noneMatch(mail -> mail.kind().equals("TRIAGE_NEEDED") || mail.kind().equals("DECISION_NEEDED"));

        String payload = outbox.payloadOf(requestId, "decision.made");
        assertThat(new EventSchemas().problems("dk.indkoebsscreening.decision.made.v1", payload)).isEmpty();
        JsonNode event = new ObjectMapper().readTree(payload);
        assertThat(event.get("decidedBy").asText()).isEqualTo("RULES");
        assertThat(event.get("rule").asText()).isEqualTo(RULE);
        assertThat(event.get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(outbox.typesOf(requestId)).containsSubsequence("request.submitted", "screening.started",
                "screening.completed", "decision.made");

        java.net.http.HttpResponse<byte[]> report = api.download("anna", "/api/requests/" + requestId + "/report.pdf");
        assertThat(report.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(report.body())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("da alle områder godkendte uden betingelser (hurtigt spor, fordi det er et lille køb uden "
                                    + "personoplysninger og integrationer, hostet i EU/EØS eller på egne servere)",
                            "Sendt direkte til eksperterne uden koordinatorens gennemgang", "Godkendt automatisk, da alle områder")
                    .as("the rule's id is for integrators, not for the report").doesNotContain(RULE);
            pdf.save(java.nio.file.Files.createDirectories(Path.of("target", "report")).resolve("fast-track-report.pdf").toFile());
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(pdf.getNumberOfPages());
            assertThat(lastPage.getText(pdf).split("kl\\. ").length - 1).as("the last page is no stub of a line or two: the"
                    + " footer and at least five entries of the history").isGreaterThanOrEqualTo(6);
        }

        List<String> history = StreamSupport.stream(api.details("anna", requestId).get("history").spliterator(), false)
                .map(item -> item.path("entry").path("kind").asText(item.path("kind").asText())).toList();
        assertThat(history).contains("TRIAGE_SKIPPED", "DECIDED_BY_RULE").doesNotContain("TRIAGE_ACCEPTED", "DECIDED");

        // The requester's page names no engine word and no empty name for what the rules did.
        WebSession requester = new WebSession(port);
        requester.login("anna");
        String page = requester.get("/anmodninger/" + requestId).body();
        assertThat(page).contains("Købet blev godkendt automatisk den ", "Ikke relevant (omfanget efter reglerne for hurtigt spor)")
                .doesNotContain("RULES", "bekræftet af )");
        try (PDDocument pageReport = Loader.loadPDF(api.download("anna", "/anmodninger/" + requestId + "/rapport.pdf").body())) {
            assertThat(new PDFTextStripper().getText(pageReport).replaceAll("\\s+", " ")).as("the report's summary and decision")
                    .contains("Godkendt automatisk ").doesNotContain("af RULES", RULE);
        }
    }

    /** Stepping in: only a coordinator, only while the rules would decide; others change nothing. */
    @Test
    void aCoordinatorStepsInAndDecidesTheFastTrackThemselves() {
        String requestId = submitScreenRecorder("Skærmoptager, koordinatoren træder ind");
        String stepIn = "/api/requests/" + requestId + "/fast-track/step-in";
        long history = historyRows(requestId);

        assertThat(api.post("anna", stepIn, Map.of()).status()).as("the requester").isEqualTo(403);
        assertThat(api.post(Lifecycle.expertFor(Area.SUPPORT), stepIn, Map.of()).status()).as("an expert").isEqualTo(403);
        assertThat(api.post("bent", stepIn, Map.of()).status()).as("another requester").isEqualTo(404);
        assertThat(historyRows(requestId)).as("nothing recorded").isEqualTo(history);

        assertThat(api.post(Lifecycle.COORDINATOR, stepIn, Map.of()).status()).isEqualTo(204);
        assertThat(api.post(Lifecycle.COORDINATOR, stepIn, Map.of()).status()).as("once").isEqualTo(409);
        for (Area area : List.of(Area.USER_MANAGEMENT, Area.SUPPORT, Area.CONTRACT)) {
            lifecycle.screen(requestId, area, lifecycle.approval(area));
        }
        lifecycle.decide(requestId, "APPROVED", null);

        JsonNode decision = api.details("anna", requestId).get("decision");
        assertThat(decision.get("decidedBy").asText()).isEqualTo(Lifecycle.COORDINATOR);
        assertThat(decision.get("rule").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from case_history where request_id = ? and kind = 'FAST_TRACK_STEPPED_IN' and actor = ?")
                .params(java.util.UUID.fromString(requestId), Lifecycle.COORDINATOR).query(Long.class).single()).isEqualTo(1);
        String normal = api.submit("anna", "Almindelig, intet at træde ind i").get("id").asText();
        assertThat(api.post(Lifecycle.COORDINATOR, "/api/requests/" + normal + "/fast-track/step-in", Map.of()).status())
                .isEqualTo(409);
    }

    /** The same step-in from the request's page: a button for the coordinators only, refused to everyone else. */
    @Test
    void aCoordinatorStepsInFromTheRequestsPage() {
        String requestId = submitScreenRecorder("Skærmoptager, koordinatoren træder ind fra siden");
        String page = "/anmodninger/" + requestId;
        String action = page + "/hurtigt-spor/traed-ind";
        long history = historyRows(requestId);

        WebSession requester = new WebSession(port);
        requester.login("anna");
        assertThat(requester.get(page).body()).as("the requester sees no button").doesNotContain("step-in-button");
        assertThat(requester.postForm(page, action, "").statusCode()).as("the requester").isEqualTo(403);
        WebSession expert = new WebSession(port);
        expert.login(Lifecycle.expertFor(Area.SUPPORT));
        assertThat(expert.get(page).body()).as("the expert sees no button").doesNotContain("step-in-button");
        assertThat(expert.postForm(page, action, "").statusCode()).as("an expert").isEqualTo(403);
        WebSession other = new WebSession(port);
        other.login("bent");
        assertThat(other.postForm("/indstillinger", action, "").statusCode()).as("another requester").isEqualTo(404);
        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        assertThat(coordinator.send("POST", action, "application/x-www-form-urlencoded", new byte[0]).statusCode())
                .as("without the CSRF token").isEqualTo(403);
        assertThat(historyRows(requestId)).as("nothing recorded").isEqualTo(history);

        assertThat(coordinator.get(page).body()).contains("step-in-button", "Træd ind og afgør selv");
        java.net.http.HttpResponse<String> steppedIn = coordinator.postForm(page, action, "");
        assertThat(steppedIn.statusCode()).isEqualTo(302);
        assertThat(steppedIn.headers().firstValue("Location").orElseThrow()).endsWith(page);
        assertThat(coordinator.get(page).body()).contains("Koordinatorerne træffer afgørelsen om ").doesNotContain("step-in-button");
        assertThat(jdbc.sql("select count(*) from case_history where request_id = ? and kind = 'FAST_TRACK_STEPPED_IN' and actor = ?")
                .params(java.util.UUID.fromString(requestId), Lifecycle.COORDINATOR).query(Long.class).single()).isEqualTo(1);
        assertThat(coordinator.postForm("/indstillinger", action, "").statusCode()).as("once").isEqualTo(409);
    }

    private String submitScreenRecorder(String title) {
        Map<String, Object> form = ApiClient.validRequest(title);
        form.put("systemName", "ScreenRec");
        form.put("oneOffCostDkk", 0);
        form.put("annualCostDkk", 9600);
        form.put("contractYears", 1);
        form.put("personalDataCategories", List.of("NONE"));
        form.remove("integrations");
        ApiClient.Response submitted = api.post("anna", "/api/requests", form);
        assertThat(submitted.status()).isEqualTo(201);
        return submitted.body().get("id").asText();
    }

    private long historyRows(String requestId) {
        // The mail relay records sent mails on its own time: not a step of anyone's.
        return jdbc.sql("select count(*) from case_history where request_id = ? and kind <> 'MAIL_SENT'")
                .param(java.util.UUID.fromString(requestId))
                .query(Long.class).single();
    }

    @Test
    void aCoordinatorsDecisionSaysSoInTheEvent() throws Exception {
        String requestId = lifecycle.runToApproval("anna", "Almindelig anmodning");

        JsonNode event = new ObjectMapper().readTree(outbox.payloadOf(requestId, "decision.made"));
        assertThat(event.get("decidedBy").asText()).isEqualTo("COORDINATOR");
        assertThat(event.get("rule").isNull()).isTrue();
        assertThat(outbox.typesOf(requestId)).doesNotContain("deadline.changed");
    }
}
