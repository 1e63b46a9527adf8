package dk.indkoebsscreening.events;

import dk.indkoebsscreening.events.TopicReader.Received;
import dk.indkoebsscreening.events.broker.EmbeddedKafkaBroker;
import dk.indkoebsscreening.municipality.MunicipalityForm;
import dk.indkoebsscreening.municipality.MunicipalitySettings;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.MadeUpMunicipalities;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event says whose it is: its municipality's source and, in the header {@code ce_municipality}, its id, so that a
 * consumer of one municipality keeps its events by a header. On a real broker for the installation's municipality, and
 * in the records made for a municipality created here (removed after).
 */
class MunicipalityEventsTest extends ApiTestBase {

    @Autowired
    IdentityService identity;

    private static final String OTHER = "test-events-oestby";

    @Autowired
    CloudEventRecords records;
    @Autowired
    MunicipalitySettings settings;
    @Autowired
    InstallationProperties installation;
    @Autowired
    EventsProperties properties;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    OutboxWriter writer;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void removeMunicipality() {
        Tenancy.runAs(OTHER, () -> jdbc.sql("delete from outbox_event").update());
        MadeUpMunicipalities.remove(jdbc, identity, OTHER);
    }

    @Test
    void theInstallationsEventsCarryItsIdAndSource() {
        String requestId = api.submit("anna", "Hændelser med kommunens id").get("id").asText();
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().lifecycle())) {
            Received received = reader.ofRequest(requestId, 1, Duration.ofSeconds(60)).get(0);
            assertThat(received.header("ce_municipality")).isEqualTo(installation.municipalityId());
            assertThat(received.header("ce_source")).isEqualTo("urn:indkoebsscreening:nordby");
            assertThat(received.event().getExtension("municipality")).isEqualTo(installation.municipalityId());
        }
    }

    @Test
    void anotherMunicipalitysEventsCarryItsOwnIdAndSource() {
        settings.create(new MunicipalityForm(OTHER, "Østby Kommune", null, null, "indkoeb@oestby.example", null, 10,
                BigDecimal.ZERO, null, "urn:indkoebsscreening:oestby", Map.of(), Set.of()));
        OutboxEvent event = new OutboxEvent(0, UUID.randomUUID(), UUID.randomUUID(), EventType.REQUEST_SUBMITTED.type(),
                "2026-0001", Instant.parse("2026-12-07T10:00:00Z"), "{}", OTHER);

        List<ProducerRecord<String, byte[]>> records = this.records.recordsFor(event);

        assertThat(header(records.get(0), "ce_municipality")).isEqualTo(OTHER);
        assertThat(header(records.get(0), "ce_source")).isEqualTo("urn:indkoebsscreening:oestby");
    }

    /** The relay runs in no user's municipality: it publishes every municipality's events, each as its own. */
    @Test
    void theRelayPublishesAnotherMunicipalitysEventWithItsIdAndSource() {
        settings.create(new MunicipalityForm(OTHER, "Østby Kommune", null, null, "indkoeb@oestby.example", null, 10,
                BigDecimal.ZERO, null, "urn:indkoebsscreening:oestby", Map.of(), Set.of()));
        UUID requestId = UUID.randomUUID();
        Tenancy.runAs(OTHER, () -> transactions.executeWithoutResult(status -> writer.append(requestId, "2026-0001",
                EventType.REQUEST_WITHDRAWN, Instant.now(), Map.of("requestId", requestId.toString()))));

        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().lifecycle())) {
            Received received = reader.ofRequest(requestId.toString(), 1, Duration.ofSeconds(60)).get(0);
            assertThat(received.header("ce_municipality")).isEqualTo(OTHER);
            assertThat(received.header("ce_source")).isEqualTo("urn:indkoebsscreening:oestby");
        }
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
