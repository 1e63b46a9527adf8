package dk.indkoebsscreening.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Files.Multipart;
import dk.indkoebsscreening.testsupport.Files.Part;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A condition's page: its owner adds a file and reports the condition with it, the area that set it verifies; and the
 * page's forms attacked with a logged-in session and a valid CSRF token by those who may not: refused, nothing changed.
 */
class ConditionPagesTest extends ApiTestBase {

    private String requestId;
    private String conditionId;
    private String page;

    @BeforeEach
    void approvedWithTheSecurityAreasCondition() {
        requestId = lifecycle.runToApprovalWithConditions("anna", "Hjemmeplejeplanlægning",
                Map.of(Area.SECURITY, List.of("Databehandleraftale underskrevet før idriftsættelse")));
        conditionId = api.details("anna", requestId).get("conditions").get(0).get("id").asText();
        page = "/anmodninger/" + requestId + "/betingelser/" + conditionId;
    }

    private static WebSession as(String user, int port) {
        WebSession session = new WebSession(port);
        session.login(user);
        return session;
    }

    private String state() {
        return jdbc.sql("select status || owner from condition_item where id = ?").param(UUID.fromString(conditionId))
                .query(String.class).single() + "/" + jdbc.sql("select count(*) from condition_change").query(Long.class).single()
                + "/" + outbox.count() + "/" + jdbc.sql("select count(*) from attachment").query(Long.class).single();
    }

    @Test
    void theOwnerAddsAFileAndReportsTheConditionWithItOnItsPageAndTheAreaVerifiesIt() {
        WebSession anna = as("anna", port);
        HttpResponse<String> shown = anna.get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Databehandleraftale underskrevet før idriftsættelse", "Meld betingelsen opfyldt");
        assertThat(anna.get("/anmodninger/" + requestId).body()).as("the request's page links to it").contains(page);

        Matcher task = Pattern.compile("opgave=([0-9a-f-]{36})").matcher(shown.body());
        assertThat(task.find()).isTrue();
        String token = anna.csrfToken(page);
        Multipart file = Files.multipart(new LinkedHashMap<>(Map.of("file", new Part("databehandleraftale.pdf", "application/pdf",
                Files.pdf("Databehandleraftale")))));
        HttpResponse<String> added = anna.postMultipart("/anmodninger/" + requestId + "/bilag?opgave=" + task.group(1)
                + "&betingelse=" + conditionId + "&_csrf=" + WebSession.encode(token), file.contentType(), file.body());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElseThrow()).contains(page);
        String fileId = jdbc.sql("select id::text from attachment where request_id = ? and step = 'CONDITION'")
                .param(UUID.fromString(requestId)).query(String.class).single();

        HttpResponse<String> blank = anna.postForm(page, page + "/meld", "text=&files=" + fileId);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Skriv, hvad der er gjort for at opfylde betingelsen.");

        assertThat(anna.postForm(page, page + "/meld", "text=" + WebSession.encode("Underskrevet af begge parter")
                + "&files=" + fileId).statusCode()).isEqualTo(302);
        assertThat(api.get("anna", "/api/requests/" + requestId + "/conditions/" + conditionId).body().get("evidence").get(0)
                .get("files").get(0).get("name").asText()).isEqualTo("databehandleraftale.pdf");

        WebSession expert = as("sikkerhed", port);
        assertThat(expert.get(page).body()).contains("Verificér betingelsen", "databehandleraftale.pdf");
        assertThat(expert.postForm(page, page + "/verificer", "").statusCode()).isEqualTo(302);
        assertThat(anna.get(page).body()).contains("Verificeret");
        assertThat(api.details("anna", requestId).get("status").asText()).isEqualTo("CONDITIONS_MET");
        assertThat(anna.get("/anmodninger/" + requestId).body()).contains("Godkendt – betingelser opfyldt");
    }

    @Test
    void aColleagueTheConditionIsHandedToNeitherSeesNorCitesTheRequestsFiles() {
        WebSession anna = as("anna", port);
        Matcher task = Pattern.compile("opgave=([0-9a-f-]{36})").matcher(anna.get(page).body());
        assertThat(task.find()).isTrue();
        Multipart file = Files.multipart(new LinkedHashMap<>(Map.of("file", new Part("loenaftale-fortrolig.pdf", "application/pdf",
                Files.pdf("Fortrolig")))));
        assertThat(anna.postMultipart("/anmodninger/" + requestId + "/bilag?opgave=" + task.group(1) + "&_csrf="
                + WebSession.encode(anna.csrfToken(page)), file.contentType(), file.body()).statusCode()).isEqualTo(302);
        String fileId = jdbc.sql("select id::text from attachment where request_id = ?").param(UUID.fromString(requestId))
                .query(String.class).single();
        assertThat(api.post("anna", "/api/requests/" + requestId + "/conditions/" + conditionId + "/owner",
                Map.of("owner", "bent")).status()).isEqualTo(204);

        WebSession bent = as("bent", port);
        HttpResponse<String> shown = bent.get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Meld betingelsen opfyldt").doesNotContain("loenaftale-fortrolig.pdf");
        String before = state();
        assertThat(api.post("bent", "/api/requests/" + requestId + "/conditions/" + conditionId + "/report",
                Map.of("text", "Gjort", "files", List.of(fileId))).status()).isEqualTo(400);
        assertThat(bent.postForm(page, page + "/meld", "text=Gjort&files=" + fileId).statusCode()).isEqualTo(400);
        assertThat(state()).as("nothing changed").isEqualTo(before);

        // The file bent adds on the condition's page is his to show as evidence.
        Multipart own = Files.multipart(new LinkedHashMap<>(Map.of("file", new Part("dpia-kvittering.pdf", "application/pdf",
                Files.pdf("Kvittering")))));
        HttpResponse<String> added = bent.postMultipart("/anmodninger/" + requestId + "/bilag?opgave=" + task.group(1)
                + "&betingelse=" + conditionId + "&_csrf=" + WebSession.encode(bent.csrfToken(page)), own.contentType(), own.body());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElseThrow()).contains(page);
        String ownId = jdbc.sql("select id::text from attachment where request_id = ? and added_by = 'bent'")
                .param(UUID.fromString(requestId)).query(String.class).single();
        assertThat(bent.get(page).body()).contains("dpia-kvittering.pdf").doesNotContain("loenaftale-fortrolig.pdf");
        assertThat(bent.postForm(page, page + "/meld", "text=Gjort&files=" + ownId).statusCode()).isEqualTo(302);
        assertThat(api.get("anna", "/api/requests/" + requestId + "/conditions/" + conditionId).body().get("evidence").get(0)
                .get("files").get(0).get("name").asText()).isEqualTo("dpia-kvittering.pdf");
        assertThat(api.get("bent", "/api/requests/" + requestId).status()).as("the request stays anna's").isEqualTo(404);
        assertThat(bent.get("/anmodninger/" + requestId + "/bilag/" + ownId).statusCode()).as("his own file").isEqualTo(200);
        assertThat(bent.get("/anmodninger/" + requestId + "/bilag/" + fileId).statusCode()).as("anna's file").isEqualTo(404);
    }

    @Test
    void anotherRequesterFindsNoConditionAndOtherRolesAreRefusedItsActions() {
        String before = state();
        WebSession bent = as("bent", port);
        assertThat(bent.get(page).statusCode()).isEqualTo(404);
        WebSession anna = as("anna", port);
        for (String action : List.of("/meld", "/verificer", "/send-tilbage", "/frafald", "/giv-videre")) {
            // bent's own session and token, on a page of his own
            assertThat(bent.postForm("/anmodninger", page + action, "text=x&reason=x&waiveReason=x&owner=bent").statusCode())
                    .as("bent " + action).isEqualTo(404);
        }
        WebSession expert = as("kontrakt", port);
        assertThat(expert.get(page).statusCode()).as("the expert group reads every request").isEqualTo(200);
        assertThat(expert.postForm(page, page + "/meld", "text=x").statusCode()).isEqualTo(403);
        assertThat(expert.postForm(page, page + "/frafald", "waiveReason=x").statusCode()).isEqualTo(403);
        assertThat(expert.postForm(page, page + "/giv-videre", "owner=kontrakt").statusCode()).isEqualTo(403);
        assertThat(anna.postForm(page, page + "/frafald", "waiveReason=x").statusCode()).isEqualTo(403);
        assertThat(as("sikkerhed", port).postForm(page, page + "/verificer", "").statusCode())
                .as("nothing is reported yet").isEqualTo(409);
        assertThat(as("koordinator", port).postForm(page, page + "/frafald", "waiveReason=").statusCode()).isEqualTo(400);
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }
}
