package dk.indkoebsscreening.example.kitos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.indkoebsscreening.example.kitos.DecisionHandler.Result;
import dk.indkoebsscreening.example.kitos.DecisionHandler.Status;
import dk.indkoebsscreening.example.kitos.KitosClient.KitosException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionHandlerTest {

    private static final UUID ORGANIZATION = UUID.fromString("b3f1a0c2-8d4e-4f6a-9c2b-5e7d1a3f9b10");
    private static final String MUNICIPALITY = "nordby";
    private static final String TOKEN_PATH = "/api/authorize/GetToken";
    private static final String SYSTEMS_PATH = "/api/v2/it-systems";
    private static final String USAGES_PATH = "/api/v2/it-system-usages";

    private final ObjectMapper json = new ObjectMapper();
    private FakeKitos kitos;
    private Path processedFile;
    private DecisionHandler handler;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        kitos = new FakeKitos();
        processedFile = dir.resolve("processed-event-ids.txt");
        handler = newHandler();
    }

    @AfterEach
    void stop() {
        kitos.close();
    }

    @Test
    void approvedDecisionLogsInFindsTheSystemAndRegistersItsUse() throws IOException {
        UUID system = kitos.addSystem("Borgerbooking Plus");
        kitos.addSystem("Rejseafregning");

        Result result = handler.handle("event-1", MUNICIPALITY, decision());

        assertThat(result.status()).isEqualTo(Status.REGISTERED);
        assertThat(result.message()).contains("IND-2026-0042", system.toString());
        assertThat(kitos.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST " + TOKEN_PATH, "GET " + SYSTEMS_PATH, "POST " + USAGES_PATH);

        JsonNode credentials = json.readTree(kitos.requests("POST", TOKEN_PATH).get(0).body());
        assertThat(credentials.path("email").asText()).isEqualTo(FakeKitos.EMAIL);
        assertThat(credentials.path("password").asText()).isEqualTo(FakeKitos.PASSWORD);

        FakeKitos.Request search = kitos.requests("GET", SYSTEMS_PATH).get(0);
        assertThat(search.rawQuery()).isEqualTo("nameContains=Borgerbooking%20Plus");
        assertThat(search.authorization()).isEqualTo("Bearer eyJ.fake-kitos-token-1");

        FakeKitos.Request post = kitos.requests("POST", USAGES_PATH).get(0);
        assertThat(post.authorization()).isEqualTo("Bearer eyJ.fake-kitos-token-1");
        JsonNode usage = json.readTree(post.body());
        assertThat(usage.path("systemUuid").asText()).isEqualTo(system.toString());
        assertThat(usage.path("organizationUuid").asText()).isEqualTo(ORGANIZATION.toString());
        assertThat(usage.path("general").path("notes").asText())
                .startsWith("Registreret af Indkøbsscreening: IND-2026-0042 godkendt med betingelser 2026-03-12.")
                .contains("- Login for medarbejdere via fælleskommunal adgangsstyring (SAML)")
                .endsWith("Screeningsrapport: https://indkoeb.demo-kommune.dk/api/requests/"
                          + "7c9e6679-7425-40de-944b-e07fc1f90ae7/report.pdf");
    }

    @Test
    void theSameEventTwiceRegistersOnceEvenAfterARestart() {
        kitos.addSystem("Borgerbooking Plus");

        assertThat(handler.handle("event-1", MUNICIPALITY, decision()).status()).isEqualTo(Status.REGISTERED);
        assertThat(handler.handle("event-1", MUNICIPALITY, decision()).status()).isEqualTo(Status.ALREADY_HANDLED);
        assertThat(newHandler().handle("event-1", MUNICIPALITY, decision()).status()).isEqualTo(Status.ALREADY_HANDLED);

        assertThat(kitos.requests("POST", USAGES_PATH)).hasSize(1);
    }

    @Test
    void aSystemTheOrganisationAlreadyUsesCountsAsRegistered() throws IOException {
        UUID system = kitos.addSystem("Borgerbooking Plus");
        kitos.addUsage(ORGANIZATION, system);

        Result result = handler.handle("event-1", MUNICIPALITY, decision());

        assertThat(result.status()).isEqualTo(Status.ALREADY_IN_USE);
        assertThat(result.message()).contains("already uses", system.toString());
        assertThat(Files.readAllLines(processedFile)).containsExactly("event-1");
    }

    @Test
    void aRejectedDecisionCallsNothing() throws IOException {
        kitos.addSystem("Borgerbooking Plus");

        Result result = handler.handle("event-1", MUNICIPALITY, decision(payload -> {
            payload.put("outcome", "REJECTED").put("recommendation", "REJECTED");
            payload.putArray("conditions");
        }));

        assertThat(result.status()).isEqualTo(Status.NOT_APPROVED);
        assertThat(kitos.requests()).isEmpty();
        assertThat(Files.readAllLines(processedFile)).containsExactly("event-1");
    }

    @Test
    void anUnknownSystemIsLeftToAPerson() {
        kitos.addSystem("Borgerbooking Plus");

        Result result = handler.handle("event-1", MUNICIPALITY, decision("systemName", "3D-tandskanning Øst"));

        assertThat(result.status()).isEqualTo(Status.REGISTER_BY_HAND);
        assertThat(result.message()).contains("IND-2026-0042", "no system", "3D-tandskanning Øst", "register by hand");
        assertThat(kitos.requests("GET", SYSTEMS_PATH).get(0).query()).containsEntry("nameContains", "3D-tandskanning Øst");
        assertThat(kitos.requests("POST", USAGES_PATH)).isEmpty();
    }

    @Test
    void severalMatchesWithoutAnExactNameAreLeftToAPerson() {
        kitos.addSystem("Borgerbooking Plus Web");
        kitos.addSystem("Borgerbooking Plus App");

        Result result = handler.handle("event-1", MUNICIPALITY, decision());

        assertThat(result.status()).isEqualTo(Status.REGISTER_BY_HAND);
        assertThat(result.message())
                .contains("not unambiguous", "2 matches", "Borgerbooking Plus Web", "Borgerbooking Plus App", "register by hand");
        assertThat(kitos.requests("POST", USAGES_PATH)).isEmpty();
    }

    @Test
    void anExactNameWinsOverLongerNamesIgnoringCase() throws IOException {
        kitos.addSystem("Borgerbooking Plus Web");
        UUID exact = kitos.addSystem("BORGERBOOKING plus");

        assertThat(handler.handle("event-1", MUNICIPALITY, decision()).status()).isEqualTo(Status.REGISTERED);

        assertThat(json.readTree(kitos.requests("POST", USAGES_PATH).get(0).body()).path("systemUuid").asText())
                .isEqualTo(exact.toString());
    }

    @Test
    void aSingleMatchIsTakenEvenIfTheNameIsLonger() throws IOException {
        UUID only = kitos.addSystem("Borgerbooking Plus (SaaS)");

        assertThat(handler.handle("event-1", MUNICIPALITY, decision()).status()).isEqualTo(Status.REGISTERED);

        assertThat(json.readTree(kitos.requests("POST", USAGES_PATH).get(0).body()).path("systemUuid").asText())
                .isEqualTo(only.toString());
    }

    @Test
    void theTokenIsReusedAndRenewedOnceWhenItHasExpired() {
        kitos.addSystem("Borgerbooking Plus");
        kitos.addSystem("Rejseafregning");

        handler.handle("event-1", MUNICIPALITY, decision());
        handler.handle("event-2", MUNICIPALITY, decision("systemName", "Rejseafregning"));
        assertThat(kitos.logins()).isEqualTo(1);

        kitos.expireTokens();
        kitos.addSystem("Sagsbehandling Ældre");
        Result result = handler.handle("event-3", MUNICIPALITY, decision("systemName", "Sagsbehandling Ældre"));

        assertThat(result.status()).isEqualTo(Status.REGISTERED);
        assertThat(kitos.logins()).isEqualTo(2);
        List<FakeKitos.Request> searches = kitos.requests("GET", SYSTEMS_PATH);
        assertThat(searches.get(searches.size() - 1).authorization()).isEqualTo("Bearer eyJ.fake-kitos-token-2");
    }

    @Test
    void aTokenRefusedAgainAfterANewLoginFailsInsteadOfLooping() {
        kitos.addSystem("Borgerbooking Plus");
        kitos.refuseAllTokens();

        assertThatThrownBy(() -> handler.handle("event-1", MUNICIPALITY, decision()))
                .isInstanceOf(KitosException.class)
                .hasMessageContaining("401");

        assertThat(kitos.logins()).isEqualTo(2);
        assertThat(processedFile).doesNotExist();
    }

    @Test
    void aServerErrorThrowsSoTheEventIsTriedAgain() {
        kitos.addSystem("Borgerbooking Plus");
        kitos.failUsagePostsWith(500);

        assertThatThrownBy(() -> handler.handle("event-1", MUNICIPALITY, decision()))
                .isInstanceOf(KitosException.class)
                .hasMessageContaining("500")
                .message().doesNotContain(FakeKitos.PASSWORD, "fake-kitos-token");
        assertThat(processedFile).doesNotExist();

        kitos.failUsagePostsWith(null);
        assertThat(handler.handle("event-1", MUNICIPALITY, decision()).status()).isEqualTo(Status.REGISTERED);
        assertThat(kitos.requests("POST", USAGES_PATH)).hasSize(2);
    }

    @Test
    void wrongCredentialsThrowWithoutThePassword() {
        DecisionHandler wrongPassword = new DecisionHandler(
                new KitosClient(kitos.baseUrl(), FakeKitos.EMAIL, "not-the-password", HttpClient.newHttpClient()),
                Organizations.single(ORGANIZATION), new ProcessedEventIds(processedFile));

        assertThatThrownBy(() -> wrongPassword.handle("event-1", MUNICIPALITY, decision()))
                .isInstanceOf(KitosException.class)
                .hasMessageContaining("refused the login")
                .message().doesNotContain("not-the-password");
    }

    @Test
    void aPayloadThatIsNoDecisionIsRecordedAndNotSent() {
        Result result = handler.handle("event-1", MUNICIPALITY, "{\"title\": 42".getBytes(StandardCharsets.UTF_8));

        assertThat(result.status()).isEqualTo(Status.INVALID_PAYLOAD);
        assertThat(kitos.requests()).isEmpty();
    }

    @Test
    void aDecisionOfAMunicipalityWithoutOrganisationIsRecordedAndNotSent() {
        kitos.addSystem("Borgerbooking Plus");
        DecisionHandler nordbysOnly = new DecisionHandler(
                new KitosClient(kitos.baseUrl(), FakeKitos.EMAIL, FakeKitos.PASSWORD, HttpClient.newHttpClient()),
                Organizations.of("nordby=" + ORGANIZATION, null), new ProcessedEventIds(processedFile));

        Result result = nordbysOnly.handle("event-1", "sydby", decision());

        assertThat(result).isEqualTo(new Result(Status.OTHER_MUNICIPALITY,
                "municipality sydby is not in KITOS_ORGANIZATIONS: skipped, registered in no organisation"));
        assertThat(nordbysOnly.handle("event-2", null, decision()).message())
                .isEqualTo("the event names no municipality (no ce_municipality header): skipped, registered in no organisation");
        assertThat(nordbysOnly.handle("event-1", "sydby", decision()).status()).isEqualTo(Status.ALREADY_HANDLED);
        assertThat(kitos.requests()).isEmpty();
    }

    private DecisionHandler newHandler() {
        KitosClient client = new KitosClient(kitos.baseUrl(), FakeKitos.EMAIL, FakeKitos.PASSWORD, HttpClient.newHttpClient());
        return new DecisionHandler(client, Organizations.single(ORGANIZATION), new ProcessedEventIds(processedFile));
    }

    /** The realistic decision.made payload of the test resources (valid per decision-made.v1.json), changed. */
    private byte[] decision(Consumer<ObjectNode> change) {
        try (InputStream in = getClass().getResourceAsStream("/decision-made.v1.json")) {
            ObjectNode payload = (ObjectNode) json.readTree(in);
            change.accept(payload);
            return json.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private byte[] decision(String field, String value) {
        return decision(payload -> payload.put(field, value));
    }

    private byte[] decision() {
        return decision(payload -> { });
    }
}
