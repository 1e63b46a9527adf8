package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.deadline.Deadline;
import dk.indkoebsscreening.deadline.DeadlineCalculator;
import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.deadline.WorkingDayCalendar;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.process.ScreeningDeadline;
import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.request.RequesterWaits.Wait;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Timers;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Waiting for the requester against the real tables and engine: overlapping waits count once, and the policy (on here,
 * as by default) moves the deadline by the working days waited: the request's, its timers and its tasks'.
 */
class RequesterWaitsTest extends ApiTestBase {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RequesterWaits waits;

    @Autowired
    RequestRepository repository;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DeadlineCalculator calculator;

    @Autowired
    ProcessEngine engine;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    DeadlineProperties deadlineProperties;

    @Autowired
    ScreeningDeadline screeningDeadline;

    @Autowired
    CaseHistory caseHistory;

    @Autowired
    OutboxWriter outboxWriter;

    private TransactionTemplate transaction;
    private UUID id;

    @BeforeEach
    void aRequestWithoutProcess() {
        transaction = new TransactionTemplate(transactionManager);
        id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> repository.insert(new PurchaseRequest(id, repository.nextReference(2026),
                "Venter", "Venter", "Leverandør", "Behov", "Afdeling", "venter", BigDecimal.ZERO, BigDecimal.ZERO,
                1, 1, List.of(PersonalData.NONE), Hosting.ON_PREMISES, null, null, null, null, Transition.SUBMITTED.to(),
                at(2026, 12, 1, 9), at(2026, 12, 8, 16), null, null, null, null, null), null, null));
    }

    @Test
    void overlappingWaitsCountOnceFromTheFirstStartToTheLastEnd() throws Exception {
        // Tuesday 1 December to Friday 4 December: three working days, whichever wait ends in between.
        inTransaction(() -> waits.waitStarted(id, at(2026, 12, 1, 10)));
        inTransaction(() -> waits.waitStarted(id, at(2026, 12, 2, 10)));
        inTransaction(() -> waits.waitEnded(id, at(2026, 12, 3, 10)));
        assertThat(waits.waiting(id)).as("one wait is still open").isTrue();
        inTransaction(() -> waits.waitEnded(id, at(2026, 12, 4, 10)));

        assertThat(waits.waiting(id)).isFalse();
        assertThat(waits.of(id)).containsExactly(new Wait(at(2026, 12, 1, 10), at(2026, 12, 4, 10), 3, true));
        // Tuesday 8 December 16:00 plus three working days.
        assertThat(deadline(id)).isEqualTo(at(2026, 12, 11, 16));
        assertThat(history(id)).containsExactly("DEADLINE_MOVED 3 " + at(2026, 12, 11, 16));
        String payload = outbox.payloadOf(id.toString(), "deadline.changed");
        assertThat(new EventSchemas().problems("dk.indkoebsscreening.deadline.changed.v1", payload)).isEmpty();
        JsonNode event = JSON.readTree(payload);
        assertThat(Instant.parse(event.get("previousDeadline").asText())).isEqualTo(at(2026, 12, 8, 16));
        assertThat(Instant.parse(event.get("deadline").asText())).isEqualTo(at(2026, 12, 11, 16));
        assertThat(Instant.parse(event.get("changedAt").asText())).isEqualTo(at(2026, 12, 4, 10));
        assertThat(event.get("reason").asText()).isEqualTo("REQUESTER_WAITED");
        assertThat(event.get("workingDays").asInt()).isEqualTo(3);
    }

    @Test
    void aWaitAnsweredTheSameDayLastsNoWorkingDayAndOneOverAWeekendOne() {
        inTransaction(() -> waits.waitStarted(id, at(2026, 12, 1, 9)));
        inTransaction(() -> waits.waitEnded(id, at(2026, 12, 1, 15)));
        // Friday 4 December to Monday 7 December.
        inTransaction(() -> waits.waitStarted(id, at(2026, 12, 4, 15)));
        inTransaction(() -> waits.waitEnded(id, at(2026, 12, 7, 8)));

        assertThat(waits.of(id)).extracting(Wait::workingDays).containsExactly(0, 1);
        assertThat(waits.of(id)).extracting(Wait::deadlineMoved).containsExactly(false, true);
        assertThat(history(id)).containsExactly("REQUESTER_WAITED 0 null", "DEADLINE_MOVED 1 " + at(2026, 12, 9, 16));
    }

    /** A screening's question (lane A's path) during the screening: the timers set at its start and the experts' tasks move. */
    @Test
    void aPauseDuringTheScreeningMovesItsTimersAndTheExpertsDueDates() {
        String requestId = lifecycle.submitAndAccept("anna", "Pause under screeningen");
        UUID request = UUID.fromString(requestId);
        api.awaitTask(Lifecycle.expertFor(Area.SECURITY), requestId, "SCREENING");
        Instant before = deadline(request);
        Deadline moved = calculator.movedBy(before, 2);

        // Monday 7 to Wednesday 9 December: two working days.
        inTransaction(() -> waits.waitStarted(request, at(2026, 12, 7, 11)));
        inTransaction(() -> waits.waitEnded(request, at(2026, 12, 9, 11)));

        assertThat(deadline(request)).isEqualTo(moved.dueAt());
        JsonNode details = api.details("anna", requestId);
        assertThat(Instant.parse(details.get("deadline").asText())).isEqualTo(moved.dueAt());
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(requestId)
                .singleResult().getId();
        assertThat(timer(instance, Timers.DEADLINE)).isEqualTo(Date.from(moved.dueAt()));
        assertThat(timer(instance, Timers.REMINDER)).isEqualTo(Date.from(moved.remindAt()));
        assertThat(engine.getRuntimeService().getVariables(instance))
                .containsEntry("deadline", Date.from(moved.dueAt())).containsEntry("reminderAt", Date.from(moved.remindAt()));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).list()).hasSize(Area.values().length)
                .extracting(Task::getDueDate).containsOnly(Date.from(moved.dueAt()));
        assertThat(details.get("history").toString()).contains("DEADLINE_MOVED");
    }

    /** Triage's question answered the same day: the wait is recorded and shown, nothing moves. */
    @Test
    void triagesQuestionAnsweredTheSameDayIsAWaitThatMovesNothing() {
        String requestId = api.submit("bent", "Spørgsmål samme dag").get("id").asText();
        UUID request = UUID.fromString(requestId);
        Instant before = deadline(request);
        String triage = api.awaitTask("koordinator", requestId, "TRIAGE").get("id").asText();
        api.completeOk("koordinator", triage, Map.of("outcome", "NEED_MORE_INFORMATION", "comment", "Hvor mange brugere?"));
        assertThat(waits.waiting(request)).isTrue();
        api.completeOk("bent", api.awaitTask("bent", requestId, "MORE_INFORMATION").get("id").asText(), Map.of("answer", "40."));

        assertThat(waits.waiting(request)).isFalse();
        assertThat(waits.of(request)).singleElement().extracting(Wait::workingDays).isEqualTo(0);
        assertThat(deadline(request)).isEqualTo(before);
        assertThat(history(request)).contains("REQUESTER_WAITED 0 null");
        assertThat(outbox.typesOf(requestId)).doesNotContain("deadline.changed");
    }

    /** Triage's question still open when the requester withdraws: the wait ends with the request, nothing moves. */
    @Test
    void aWaitStillOpenEndsWhenTheRequestIsWithdrawn() {
        String requestId = api.submit("bent", "Trukket tilbage med åbent spørgsmål").get("id").asText();
        UUID request = UUID.fromString(requestId);
        Instant before = deadline(request);
        String triage = api.awaitTask("koordinator", requestId, "TRIAGE").get("id").asText();
        api.completeOk("koordinator", triage, Map.of("outcome", "NEED_MORE_INFORMATION", "comment", "Hvor mange brugere?"));
        assertThat(waits.waiting(request)).isTrue();

        assertThat(api.post("bent", "/api/requests/" + requestId + "/withdraw", Map.of()).status()).isEqualTo(204);
        Eventually.until("withdrawn", () -> api.details("bent", requestId).get("status").asText().equals("WITHDRAWN"));

        assertThat(waits.waiting(request)).isFalse();
        assertThat(waits.of(request)).singleElement().satisfies(wait -> {
            assertThat(wait.endedAt()).isNotNull();
            assertThat(wait.deadlineMoved()).isFalse();
        });
        assertThat(deadline(request)).isEqualTo(before);
        assertThat(outbox.typesOf(requestId)).doesNotContain("deadline.changed");
    }

    /** The same waits under the policy that the week does not pause: shown in the history, nothing moves, no event. */
    @Test
    void withoutThePauseTheWaitIsShownAndNothingMoves() {
        RequesterWaits notPausing = new RequesterWaits(jdbc, calendar, deadlineProperties, new WaitPolicy(false), repository,
                calculator, screeningDeadline, caseHistory, outboxWriter);
        inTransaction(() -> notPausing.waitStarted(id, at(2026, 12, 1, 10)));
        inTransaction(() -> notPausing.waitEnded(id, at(2026, 12, 4, 10)));

        assertThat(notPausing.of(id)).containsExactly(new Wait(at(2026, 12, 1, 10), at(2026, 12, 4, 10), 3, false));
        assertThat(deadline(id)).isEqualTo(at(2026, 12, 8, 16));
        assertThat(history(id)).containsExactly("REQUESTER_WAITED 3 null");
        assertThat(outbox.typesOf(id.toString())).doesNotContain("deadline.changed");
    }

    @Test
    void aWaitThatNeverStartedCannotEnd() {
        assertThatThrownBy(() -> inTransaction(() -> waits.waitEnded(id, at(2026, 12, 1, 9))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(waits.of(id)).isEmpty();
    }

    private Instant deadline(UUID request) {
        return jdbc.sql("select deadline from purchase_request where id = ?").param(request).query(java.sql.Timestamp.class)
                .single().toInstant();
    }

    private List<String> history(UUID request) {
        return jdbc.sql("select kind || ' ' || value || ' ' || coalesce(text, 'null') from case_history "
                        + "where request_id = ? and kind in ('DEADLINE_MOVED', 'REQUESTER_WAITED') order by id")
                .param(request).query(String.class).list();
    }

    private Date timer(String instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance).activityId(activityId).timers()
                .singleResult().getDuedate();
    }

    private void inTransaction(Runnable step) {
        transaction.executeWithoutResult(status -> step.run());
    }

    private static Instant at(int year, int month, int day, int hour) {
        return LocalDate.of(year, month, day).atTime(LocalTime.of(hour, 0)).atZone(COPENHAGEN).toInstant();
    }
}
