package dk.indkoebsscreening.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reminder and the missed deadline with the real job executor, the engine clock moved past
 * each timer.
 */
class DeadlineApiTest extends ApiTestBase {

    @Autowired
    ScreeningService screening;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void openAreasAreRemindedThenEscalatedWhileTheirScreeningsStayOpen() {
        String requestId = lifecycle.submitAndAccept("anna", "Sen screening");
        lifecycle.screen(requestId, Area.SECURITY, lifecycle.approval(Area.SECURITY));
        lifecycle.screen(requestId, Area.SUPPORT, lifecycle.approval(Area.SUPPORT));
        Instant deadline = Instant.parse(api.details("anna", requestId).get("deadline").asText());

        ClockUtil.setCurrentTime(Date.from(deadline.minus(Duration.ofHours(23))));
        Eventually.until("reminder sent", () -> outbox.typesOf(requestId).contains("screening.reminder-sent"));
        JsonNode reminded = api.details("anna", requestId);
        assertThat(area(reminded, Area.SECURITY).get("remindedAt").isNull()).isTrue();
        assertThat(area(reminded, Area.CONTRACT).get("remindedAt").isNull()).isFalse();
        assertThat(outbox.payloadOf(requestId, "screening.reminder-sent"))
                .contains("screening-contract").doesNotContain("screening-security");

        ClockUtil.setCurrentTime(Date.from(deadline.plus(Duration.ofMinutes(1))));
        JsonNode escalation = awaitTask(requestId, "ESCALATION");

        JsonNode missed = api.details("anna", requestId);
        assertThat(missed.get("deadlineMissedAt").isNull()).isFalse();
        assertThat(missed.get("escalation").get("openAreas")).hasSize(4);
        assertThat(missed.get("status").asText()).isEqualTo("IN_SCREENING");
        assertThat(api.awaitTask("kontrakt", requestId, "SCREENING")).isNotNull();
        assertThat(outbox.typesOf(requestId)).containsSubsequence("screening.reminder-sent", "deadline.missed");

        api.completeOk(Lifecycle.COORDINATOR, escalation.get("id").asText(),
                Map.of("comment", "Kontrakt og installation rykket; svar lovet i morgen"));
        assertThat(api.details("anna", requestId).get("escalation").get("handledBy").asText())
                .isEqualTo(Lifecycle.COORDINATOR);

        for (Area area : new Area[] {Area.USER_MANAGEMENT, Area.CONTRACT, Area.INSTALLATION, Area.IMPLEMENTATION}) {
            lifecycle.screen(requestId, area, lifecycle.approval(area));
        }
        lifecycle.decide(requestId, "APPROVED", null);
        JsonNode decided = api.details("anna", requestId);
        assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
        assertThat(outbox.payloadOf(requestId, "decision.made")).contains("\"deadlineMissed\": true");
        // Security and support were screened in time; the four screened after the escalation were late.
        assertThat(outbox.payloadsOf(requestId, "area.screened"))
                .satisfiesExactly(
                        inTime -> assertThat(inTime).contains("\"SECURITY\"", "\"withinDeadline\": true"),
                        inTime -> assertThat(inTime).contains("\"SUPPORT\"", "\"withinDeadline\": true"),
                        late -> assertThat(late).contains("\"USER_MANAGEMENT\"", "\"withinDeadline\": false"),
                        late -> assertThat(late).contains("\"CONTRACT\"", "\"withinDeadline\": false"),
                        late -> assertThat(late).contains("\"INSTALLATION\"", "\"withinDeadline\": false"),
                        late -> assertThat(late).contains("\"IMPLEMENTATION\"", "\"withinDeadline\": false"));
    }

    @Test
    void aDecisionWhileTheEscalationIsOpenClosesTheEscalation() {
        String requestId = lifecycle.submitAndAccept("bent", "Eskalering overhales");
        Instant deadline = Instant.parse(api.details("bent", requestId).get("deadline").asText());
        ClockUtil.setCurrentTime(Date.from(deadline.plus(Duration.ofMinutes(1))));
        awaitTask(requestId, "ESCALATION");

        lifecycle.approveAll(requestId);
        lifecycle.decide(requestId, "APPROVED", null);

        assertThat(api.tasks(Lifecycle.COORDINATOR))
                .noneMatch(task -> task.get("requestId").asText().equals(requestId));
        assertThat(outbox.typesOf(requestId)).endsWith("decision.made");
    }

    private JsonNode awaitTask(String requestId, String type) {
        return api.awaitTask(Lifecycle.COORDINATOR, requestId, type);
    }

    private static JsonNode area(JsonNode details, Area area) {
        for (JsonNode candidate : details.get("areas")) {
            if (candidate.get("area").asText().equals(area.name())) {
                return candidate;
            }
        }
        throw new AssertionError("No " + area);
    }

    @Test
    void noDeadlineIsMissedWhenEveryAreaWasScreenedBeforeTheTimerFired() {
        String requestId = lifecycle.submitAndAccept("anna", "Alt screenet i tide");
        lifecycle.approveAll(requestId);

        int openAreas = screening.recordDeadlineMissed(UUID.fromString(requestId));

        assertThat(openAreas).isZero();
        assertThat(outbox.typesOf(requestId)).doesNotContain("deadline.missed");
        assertThat(api.details("anna", requestId).get("deadlineMissedAt").isNull()).isTrue();
        assertThat(api.details("anna", requestId).get("escalation").isNull()).isTrue();
    }
}
