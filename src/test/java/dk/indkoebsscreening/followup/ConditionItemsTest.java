package dk.indkoebsscreening.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An approval with conditions gives one tracked condition per condition it binds, announced in its transaction. */
class ConditionItemsTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ConditionFollowUp followUp;

    @Test
    void anApprovalWithTwoAreasConditionsGivesOneOpenItemPerConditionOwnedByTheRequester() throws Exception {
        String requestId = lifecycle.runToApprovalWithConditions("anna", "Hjemmeplejeplanlægning",
                Map.of(Area.SECURITY, List.of("Databehandleraftale underskrevet før idriftsættelse"),
                        Area.CONTRACT, List.of("Exit-klausul i kontrakten", "Indhent tilbud via SKI 02.19")));

        List<ConditionItem> items = followUp.of(UUID.fromString(requestId));
        assertThat(items).extracting(ConditionItem::number, ConditionItem::text, ConditionItem::setBy)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(1, "Databehandleraftale underskrevet før idriftsættelse", Area.SECURITY),
                        org.assertj.core.groups.Tuple.tuple(2, "Exit-klausul i kontrakten", Area.CONTRACT),
                        org.assertj.core.groups.Tuple.tuple(3, "Indhent tilbud via SKI 02.19", Area.CONTRACT));
        String desiredStart = api.details("anna", requestId).get("desiredStartDate").asText();
        assertThat(items).allSatisfy(item -> {
            assertThat(item.owner()).isEqualTo("anna");
            assertThat(item.status()).isEqualTo(ConditionStatus.OPEN);
            assertThat(item.beforeGoLive()).isTrue();
            assertThat(item.due()).hasToString(desiredStart);
            assertThat(item.evidence()).isEmpty();
            assertThat(item.changes()).singleElement().satisfies(change -> {
                assertThat(change.kind()).isEqualTo(ChangeKind.SET);
                assertThat(change.by()).isEqualTo("koordinator");
            });
        });

        List<String> payloads = outbox.payloadsOf(requestId, "condition.changed");
        assertThat(payloads).hasSize(3);
        assertThat(outbox.typesOf(requestId)).endsWith("decision.made", "condition.changed", "condition.changed", "condition.changed");
        EventSchemas schemas = new EventSchemas();
        for (String payload : payloads) {
            assertThat(schemas.problems(EventType.CONDITION_CHANGED.type(), payload)).isEmpty();
            JsonNode event = JSON.readTree(payload);
            assertThat(event.get("change").asText()).isEqualTo("SET");
            assertThat(event.get("status").asText()).isEqualTo("OPEN");
            assertThat(event.get("owner").asText()).isEqualTo("anna");
        }
    }

    @Test
    void anApprovalWithoutConditionsHasNone() {
        String requestId = lifecycle.runToApproval("anna", "Mødebooking");

        assertThat(followUp.of(UUID.fromString(requestId))).isEmpty();
        assertThat(outbox.typesOf(requestId)).doesNotContain("condition.changed");
    }
}
