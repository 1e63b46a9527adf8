package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.testsupport.RequestFormFacts;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.RawHttp;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A double click, a retry after a lost answer or a resubmitted form makes one request, not two. */
class IdempotentSubmissionTest extends ApiTestBase {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theSameKeyAndContentMakeOneRequestAndTheRepeatGetsItBack() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] body = json.writeValueAsBytes(ApiClient.validRequest("Gentaget med nøgle"));

        RawHttp.Reply first = submit("anna", key, body);
        RawHttp.Reply repeat = submit("anna", key, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(json.readTree(repeat.body()).get("id")).isEqualTo(json.readTree(first.body()).get("id"));
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(requestsTitled("Gentaget med nøgle")).isEqualTo(1);
        assertThat(outbox.typesOf(json.readTree(first.body()).get("id").asText())).containsExactly("request.submitted");
    }

    @Test
    void concurrentRepeatsStillMakeOneRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] body = json.writeValueAsBytes(ApiClient.validRequest("Dobbeltklik samtidig"));
        ExecutorService clicks = Executors.newFixedThreadPool(8);
        try {
            List<Callable<RawHttp.Reply>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(() -> submit("anna", key, body));
            }
            List<String> ids = new ArrayList<>();
            for (Future<RawHttp.Reply> reply : clicks.invokeAll(all)) {
                assertThat(reply.get().status()).isEqualTo(201);
                ids.add(json.readTree(reply.get().body()).get("id").asText());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            clicks.shutdownNow();
        }
        assertThat(requestsTitled("Dobbeltklik samtidig")).isEqualTo(1);
    }

    @Test
    void aKeyUsedAgainForOtherContentIsRefusedWithWhatItMadeFirst() throws Exception {
        String key = UUID.randomUUID().toString();
        RawHttp.Reply first = submit("anna", key, json.writeValueAsBytes(ApiClient.validRequest("Første med nøglen")));
        String reference = json.readTree(first.body()).get("reference").asText();

        RawHttp.Reply other = submit("anna", key, json.writeValueAsBytes(ApiClient.validRequest("Anden med samme nøgle")));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body()).contains("Nøglen er allerede brugt til en anden anmodning (" + reference + ")");
        assertThat(requestsTitled("Anden med samme nøgle")).isZero();
        assertThat(submit("bent", key, json.writeValueAsBytes(ApiClient.validRequest("Bents egen"))).status())
                .as("keys belong to their requester").isEqualTo(201);
    }

    @Test
    void aKeyMustBeVisibleAscii() throws Exception {
        byte[] body = json.writeValueAsBytes(ApiClient.validRequest("Ugyldig nøgle"));
        for (String key : List.of("", " ", "x".repeat(256), "nøgle")) {
            RawHttp.Reply reply = submit("anna", key, body);
            assertThat(reply.status()).as("'" + key + "'").isEqualTo(400);
        }
        assertThat(requestsTitled("Ugyldig nøgle")).isZero();
    }

    @Test
    void theRequestFormsTokenIsUsedOnce() {
        WebSession browser = new WebSession(port);
        browser.login("anna");
        String page = browser.get("/anmodninger/ny").body();
        String token = hidden(page, "submissionToken");
        String csrf = hidden(page, "_csrf");
        String form = formFields("Sendt to gange fra formularen") + "&submissionToken=" + token + "&_csrf=" + csrf;

        HttpResponse<String> first = browser.send("POST", "/anmodninger/ny", "application/x-www-form-urlencoded", form.getBytes());
        HttpResponse<String> second = browser.send("POST", "/anmodninger/ny", "application/x-www-form-urlencoded", form.getBytes());

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(requestsTitled("Sendt to gange fra formularen")).isEqualTo(1);

        String edited = formFields("Rettet og sendt igen") + "&submissionToken=" + token + "&_csrf=" + csrf;
        HttpResponse<String> resent = browser.send("POST", "/anmodninger/ny", "application/x-www-form-urlencoded", edited.getBytes());
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.body()).contains("Denne formular er allerede sendt ind som IND-");
        assertThat(hidden(resent.body(), "submissionToken")).isNotEqualTo(token);
        assertThat(requestsTitled("Rettet og sendt igen")).isZero();

        String withoutToken = formFields("Uden token") + "&_csrf=" + csrf;
        HttpResponse<String> refused = browser.send("POST", "/anmodninger/ny", "application/x-www-form-urlencoded", withoutToken.getBytes());
        assertThat(refused.body()).contains("Kontrollér oplysningerne, og send formularen igen.");
        assertThat(requestsTitled("Uden token")).isZero();
    }

    private RawHttp.Reply submit(String user, String key, byte[] body) {
        return new RawHttp(port).send("POST", "/api/requests", Map.of("Authorization", RawHttp.basic(user),
                "Content-Type", "application/json", "Idempotency-Key", key), body);
    }

    private long requestsTitled(String title) {
        return jdbc.sql("select count(*) from purchase_request where title = ?").param(title).query(Long.class).single();
    }

    private static String formFields(String title) {
        return "title=" + WebSession.encode(title) + "&systemName=X&vendor=Y&need=Z&department=D&oneOffCostDkk=0"
                + "&annualCostDkk=0&contractYears=1&expectedUsers=1&personalDataCategories=NONE&hosting=ON_PREMISES"
                + "&hasIntegrations=false&desiredStartDate=" + LocalDate.now().plusMonths(1) + RequestFormFacts.FUNDING_AND_BENEFITS;
    }

    private static String hidden(String page, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as(name + " on the page").isTrue();
        return matcher.group(1);
    }
}
