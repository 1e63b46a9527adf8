package dk.indkoebsscreening.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import org.junit.jupiter.api.Test;

/** The process picture on a request's page: the viewer script (no version in the page) and the model it draws. */
class ProcessPictureTest extends ApiTestBase {

    @Test
    void theViewerIsServedWithoutAVersionInItsAddress() {
        ApiClient.RawResponse script = api.raw("anna", "GET", "/webjars/bpmn-js/dist/bpmn-navigated-viewer.production.min.js", null, null);

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
    }

    @Test
    void theModelIsForWhoeverMayReadTheRequest() {
        String requestId = api.submit("anna", "Procesbillede").get("id").asText();

        ApiClient.RawResponse own = api.raw("anna", "GET", "/anmodninger/" + requestId + "/proces.bpmn", null, null);
        ApiClient.RawResponse expert = api.raw("sikkerhed", "GET", "/anmodninger/" + requestId + "/proces.bpmn", null, null);
        ApiClient.RawResponse other = api.raw("bent", "GET", "/anmodninger/" + requestId + "/proces.bpmn", null, null);

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("id=\"PurchaseScreeningProcess\"");
        assertThat(expert.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("PurchaseScreeningProcess");
    }
}
