package dk.indkoebsscreening.events;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.events.TopicReader.Received;
import dk.indkoebsscreening.events.broker.EmbeddedKafkaBroker;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Kafka is down while requests run to their decisions: users notice nothing, the events wait in the
 * outbox, and once the broker is back every event arrives, in order per request.
 */
class KafkaOutageTest extends ApiTestBase {

    private static final int REQUESTS = 5;
    /** Submitted, screening started, six areas screened, screening completed, decided. */
    private static final int EVENTS_PER_LIFECYCLE = 10;

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    EventsProperties properties;
    @Autowired
    OutboxHealthIndicator outboxHealth;
    @Autowired
    MeterRegistry meters;

    @Test
    void decisionsMadeWhileKafkaIsDownAllArriveOnceItIsBack() {
        List<String> requestIds = new ArrayList<>();
        broker.stop();
        try {
            for (int i = 1; i <= REQUESTS; i++) {
                // runToApproval fails the test on any API error: users must not notice the outage.
                requestIds.add(lifecycle.runToApproval("anna", "Indkøb under Kafka-nedbrud " + i));
            }
            assertThat((Long) outboxHealth.health().getDetails().get("backlog")).isGreaterThanOrEqualTo(REQUESTS * (EVENTS_PER_LIFECYCLE - 1L));
            assertThat(meters.get("indkoeb.outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(REQUESTS * EVENTS_PER_LIFECYCLE);
        } finally {
            broker.start();
        }

        // The relay may be in its longest backoff pause when the broker returns.
        Duration wait = properties.relay().maxBackoff().plusSeconds(60);
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().lifecycle())) {
            List<Received> all = reader.readUntil(received -> requestIds.stream()
                    .allMatch(id -> distinctIds(received, id).size() == EVENTS_PER_LIFECYCLE), wait);
            for (String requestId : requestIds) {
                assertThat(distinctIds(all, requestId)).as("events of %s after dedupe, in order", requestId)
                        .containsExactlyElementsOf(outboxIdsInSeqOrder(requestId));
            }
        }
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().decisions())) {
            List<Received> decisions = reader.readUntil(received -> requestIds.stream()
                    .allMatch(id -> distinctIds(received, id).size() == 1), wait);
            assertThat(decisions).extracting(Received::key).containsAll(requestIds);
        }
    }

    /** What a consumer keeps after dropping redelivered ids: the first occurrence of each, in topic order. */
    private static List<String> distinctIds(List<Received> received, String requestId) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        received.stream().filter(r -> requestId.equals(r.key())).forEach(r -> seen.putIfAbsent(r.event().getId(), true));
        return List.copyOf(seen.keySet());
    }

    private List<String> outboxIdsInSeqOrder(String requestId) {
        return jdbc.sql("select id::text from outbox_event where request_id = ? order by seq")
                .param(UUID.fromString(requestId)).query(String.class).list();
    }
}
