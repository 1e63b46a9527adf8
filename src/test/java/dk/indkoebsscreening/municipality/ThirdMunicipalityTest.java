package dk.indkoebsscreening.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.MadeUpMunicipalities;
import dk.indkoebsscreening.testsupport.WebSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 31's "a third municipality is added by an administrator without a restart": the shared organisation's
 * administrator adds it through the API, makes a person of it through Camunda's REST API (as Camunda Admin would), and
 * that person submits a request at once, which is the new municipality's alone.
 */
class ThirdMunicipalityTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THIRD = "test-tredjeby";
    private static final String REQUESTER = "test-tredjeby-anmoder";

    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;

    private final List<String> requests = new ArrayList<>();

    @AfterEach
    void removeTheMunicipality() {
        MadeUpMunicipalities.removeRequests(jdbc, runtime, THIRD, requests);
        identity.deleteUser(REQUESTER);
        MadeUpMunicipalities.remove(jdbc, identity, THIRD);
    }

    @Test
    void anAdministratorAddsAMunicipalityAndItsPersonSubmitsARequestThatIsItsAlone() throws Exception {
        assertThat(api.post("admin", "/api/municipalities", MunicipalitySettingsTest.settings(THIRD, "Tredjeby Kommune")).status())
                .isEqualTo(201);
        assertThat(engineRest("POST", "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", REQUESTER, "firstName", "Tilde", "lastName", "Tredje", "email", "tilde@tredjeby.example"),
                "credentials", Map.of("password", "demo"))).status()).isEqualTo(204);
        assertThat(engineRest("PUT", "/engine-rest/group/staff/members/" + REQUESTER, null).status()).isEqualTo(204);
        assertThat(engineRest("PUT", "/engine-rest/tenant/" + THIRD + "/user-members/" + REQUESTER, null).status()).isEqualTo(204);

        String id = api.submit(REQUESTER, "Tredjebys første indkøb").get("id").asText();
        requests.add(id);

        assertThat(api.get(REQUESTER, "/api/requests/" + id).status()).isEqualTo(200);
        assertThat(Tenancy.callAcross(() -> jdbc.sql("select tenant_id from purchase_request where id = ?::uuid").param(id)
                .query(String.class).single())).isEqualTo(THIRD);
        String process = Tenancy.callAs(THIRD, () -> jdbc.sql("select process_instance_id from purchase_request where id = ?::uuid")
                .param(id).query(String.class).single());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process).singleResult().getTenantId()).isEqualTo(THIRD);

        // Nordby's people do not see it, and its person sees nothing of Nordby's.
        assertThat(api.get("koordinator", "/api/requests/" + id).status()).isEqualTo(404);
        assertThat(api.get("koordinator", "/api/requests/search?q=Tredjebys").body().get("items")).isEmpty();
        String nordbys = Tenancy.callAcross(() -> jdbc.sql(
                        "select id::text from purchase_request where title = '3D-tandskanning' and tenant_id = 'nordby'")
                .query(String.class).single());
        assertThat(api.get(REQUESTER, "/api/requests/" + nordbys).status()).isEqualTo(404);
        assertThat(api.get(REQUESTER, "/api/requests/search?q=tandskanning").body().get("items")).isEmpty();
    }

    /** A request is always a municipality's: the shared organisation's administrator, who belongs to none, submits none. */
    @Test
    void theSharedOrganisationsAdministratorSubmitsNoRequest() {
        long before = Tenancy.callAcross(() -> jdbc.sql("select count(*) from purchase_request").query(Long.class).single());

        assertThat(api.post("admin", "/api/requests", ApiClient.validRequest("Fællesskabets eget indkøb")).status()).isEqualTo(403);
        WebSession admin = new WebSession(port);
        admin.login("admin");
        assertThat(admin.get("/anmodninger/ny").statusCode()).isEqualTo(403);
        assertThat(admin.get("/opgaver").body()).doesNotContain("href=\"/anmodninger/ny\"");

        assertThat(Tenancy.callAcross(() -> jdbc.sql("select count(*) from purchase_request").query(Long.class).single()))
                .isEqualTo(before);
    }

    private ApiClient.RawResponse engineRest(String method, String path, Object body) throws Exception {
        return api.raw("admin", method, path, "application/json", body == null ? new byte[0] : JSON.writeValueAsBytes(body));
    }
}
