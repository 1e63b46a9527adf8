package dk.indkoebsscreening.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.events.TopicReader.Received;
import dk.indkoebsscreening.events.broker.EmbeddedKafkaBroker;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The lifecycle of requests through the API, as an integrator sees it on a real Kafka broker. */
class LifecycleEventsTest extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    EventsProperties properties;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    OutboxWriter outboxWriter;
    @Autowired
    Clock clock;
    @Autowired
    ScreeningService screening;

    /** Where each payload states its step's time, the one {@code ce_time} must carry too. */
    static final Map<EventType, String> STEP_TIME = Map.ofEntries(
            Map.entry(EventType.REQUEST_SUBMITTED, "/submittedAt"),
            Map.entry(EventType.INFORMATION_REQUESTED, "/requestedAt"),
            Map.entry(EventType.INFORMATION_PROVIDED, "/providedAt"),
            Map.entry(EventType.SCREENING_STARTED, "/startedAt"),
            Map.entry(EventType.AREA_SCREENED, "/completedAt"),
            Map.entry(EventType.SCREENING_COMPLETED, "/completedAt"),
            Map.entry(EventType.SCREENING_REMINDER_SENT, "/remindedAt"),
            Map.entry(EventType.DEADLINE_MISSED, "/missedAt"),
            Map.entry(EventType.DECISION_MADE, "/decidedAt"),
            Map.entry(EventType.REQUEST_WITHDRAWN, "/withdrawnAt"),
            Map.entry(EventType.ATTACHMENT_ADDED, "/attachment/addedAt"),
            Map.entry(EventType.ATTACHMENT_REMOVED, "/attachment/removedAt"),
            Map.entry(EventType.RENEWAL_DUE, "/announcedAt"),
            Map.entry(EventType.CONDITION_CHANGED, "/changedAt"),
            Map.entry(EventType.CONDITIONS_SETTLED, "/settledAt"),
            Map.entry(EventType.SUPERVISION_DUE, "/openedAt"),
            Map.entry(EventType.SUPERVISION_RECORDED, "/recordedAt"),
            Map.entry(EventType.VENDOR_INVITED, "/invitedAt"),
            Map.entry(EventType.VENDOR_ANSWERED, "/submittedAt"),
            Map.entry(EventType.VENDOR_REVOKED, "/revokedAt"),
            Map.entry(EventType.VENDOR_EXPIRED, "/expiredAt"));
    private static final Pattern AMOUNT = Pattern.compile("\"(\\w+Dkk)\": ([^,}\\s]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventSchemas schemas = new EventSchemas();

    @Test
    void aFullLifecycleYieldsItsEventsInOrderValidAndTheDecisionOnTheDecisionsTopic() throws Exception {
        String requestId = lifecycle.runToApproval("anna", "Tidsbestilling");
        String reference = jdbc.sql("select reference from purchase_request where id = ?")
                .param(UUID.fromString(requestId)).query(String.class).single();

        List<Received> lifecycle;
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().lifecycle())) {
            lifecycle = reader.ofRequest(requestId, 10, WAIT);
        }
        assertThat(lifecycle).extracting(received -> received.event().getType()).containsExactly(
                EventType.REQUEST_SUBMITTED.type(), EventType.SCREENING_STARTED.type(),
                EventType.AREA_SCREENED.type(), EventType.AREA_SCREENED.type(), EventType.AREA_SCREENED.type(),
                EventType.AREA_SCREENED.type(), EventType.AREA_SCREENED.type(), EventType.AREA_SCREENED.type(),
                EventType.SCREENING_COMPLETED.type(), EventType.DECISION_MADE.type());
        assertThat(lifecycle).extracting(received -> received.event().getId())
                .containsExactlyElementsOf(outboxIdsInSeqOrder(requestId));
        for (Received received : lifecycle) {
            assertThat(schemas.problems(received.event())).as(received.event().getType()).isEmpty();
            assertCloudEventAttributes(received, requestId, reference);
            assertOneTimePerStep(received);
            assertAmountsHaveTwoDecimals(received);
        }
        assertThat(lifecycle).extracting(received -> new String(received.event().getData().toBytes()))
                .as("the submission and the decision state amounts").filteredOn(data -> AMOUNT.matcher(data).find())
                .hasSize(2);

        Received decisionOnLifecycle = lifecycle.get(lifecycle.size() - 1);
        Received decision;
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), "procurement.decisions.v1")) {
            decision = reader.ofRequest(requestId, 1, WAIT).get(0);
            assertThat(reader.readToEnd(WAIT)).filteredOn(received -> received.key().equals(requestId))
                    .as("one decision per request, in one version").hasSize(1);
        }
        assertThat(decision.event().getId()).isEqualTo(decisionOnLifecycle.event().getId());
        assertThat(decision.header("ce_type")).isEqualTo("dk.indkoebsscreening.decision.made.v1");
        assertThat(decision.header("content-type")).isEqualTo("application/json");
        assertThat(decision.header("ce_dataschema")).isEqualTo("urn:indkoebsscreening:schema:decision-made.v1");
        assertThat(new String(decision.event().getData().toBytes()))
                .contains("\"outcome\": \"APPROVED\"", "\"requester\": \"anna\"", "\"area\": \"IMPLEMENTATION\"",
                        "\"attachments\": []", "/api/requests/" + requestId + "/report.pdf", "\"scope\": {");
        assertThat(schemas.problems(decision.event())).isEmpty();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).as("the topics the application creates")
                    .filteredOn(topic -> topic.startsWith("procurement."))
                    .containsExactlyInAnyOrder("procurement.request-lifecycle.v1", "procurement.decisions.v1");
        }
    }

    @Test
    void remindersAndMissedDeadlinesAreValidEventsToo() {
        String requestId = lifecycle.submitAndAccept("bent", "Dokumenthåndtering");
        UUID id = UUID.fromString(requestId);
        screening.remindOpenAreas(id);
        screening.recordDeadlineMissed(id);

        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().lifecycle())) {
            List<Received> events = reader.ofRequest(requestId, 4, WAIT);
            assertThat(events).extracting(received -> received.event().getType()).containsExactly(
                    EventType.REQUEST_SUBMITTED.type(), EventType.SCREENING_STARTED.type(),
                    EventType.SCREENING_REMINDER_SENT.type(), EventType.DEADLINE_MISSED.type());
            events.forEach(received -> assertThat(schemas.problems(received.event())).isEmpty());
            events.forEach(LifecycleEventsTest::assertOneTimePerStep);
        }
    }

    @Test
    void aQuestionToTheRequesterAndItsAnswerAreAnnouncedSoAWithdrawalWhileWaitingComesFromAStatusAConsumerKnows()
            throws IOException {
        String requestId = api.submit("anna", "Mødebooking").get("id").asText();
        askTheRequester(requestId, "Hvor mange brugere?");
        String question = api.awaitTask("anna", requestId, "MORE_INFORMATION").get("id").asText();
        api.completeOk("anna", question, Map.of("answer", "Omkring 40, alle i borgerservice."));
        askTheRequester(requestId, "Og hvilke lokaler?");
        api.awaitTask("anna", requestId, "MORE_INFORMATION");
        assertThat(api.post("anna", "/api/requests/" + requestId + "/withdraw", Map.of()).status()).isEqualTo(204);

        List<Received> events;
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().lifecycle())) {
            events = reader.ofRequest(requestId, 5, WAIT);
        }
        assertThat(events).extracting(received -> received.event().getType()).containsExactly(
                EventType.REQUEST_SUBMITTED.type(), EventType.INFORMATION_REQUESTED.type(),
                EventType.INFORMATION_PROVIDED.type(), EventType.INFORMATION_REQUESTED.type(),
                EventType.REQUEST_WITHDRAWN.type());
        List<JsonNode> payloads = new ArrayList<>();
        for (Received received : events) {
            assertThat(schemas.problems(received.event())).as(received.event().getType()).isEmpty();
            assertOneTimePerStep(received);
            payloads.add(JSON.readTree(received.event().getData().toBytes()));
        }
        assertThat(payloads.subList(1, 5)).extracting(payload -> payload.path("statusBefore").asText() + "->"
                        + payload.path("status").asText("WITHDRAWN"))
                .as("each step starts where the one before it left the request").containsExactly(
                        "IN_TRIAGE->AWAITING_INFORMATION", "AWAITING_INFORMATION->IN_TRIAGE",
                        "IN_TRIAGE->AWAITING_INFORMATION", "AWAITING_INFORMATION->WITHDRAWN");
        assertThat(payloads.subList(1, 4)).allSatisfy(payload -> {
            assertThat(payload.path("requester").asText()).isEqualTo("anna");
            assertThat(payload.path("reference").asText()).isEqualTo(events.get(0).event().getSubject());
        });
        assertThat(events).extracting(received -> new String(received.event().getData().toBytes()))
                .as("the question and the answer stay in the application")
                .noneMatch(data -> data.contains("brugere") || data.contains("borgerservice") || data.contains(Lifecycle.COORDINATOR));
    }

    private void askTheRequester(String requestId, String question) {
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, triage, Map.of("outcome", "NEED_MORE_INFORMATION", "comment", question));
    }

    @Test
    void aStepThatRollsBackAfterWritingItsEventPublishesNothing() {
        UUID requestId = UUID.randomUUID();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        UUID[] rolledBack = new UUID[1];
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            rolledBack[0] = outboxWriter.append(requestId, "IND-2026-9001", EventType.AREA_SCREENED, clock.instant(), Map.of("step", "fails"));
            throw new IllegalStateException("the step fails after its event was written");
        })).hasMessageContaining("step fails");
        UUID committed = transaction.execute(status ->
                outboxWriter.append(requestId, "IND-2026-9001", EventType.AREA_SCREENED, clock.instant(), Map.of("step", "succeeds")));

        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().lifecycle())) {
            List<Received> events = reader.ofRequest(requestId.toString(), 1, WAIT);
            assertThat(events).extracting(received -> received.event().getId()).containsExactly(committed.toString());
        }
        assertThat(jdbc.sql("select count(*) from outbox_event where id = ?").param(rolledBack[0]).query(Long.class).single())
                .isZero();
    }

    private List<String> outboxIdsInSeqOrder(String requestId) {
        return jdbc.sql("select id::text from outbox_event where request_id = ? order by seq")
                .param(UUID.fromString(requestId)).query(String.class).list();
    }

    static void assertOneTimePerStep(Received received) {
        CloudEvent event = received.event();
        String field = STEP_TIME.get(EventType.fromType(event.getType()));
        assertThat(field).as("the step time of %s", event.getType()).isNotNull();
        try {
            JsonNode stepTime = JSON.readTree(event.getData().toBytes()).at(field);
            assertThat(stepTime.isTextual()).as("%s of %s", field, event.getType()).isTrue();
            assertThat(event.getTime().toInstant()).as("ce_time of %s", event.getType())
                    .isEqualTo(Instant.parse(stepTime.asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertAmountsHaveTwoDecimals(Received received) {
        Matcher amounts = AMOUNT.matcher(new String(received.event().getData().toBytes()));
        while (amounts.find()) {
            assertThat(amounts.group(2)).as("%s in %s", amounts.group(1), received.event().getType())
                    .matches("[0-9]+\\.[0-9]{2}");
        }
    }

    private void assertCloudEventAttributes(Received received, String requestId, String reference) {
        CloudEvent event = received.event();
        EventType type = EventType.fromType(event.getType());
        assertThat(received.key()).isEqualTo(requestId);
        assertThat(received.header("ce_specversion")).isEqualTo("1.0");
        assertThat(event.getSource()).isEqualTo(URI.create("urn:indkoebsscreening:nordby"));
        assertThat(event.getSubject()).isEqualTo(reference);
        assertThat(event.getTime()).isNotNull();
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getDataSchema()).isEqualTo(type.dataSchema());
    }
}
