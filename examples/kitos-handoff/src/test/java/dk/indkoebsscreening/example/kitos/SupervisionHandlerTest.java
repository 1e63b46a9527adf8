package dk.indkoebsscreening.example.kitos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.indkoebsscreening.example.kitos.SupervisionHandler.Result;
import dk.indkoebsscreening.example.kitos.SupervisionHandler.Status;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A supervision recorded in Indkøbsscreening goes into the oversight of the system's data processing registration. */
class SupervisionHandlerTest {

    private static final UUID ORGANIZATION = UUID.fromString("b3f1a0c2-8d4e-4f6a-9c2b-5e7d1a3f9b10");
    private static final String MUNICIPALITY = "nordby";
    private static final UUID SYSTEM = UUID.fromString("c8e67cd3-f95e-454d-aaa7-b048927694a4");

    private final ObjectMapper json = new ObjectMapper();
    private FakeKitos kitos;
    private SupervisionHandler handler;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        kitos = new FakeKitos();
        handler = new SupervisionHandler(new KitosClient(kitos.baseUrl(), FakeKitos.EMAIL, FakeKitos.PASSWORD,
                HttpClient.newHttpClient()), Organizations.single(ORGANIZATION),
                new ProcessedEventIds(dir.resolve("processed-event-ids.txt")));
    }

    @AfterEach
    void stop() {
        kitos.close();
    }

    private ObjectNode supervision() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/supervision-recorded.v1.json")) {
            return (ObjectNode) json.readTree(in);
        }
    }

    @Test
    void theSupervisionIsAddedToTheOversightOfTheSystemsRegistrationOnce() throws IOException {
        UUID registration = kitos.addDataProcessingRegistration(ORGANIZATION, "Hjemmepleje: databehandling", SYSTEM);
        kitos.addDataProcessingRegistration(UUID.randomUUID(), "En anden kommunes", SYSTEM);

        Result result = handler.handle("event-1", MUNICIPALITY, json.writeValueAsBytes(supervision()));

        assertThat(result.status()).isEqualTo(Status.RECORDED);
        assertThat(result.message()).contains("Driftscenter Nord A/S", "2028-03-16", registration.toString());
        JsonNode oversight = kitos.oversightOf(registration);
        assertThat(oversight.path("oversightInterval").asText()).isEqualTo("Yearly");
        assertThat(oversight.path("isOversightCompleted").asText()).isEqualTo("Yes");
        assertThat(oversight.path("oversightScheduledInspectionDate").asText()).isEqualTo("2028-03-16");
        assertThat(oversight.path("oversightDates")).hasSize(1);
        assertThat(oversight.path("oversightDates").get(0).path("completedAt").asText()).isEqualTo("2027-03-16");
        assertThat(oversight.path("oversightDates").get(0).path("remark").asText())
                .isEqualTo("Driftscenter Nord A/S: bemærkninger (Indkøbsscreening)");

        // The same supervision again under another event id (a replay): KITOS's dates are not doubled.
        assertThat(handler.handle("event-2", MUNICIPALITY, json.writeValueAsBytes(supervision())).status()).isEqualTo(Status.RECORDED);
        assertThat(kitos.oversightOf(registration).path("oversightDates")).hasSize(1);
        assertThat(handler.handle("event-1", MUNICIPALITY, json.writeValueAsBytes(supervision())).status()).isEqualTo(Status.ALREADY_HANDLED);
    }

    @Test
    void anIntervalKitosHasNoChoiceForIsOtherWithTheMonthsInTheRemark() throws IOException {
        UUID registration = kitos.addDataProcessingRegistration(ORGANIZATION, "Hjemmepleje: databehandling", SYSTEM);

        handler.handle("event-1", MUNICIPALITY, json.writeValueAsBytes(supervision().put("intervalMonths", 18)));

        assertThat(kitos.oversightOf(registration).path("oversightInterval").asText()).isEqualTo("Other");
        assertThat(kitos.oversightOf(registration).path("oversightIntervalRemark").asText()).isEqualTo("Hver 18. måned (Indkøbsscreening)");
    }

    @Test
    void withoutAKitosUuidOrASingleRegistrationAPersonRecordsIt() throws IOException {
        assertThat(handler.handle("event-1", MUNICIPALITY, json.writeValueAsBytes(supervision().putNull("kitosUuid"))).status())
                .isEqualTo(Status.RECORD_BY_HAND);
        assertThat(handler.handle("event-2", MUNICIPALITY, json.writeValueAsBytes(supervision())).status())
                .as("no registration names the system").isEqualTo(Status.RECORD_BY_HAND);
        kitos.addDataProcessingRegistration(ORGANIZATION, "Første", SYSTEM);
        kitos.addDataProcessingRegistration(ORGANIZATION, "Anden", SYSTEM);
        assertThat(handler.handle("event-3", MUNICIPALITY, json.writeValueAsBytes(supervision())).status())
                .as("two registrations name it").isEqualTo(Status.RECORD_BY_HAND);
        assertThat(kitos.requests()).noneMatch(request -> request.method().equals("PATCH"));
        assertThat(handler.handle("event-4", MUNICIPALITY, "{}".getBytes()).status()).isEqualTo(Status.INVALID_PAYLOAD);
    }
}
