package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 2026-27 kroner value of the EU threshold is not shipped (only the euro value is): the administrators are told on
 * their pages, and nobody else sees the gap, not on a small purchase's pages nor in its flags.
 */
class ThresholdNoticeTest extends ApiTestBase {

    private static final String NOTICE = "Tærskelværdien i kroner for i dag";

    @Test
    void anAdministratorIsToldOnTheirPages() {
        WebSession admin = new WebSession(port);
        admin.login("admin");
        String page = admin.get("/admin/mails").body();
        assertThat(page).contains("id=\"threshold-notice\"").contains(NOTICE).contains("Tærskelværdier 2026 og 2027");
    }

    @Test
    void nobodyElseSeesItNotEvenOnASmallPurchase() {
        Map<String, Object> small = ApiClient.validRequest("Skærmoptager");
        small.put("oneOffCostDkk", 0);
        small.put("annualCostDkk", 9600);
        small.put("contractYears", 1);
        small.put("personalDataCategories", java.util.List.of("NONE"));
        small.remove("integrations");
        ApiClient.Response response = api.post("anna", "/api/requests", small);
        assertThat(response.status()).isEqualTo(201);
        String id = response.body().get("id").asText();

        assertThat(api.details("koordinator", id).get("scope").get("proposed").toString()).doesNotContain("EU_THRESHOLD_UNKNOWN");
        for (Map.Entry<String, String> visit : Map.of("anna", "/anmodninger/" + id, "koordinator", "/anmodninger/" + id,
                "kontrakt", "/opgaver", "sikkerhed", "/anmodninger/alle").entrySet()) {
            WebSession session = new WebSession(port);
            session.login(visit.getKey());
            String page = session.get(visit.getValue()).body();
            assertThat(page).as("%s on %s", visit.getKey(), visit.getValue()).contains("<main")
                    .doesNotContain("threshold-notice").doesNotContain(NOTICE).doesNotContain("ikke oplyst")
                    .doesNotContain("Tæt på EU");
        }
    }
}
