package dk.indkoebsscreening.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.indkoebsscreening.events.TopicReader.Received;
import dk.indkoebsscreening.events.broker.EmbeddedKafkaBroker;
import dk.indkoebsscreening.testsupport.ApiClient.RawResponse;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.LogCapture;
import dk.indkoebsscreening.testsupport.WebSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event the broker refuses for good is set aside instead of blocking the outbox: every other event is
 * published, the same request's later events wait behind it, health names it, and an administrator (only) fixes
 * and re-sends it, after which the request's events follow in commit order. Real broker, real topics.
 */
class OutboxDeadLetterTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String API = "/api/admin/outbox/dead-letters";
    private static final String PAGE = "/admin/afviste-haendelser";
    /** Kafka's default for max.request.size (and near the broker's message.max.bytes): 1 MiB. */
    private static final int ONE_MIB = 1024 * 1024;

    @Autowired
    OutboxWriter outboxWriter;
    @Autowired
    Clock clock;
    @Autowired
    EventsProperties properties;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DataSource dataSource;

    @RegisterExtension
    final LogCapture relayLog = new LogCapture(OutboxRelay.class.getName());

    /** Requests made up by a test: their events, dead letters among them, leave the shared outbox after it. */
    private final List<UUID> madeUp = new ArrayList<>();

    @AfterEach
    void forgetMadeUpRequests() {
        jdbc.sql("delete from outbox_event where request_id in (:ids)").param("ids", madeUp.isEmpty() ? List.of(UUID.randomUUID()) : madeUp)
                .update();
    }

    @Test
    void anOversizedDecisionIsSetAsideEverythingElseIsPublishedAndItsRequestFollowsTheAdministratorsFix() throws Exception {
        String before = lifecycle.runToApproval("anna", "Før den store hændelse");
        UUID request = madeUpRequest();
        String reference = "IND-2026-9300";
        ObjectNode decision = payloadOf(before, EventType.DECISION_MADE);
        ObjectNode oversized = listingFiles(decision, request, reference, 3000);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<UUID> ours = transaction.execute(status -> List.of(
                outboxWriter.append(request, reference, EventType.REQUEST_SUBMITTED, clock.instant(), movedTo(payloadOf(before, EventType.REQUEST_SUBMITTED), request, reference)),
                outboxWriter.append(request, reference, EventType.DECISION_MADE, clock.instant(), oversized),
                outboxWriter.append(request, reference, EventType.AREA_SCREENED, clock.instant(), Map.of("step", 1)),
                outboxWriter.append(request, reference, EventType.AREA_SCREENED, clock.instant(), Map.of("step", 2))));
        UUID deadLetter = ours.get(1);
        assertThat(storedPayload(deadLetter).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(ONE_MIB);

        // Everything else goes on: a whole lifecycle of another request after it, and the request's own earlier event.
        String after = lifecycle.runToApproval("bent", "Efter den store hændelse");
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().lifecycle())) {
            assertThat(reader.ofRequest(after, 10, WAIT)).extracting(received -> received.event().getId())
                    .containsExactlyElementsOf(outboxIdsInSeqOrder(after));
            assertThat(reader.ofRequest(before, 10, WAIT)).hasSize(10);
            assertThat(reader.ofRequest(request.toString(), 1, WAIT)).extracting(received -> received.event().getId())
                    .containsExactly(ours.get(0).toString());
        }
        Eventually.until("the oversized event set aside", () -> isDeadLetter(deadLetter));
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().lifecycle())) {
            assertThat(reader.readToEnd(WAIT)).filteredOn(received -> received.key().equals(request.toString()))
                    .extracting(received -> received.event().getId()).containsExactly(ours.get(0).toString());
        }
        assertThat(published(ours.get(2))).isFalse();
        assertThat(published(ours.get(3))).isFalse();
        Map<String, Object> row = deadLetterRow(deadLetter);
        assertThat((String) row.get("dead_letter_reason")).startsWith("RecordTooLargeException: ").contains("max.request.size");
        assertThat(row.get("dead_lettered_times")).isEqualTo(1);
        Eventually.until("the event named in the log", () -> relayLog.messages().stream().anyMatch(message -> message.contains(deadLetter.toString())));

        // Health: the outbox is DOWN at once and names it; readiness (the load balancer's) stays UP.
        RawResponse health = api.raw("admin", "GET", "/actuator/health", null, null);
        assertThat(health.status()).isEqualTo(503);
        JsonNode outboxHealth = JSON.readTree(health.body()).at("/components/outbox");
        assertThat(outboxHealth.get("status").asText()).isEqualTo("DOWN");
        JsonNode named = outboxHealth.at("/details/deadLetters/0");
        assertThat(named.get("id").asText()).isEqualTo(deadLetter.toString());
        assertThat(named.get("type").asText()).isEqualTo(EventType.DECISION_MADE.type());
        assertThat(named.get("subject").asText()).isEqualTo(reference);
        assertThat(named.get("reason").asText()).startsWith("RecordTooLargeException");
        assertThat(named.has("since")).isTrue();
        assertThat(named.has("payload")).isFalse();
        assertThat(health.body()).doesNotContain("Bilag 0001");
        RawResponse readiness = api.raw(null, "GET", "/actuator/health/readiness", null, null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        assertThat(metric("indkoeb.outbox.dead-letters")).isGreaterThanOrEqualTo(1);

        // The administrator's list, as JSON and as the page.
        JsonNode listed = only(api.get("admin", API).body().get("items"), deadLetter);
        assertThat(listed.get("reference").asText()).isEqualTo(reference);
        assertThat(listed.get("requestId").asText()).isEqualTo(request.toString());
        assertThat(listed.get("type").asText()).isEqualTo(EventType.DECISION_MADE.type());
        assertThat(listed.get("waitingBehind").asInt()).isEqualTo(2);
        assertThat(listed.get("payloadBytes").asLong()).isGreaterThan(ONE_MIB);
        assertThat(listed.get("reason").asText()).startsWith("RecordTooLargeException");
        RawResponse page = api.raw("admin", "GET", PAGE, null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Afviste hændelser", reference, "/anmodninger/" + request, "Send igen",
                "Ret og send igen", "RecordTooLargeException");
        assertThat(api.raw("admin", "GET", "/admin/mails", null, null).body()).contains("href=\"" + PAGE + "\"");

        // Nobody else sees or changes it; a fix that is no valid decision.made under the limit changes nothing either.
        String unchanged = storedPayload(deadLetter);
        ObjectNode fixed = listingFiles(decision, request, reference, 3);
        for (String user : List.of("anna", Lifecycle.COORDINATOR)) {
            assertThat(api.raw(user, "GET", API, null, null).status()).as(user).isEqualTo(403);
            assertThat(api.raw(user, "POST", API + "/" + deadLetter + "/resend", "application/json", null).status()).as(user).isEqualTo(403);
            assertThat(putPayload(user, deadLetter, fixed).status()).as(user).isEqualTo(403);
            assertThat(api.raw(user, "GET", PAGE, null, null).status()).as(user).isEqualTo(403);
            assertThat(api.raw(user, "GET", PAGE + "/" + deadLetter, null, null).status()).as(user).isEqualTo(403);
        }
        assertThat(api.raw(null, "GET", API, null, null).status()).isEqualTo(401);
        assertThat(api.raw(null, "POST", API + "/" + deadLetter + "/resend", "application/json", null).status()).isEqualTo(401);
        assertThat(putPayload(null, deadLetter, fixed).status()).isEqualTo(401);
        assertThat(api.raw(null, "GET", PAGE, null, null).status()).isIn(302, 401);
        WebSession requester = new WebSession(port);
        requester.login("anna");
        assertThat(requester.postForm("/anmodninger", PAGE + "/" + deadLetter + "/send-igen", "").statusCode()).isEqualTo(403);

        ObjectNode withoutOutcome = fixed.deepCopy();
        withoutOutcome.remove("outcome");
        ObjectNode badChecksum = fixed.deepCopy();
        ((ObjectNode) badChecksum.get("attachments").get(0)).put("sha256", "ikke en kontrolsum");
        Map<Object, String> invalid = new LinkedHashMap<>();
        invalid.put(withoutOutcome, "payload.outcome");
        invalid.put(badChecksum, "payload.attachments[0].sha256");
        invalid.put(List.of(fixed), "payload");
        invalid.put("tekst", "payload");
        invalid.forEach((payload, field) -> {
            RawResponse refused = putPayload("admin", deadLetter, payload);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(readTree(refused.body()).get("errors")).isNotEmpty()
                    .allMatch(error -> error.get("field").asText().equals(field) && !error.get("message").asText().isBlank());
        });
        // A payload as large as the one set aside is a body over the input boundary's 1 MiB: refused unread.
        assertThat(putPayload("admin", deadLetter, listingFiles(decision, request, reference, 3000)).status()).isEqualTo(413);
        assertThat(api.raw("admin", "PUT", API + "/" + deadLetter + "/payload", "application/json",
                "{\"outcome\": 1, \"outcome\": 2}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(putPayload("admin", UUID.randomUUID(), fixed).status()).isEqualTo(404);
        // The administrators' tools are for dead letters, not a window on every event.
        assertThat(api.raw("admin", "GET", API + "/" + ours.get(0) + "/payload", null, null).status()).isEqualTo(404);
        assertThat(api.raw("admin", "GET", PAGE + "/" + ours.get(0), null, null).status()).isEqualTo(404);
        assertThat(readTree(api.raw("admin", "GET", API + "/" + deadLetter + "/payload", null, null).body())).isEqualTo(oversized);
        assertThat(storedPayload(deadLetter)).isEqualTo(unchanged);
        assertThat(isDeadLetter(deadLetter)).isTrue();
        assertThat(deadLetterRow(deadLetter)).containsEntry("payload_changed_by", null).containsEntry("original_payload", null);

        // The administrator's fix: it and then the request's waiting events reach Kafka, in commit order.
        RawResponse accepted = putPayload("admin", deadLetter, fixed);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().lifecycle())) {
            List<Received> received = reader.ofRequest(request.toString(), 4, WAIT);
            assertThat(received).extracting(r -> r.event().getId()).containsExactlyElementsOf(ours.stream().map(UUID::toString).toList());
            assertThat(JSON.readTree(received.get(1).event().getData().toBytes())).isEqualTo(fixed);
        }
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().decisions())) {
            assertThat(reader.ofRequest(request.toString(), 1, WAIT)).extracting(r -> r.event().getId())
                    .containsExactly(deadLetter.toString());
        }
        Eventually.until("the request's events published", () -> ours.stream().allMatch(this::published));
        row = deadLetterRow(deadLetter);
        assertThat(row).containsEntry("payload_changed_by", "admin").containsEntry("resent_by", "admin")
                .containsEntry("dead_lettered_at", null);
        assertThat(JSON.readTree((String) row.get("original_payload"))).isEqualTo(oversized);
        assertThat(row.get("payload_changed_at")).isNotNull();
        JsonNode healthAfter = JSON.readTree(api.raw("admin", "GET", "/actuator/health", null, null).body()).at("/components/outbox");
        assertThat(healthAfter.get("status").asText()).isEqualTo("UP");
        assertThat(api.get("admin", API).body().get("items")).noneMatch(item -> item.get("id").asText().equals(deadLetter.toString()));
        // Once is enough: it is no longer set aside. And it was logged once, not once per round.
        RawResponse again = putPayload("admin", deadLetter, fixed);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).as("about the event, not a task").contains("Hændelsen er ikke sat til side");
        assertThat(relayLog.messages()).filteredOn(message -> message.contains(deadLetter.toString())).hasSize(1)
                .allMatch(message -> message.contains(reference) && message.contains("2 later events"));
    }

    @Test
    void anEventThatCannotBeARecordIsSetAsideAndResentFromThePageItIsSetAsideAgain() {
        UUID request = madeUpRequest();
        UUID other = madeUpRequest();
        String reference = "IND-2026-9301";
        UUID unknownType = UUID.randomUUID();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<UUID> written = transaction.execute(status -> {
            // A row as a newer version of the application, or a hand, might have written it.
            jdbc.sql("""
                            insert into outbox_event (id, request_id, type, subject, occurred_at, payload)
                            values (?, ?, 'dk.indkoebsscreening.request.renamed.v1', ?, now(), '{"name": "x"}'::jsonb)
                            """)
                    .params(unknownType, request, reference).update();
            return List.of(outboxWriter.append(request, reference, EventType.AREA_SCREENED, clock.instant(), Map.of("step", 1)),
                    outboxWriter.append(other, "IND-2026-9302", EventType.AREA_SCREENED, clock.instant(), Map.of("step", 1)));
        });

        Eventually.until("the other request's event published", () -> published(written.get(1)));
        Eventually.until("the unknown type set aside", () -> isDeadLetter(unknownType));
        assertThat((String) deadLetterRow(unknownType).get("dead_letter_reason")).contains("dk.indkoebsscreening.request.renamed.v1");
        assertThat(published(written.get(0))).isFalse();

        WebSession admin = new WebSession(port);
        admin.login("admin");
        HttpResponse<String> details = admin.get(PAGE + "/" + unknownType);
        assertThat(details.statusCode()).isEqualTo(200);
        assertThat(details.body()).contains(reference, "dk.indkoebsscreening.request.renamed.v1");
        HttpResponse<String> withoutToken = admin.send("POST", PAGE + "/" + unknownType + "/send-igen",
                "application/x-www-form-urlencoded", new byte[0]);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(isDeadLetter(unknownType)).isTrue();
        HttpResponse<String> resent = admin.postForm(PAGE, PAGE + "/" + unknownType + "/send-igen", "");
        assertThat(resent.statusCode()).isEqualTo(302);
        Eventually.until("set aside a second time", () -> isDeadLetter(unknownType)
                && Integer.valueOf(2).equals(deadLetterRow(unknownType).get("dead_lettered_times")));
        assertThat(published(written.get(0))).isFalse();
        Eventually.until("logged twice", () -> relayLog.messages().stream().filter(message -> message.contains(unknownType.toString())).count() == 2);

        // Its payload cannot be corrected without a known type; the page says so and nothing changes.
        Map<String, Files.Part> fields = new LinkedHashMap<>();
        fields.put("_csrf", new Files.Part(null, null, admin.csrfToken(PAGE + "/" + unknownType).getBytes(StandardCharsets.UTF_8)));
        fields.put("payload", new Files.Part(null, null, "{\"name\": \"y\"}".getBytes(StandardCharsets.UTF_8)));
        Files.Multipart fix = Files.multipart(fields);
        HttpResponse<String> refused = admin.postMultipart(PAGE + "/" + unknownType + "/ret", fix.contentType(), fix.body());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Typen dk.indkoebsscreening.request.renamed.v1 kendes ikke", "{&quot;name&quot;: &quot;y&quot;}");
        assertThat(storedPayload(unknownType)).isEqualTo("{\"name\": \"x\"}");
    }

    /**
     * The broker refuses an event only after the round sent the request's next event (its topic's limit is lower
     * than the producer's): that event is not counted as published, so after the fix it is sent again behind the
     * first, and the last copy of each is in commit order.
     */
    @Test
    void anEventTheBrokerRefusesAfterTheNextWasSentKeepsTheRequestsOrderOnTheTopic() throws Exception {
        String before = lifecycle.runToApproval("anna", "Før emnets grænse");
        UUID request = madeUpRequest();
        UUID other = madeUpRequest();
        String reference = "IND-2026-9303";
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<UUID> ours = new ArrayList<>();
        List<UUID> others = new ArrayList<>();
        String lifecycleTopic = properties.topics().lifecycle();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
             Connection otherInstance = dataSource.getConnection()) {
            // Hold the relay off, so that all three go out in one round.
            otherInstance.setAutoCommit(false);
            try (PreparedStatement lease = otherInstance.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lease.setLong(1, OutboxStore.RELAY_LEASE_KEY);
                lease.execute();
            }
            setMaxMessageBytes(admin, lifecycleTopic, "100000");
            try {
                ours.addAll(transaction.execute(status -> List.of(
                        outboxWriter.append(request, reference, EventType.AREA_SCREENED, clock.instant(), Map.of("findings", "x".repeat(200_000))),
                        outboxWriter.append(request, reference, EventType.AREA_SCREENED, clock.instant(), Map.of("step", 2)))));
                others.add(transaction.execute(status ->
                        outboxWriter.append(other, "IND-2026-9304", EventType.AREA_SCREENED, clock.instant(), Map.of("step", 1))));
                otherInstance.rollback();
                Eventually.until("the refused event set aside", () -> isDeadLetter(ours.get(0)));
                Eventually.until("the other request's event published", () -> published(others.get(0)));
            } finally {
                setMaxMessageBytes(admin, lifecycleTopic, null);
            }
        }
        assertThat((String) deadLetterRow(ours.get(0)).get("dead_letter_reason")).startsWith("RecordTooLargeException");
        assertThat(published(ours.get(1))).isFalse();

        ObjectNode fixed = movedTo(payloadOf(before, EventType.AREA_SCREENED), request, reference);
        assertThat(putPayload("admin", ours.get(0), fixed).status()).isEqualTo(204);
        Eventually.until("the request's events published", () -> ours.stream().allMatch(this::published));
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), lifecycleTopic)) {
            List<String> copies = reader.readToEnd(WAIT).stream().filter(r -> r.key().equals(request.toString()))
                    .map(r -> r.event().getId()).toList();
            assertThat(lastCopiesInOrder(copies)).containsExactly(ours.get(0).toString(), ours.get(1).toString());
        }
    }

    // --- helpers ---

    private UUID madeUpRequest() {
        UUID request = UUID.randomUUID();
        madeUp.add(request);
        return request;
    }

    private ObjectNode payloadOf(String requestId, EventType type) {
        return (ObjectNode) readTree(jdbc.sql("select payload::text from outbox_event where request_id = ? and type = ? order by seq limit 1")
                .params(UUID.fromString(requestId), type.type()).query(String.class).single());
    }

    private static ObjectNode movedTo(ObjectNode payload, UUID requestId, String reference) {
        ObjectNode moved = payload.deepCopy();
        moved.put("requestId", requestId.toString());
        moved.put("reference", reference);
        return moved;
    }

    /** The decision of a request with this many files: each listed as decision.made lists a file. */
    private static ObjectNode listingFiles(ObjectNode decision, UUID requestId, String reference, int files) {
        ObjectNode payload = movedTo(decision, requestId, reference);
        ArrayNode attachments = payload.putArray("attachments");
        for (int i = 0; i < files; i++) {
            ObjectNode file = attachments.addObject();
            file.put("id", UUID.nameUUIDFromBytes(("fil-" + i).getBytes(StandardCharsets.UTF_8)).toString());
            file.put("name", "Bilag %04d - tilbud fra leverandøren, underskrevet.pdf".formatted(i));
            file.put("mediaType", "application/pdf");
            file.put("size", 48_213 + i);
            file.put("sha256", HexFormat.of().formatHex(new byte[32]).substring(4) + "%04x".formatted(i));
            file.put("step", "SUBMISSION");
            file.putNull("area");
            file.put("addedBy", "anna");
            file.put("addedAt", "2026-11-26T10:15:30.123456Z");
            file.putNull("removedBy");
            file.putNull("removedAt");
        }
        return payload;
    }

    private RawResponse putPayload(String user, UUID eventId, Object payload) {
        try {
            return api.raw(user, "PUT", API + "/" + eventId + "/payload", "application/json", JSON.writeValueAsBytes(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode only(JsonNode items, UUID eventId) {
        List<JsonNode> matching = new ArrayList<>();
        items.forEach(item -> {
            if (item.get("id").asText().equals(eventId.toString())) {
                matching.add(item);
            }
        });
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    /** What a consumer that keeps the last copy of each id sees: the ids in the order of their last copies. */
    private static List<String> lastCopiesInOrder(List<String> copies) {
        List<String> order = new ArrayList<>();
        for (String id : copies) {
            order.remove(id);
            order.add(id);
        }
        return order;
    }

    private void setMaxMessageBytes(Admin admin, String topic, String value) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp op = value == null
                ? new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""), AlterConfigOp.OpType.DELETE)
                : new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value), AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get();
        Eventually.until("the topic's limit in force", () -> {
            try {
                ConfigEntry entry = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                        .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                return value == null ? entry.isDefault() : value.equals(entry.value());
            } catch (Exception e) {
                return false;
            }
        });
    }

    private String storedPayload(UUID eventId) {
        return jdbc.sql("select payload::text from outbox_event where id = ?").param(eventId).query(String.class).single();
    }

    private boolean isDeadLetter(UUID eventId) {
        return jdbc.sql("select count(*) from outbox_event where id = ? and dead_lettered_at is not null").param(eventId)
                .query(Long.class).single() == 1;
    }

    private boolean published(UUID eventId) {
        return jdbc.sql("select published_at is not null from outbox_event where id = ?").param(eventId).query(Boolean.class).single();
    }

    private Map<String, Object> deadLetterRow(UUID eventId) {
        return jdbc.sql("""
                        select dead_lettered_at, dead_letter_reason, dead_lettered_times, original_payload::text as original_payload,
                               payload_changed_by, payload_changed_at, resent_by
                        from outbox_event where id = ?
                        """)
                .param(eventId).query().singleRow();
    }

    private List<String> outboxIdsInSeqOrder(String requestId) {
        return jdbc.sql("select id::text from outbox_event where request_id = ? order by seq")
                .param(UUID.fromString(requestId)).query(String.class).list();
    }

    private double metric(String name) {
        return api.get("admin", "/actuator/metrics/" + name).body().get("measurements").get(0).get("value").asDouble();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
