package dk.indkoebsscreening.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.request.Transition;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every event type has its JSON Schema and its message in the AsyncAPI document, and they agree; each event is
 * published in one version only, so one schema per event and nothing else in the schemas folder.
 */
class EventContractTest {

    static final String ASYNCAPI_FILE = "src/main/resources/docs/asyncapi.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNode ASYNCAPI = readAsyncApi();

    /**
     * The event that announces each change of a request's status. A new transition fails the catalogue test until it
     * is named here; LifecycleEventsTest and WorkflowApiTest see these events written by the steps themselves.
     */
    private static final Map<Transition, EventType> ANNOUNCED_BY = Map.ofEntries(
            Map.entry(Transition.SUBMITTED, EventType.REQUEST_SUBMITTED),
            Map.entry(Transition.QUESTION_ASKED, EventType.INFORMATION_REQUESTED),
            Map.entry(Transition.QUESTION_ANSWERED, EventType.INFORMATION_PROVIDED),
            Map.entry(Transition.SCREENING_STARTED, EventType.SCREENING_STARTED),
            Map.entry(Transition.SCREENED, EventType.SCREENING_COMPLETED),
            Map.entry(Transition.DECIDED_APPROVED, EventType.DECISION_MADE),
            Map.entry(Transition.DECIDED_APPROVED_WITH_CONDITIONS, EventType.DECISION_MADE),
            Map.entry(Transition.DECIDED_REJECTED, EventType.DECISION_MADE),
            Map.entry(Transition.WITHDRAWN_BY_REQUESTER, EventType.REQUEST_WITHDRAWN),
            Map.entry(Transition.CONDITIONS_SETTLED, EventType.CONDITIONS_SETTLED));

    @Test
    void everyStatusARequestCanReachIsAnnouncedByAnEventInTheCatalogue() throws IOException {
        assertThat(ANNOUNCED_BY).as("every change of status has its event").containsOnlyKeys(Transition.values());
        Set<RequestStatus> announced = ANNOUNCED_BY.keySet().stream().map(Transition::to)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RequestStatus.class)));
        assertThat(announced).containsExactlyInAnyOrder(RequestStatus.values());
        String catalogue = Files.readString(Path.of("docs/events.md"));
        assertThat(Set.copyOf(ANNOUNCED_BY.values())).allSatisfy(type ->
                assertThat(catalogue).as("docs/events.md lists %s", type.type()).contains("| `" + type.type() + "` |"));
    }

    @Test
    void eachEventIsPublishedInOneVersionWithOneSchemaAndNoOtherSchemaIsShipped() throws IOException {
        Map<String, List<String>> versionsByEvent = Arrays.stream(EventType.values()).map(EventType::type)
                .collect(Collectors.groupingBy(type -> type.substring(0, type.lastIndexOf('.'))));
        assertThat(versionsByEvent).allSatisfy((event, versions) -> assertThat(versions).as(event).hasSize(1));
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/docs/schemas"))) {
            assertThat(files.map(file -> "docs/schemas/" + file.getFileName()))
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::schemaResource).toList());
        }
    }

    @Test
    void theKitosExamplesDecisionIsAValidDecisionEvent() throws IOException {
        String payload = Files.readString(Path.of("examples/kitos-handoff/src/test/resources/decision-made.v1.json"));
        assertThat(new EventSchemas().problems(EventType.DECISION_MADE.type(), payload)).isEmpty();
    }

    @Test
    void draft07SchemasStillAssertFormatsAndTakeAmountsWithOere() throws IOException {
        EventSchemas schemas = new EventSchemas();
        String question = """
                {"requestId": "4b0f6c1e-8f1a-4c55-9a43-2f7f0c2d9e10", "reference": "IND-2026-0042", "requester": "anna",
                 "statusBefore": "IN_TRIAGE", "status": "AWAITING_INFORMATION", "requestedAt": "2026-12-06T10:15:30.123Z"}""";
        String type = EventType.INFORMATION_REQUESTED.type();
        assertThat(schemas.problems(type, question)).isEmpty();
        assertThat(schemas.problems(type, question.replace("4b0f6c1e-8f1a-4c55-9a43-2f7f0c2d9e10", "sag 42"))).isNotEmpty();
        assertThat(schemas.problems(type, question.replace("2026-12-06T10:15:30.123Z", "6. december"))).isNotEmpty();
        assertThat(schemas.problems(type, question.replace("\"IN_TRIAGE\"", "\"IN_SCREENING\""))).isNotEmpty();

        ObjectNode decision = (ObjectNode) new ObjectMapper().readTree(
                Path.of("examples/kitos-handoff/src/test/resources/decision-made.v1.json").toFile());
        assertThat(schemas.problems(EventType.DECISION_MADE.type(),
                decision.put("contractValueDkk", new BigDecimal("357000.50")).toString())).isEmpty();
        // øre that binary floating point cannot divide by 0.01 exactly: no multipleOf in the schema to trip on
        assertThat(schemas.problems(EventType.DECISION_MADE.type(),
                decision.put("contractValueDkk", new BigDecimal("80000.07")).toString())).isEmpty();
        assertThat(schemas.problems(EventType.DECISION_MADE.type(),
                decision.put("contractValueDkk", new BigDecimal("-0.01")).toString())).isNotEmpty();
    }

    @Test
    void theAsyncApiDocumentHasOneMessagePerTypeOnTheLifecycleTopicAndTheDecisionOnTheDecisionsTopic() {
        assertThat(ASYNCAPI.at("/components/messages").size()).isEqualTo(EventType.values().length);
        List<String> channels = new ArrayList<>();
        ASYNCAPI.at("/channels").fieldNames().forEachRemaining(channels::add);
        assertThat(channels).containsExactlyInAnyOrder("requestLifecycle", "decisions");
        assertThat(ASYNCAPI.at("/channels/requestLifecycle/messages").size()).isEqualTo(EventType.values().length);
        List<String> decisions = new ArrayList<>();
        ASYNCAPI.at("/channels/decisions/messages").forEach(message -> decisions.add(message.at("/$ref").asText()));
        assertThat(decisions).containsExactly("#/components/messages/decisionMade");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSchemaIsDraft07WithTheDataschemaAsItsId(EventType type) {
        JsonNode schema = EventSchemas.read(type);
        assertThat(schema.path("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
        assertThat(schema.toString()).as("keywords of later drafts, which draft-07 tools (the AsyncAPI parser) ignore")
                .doesNotContain("\"$defs\"", "\"prefixItems\"", "\"unevaluatedProperties\"", "\"unevaluatedItems\"",
                        "\"dependentRequired\"", "\"dependentSchemas\"", "\"$anchor\"", "\"$dynamicRef\"",
                        "\"minContains\"", "\"maxContains\"");
        assertThat(schema.path("$id").asText()).isEqualTo(type.dataSchema().toString());
        assertThat(schema.path("additionalProperties").asBoolean(true))
                .as("closed, so that no field (and no personal data) slips into an event unreviewed").isFalse();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theAsyncApiDocumentDescribesTheMessage(EventType type) {
        JsonNode message = messageOfType(type);
        assertThat(message.at("/payload/schemaFormat").isMissingNode())
                .as("the default format, AsyncAPI Schema Objects, of which draft-07 is a subset").isTrue();
        assertThat(message.at("/payload/$ref").asText())
                .as("relative to the document, in a checkout and at /docs/asyncapi.yaml alike")
                .isEqualTo(type.schemaResource().replaceFirst("^docs/", ""));
        assertThat(message.at("/headers/allOf/1/properties/ce_dataschema/const").asText())
                .isEqualTo(type.dataSchema().toString());
        assertThat(ASYNCAPI.at("/channels/requestLifecycle/address").asText()).isEqualTo("procurement.request-lifecycle.v1");
        assertThat(ASYNCAPI.at("/channels/decisions/address").asText()).isEqualTo("procurement.decisions.v1");
    }

    private static JsonNode messageOfType(EventType type) {
        List<JsonNode> matching = new ArrayList<>();
        ASYNCAPI.at("/components/messages").forEach(message -> {
            if (message.at("/headers/allOf/1/properties/ce_type/const").asText().equals(type.type())) {
                matching.add(message);
            }
        });
        assertThat(matching).as("messages of type %s", type.type()).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode readAsyncApi() {
        try {
            return YAML.readTree(Path.of(ASYNCAPI_FILE).toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
