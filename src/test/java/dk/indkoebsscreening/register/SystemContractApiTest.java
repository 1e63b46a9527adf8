package dk.indkoebsscreening.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A system's contract (start, end, notice period) and owner through the register's API: an approval makes the requester
 * the owner; coordinators set and correct them; others are refused and change nothing; dates that cannot be, and an
 * owner nobody is, are refused and change nothing.
 */
class SystemContractApiTest extends ApiTestBase {

    private static final String COORDINATOR = Lifecycle.COORDINATOR;
    private final ObjectMapper json = new ObjectMapper();

    private static Map<String, Object> system(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("vendor", "Kontraktværk A/S");
        return body;
    }

    private ApiClient.RawResponse put(String user, String id, Map<String, Object> body) throws IOException {
        return api.raw(user, "PUT", "/api/register/" + id, "application/json", json.writeValueAsBytes(body));
    }

    private String row(String id) {
        return jdbc.sql("select concat_ws('|', contract_start, contract_end, notice_months, owner, updated_at) from registered_system where id = ?")
                .param(UUID.fromString(id)).query(String.class).single();
    }

    @Test
    void anApprovalMakesTheRequesterTheOwner() {
        Map<String, Object> form = ApiClient.validRequest("Ejer af det godkendte system");
        form.put("systemName", "Ejersystem " + UUID.randomUUID().toString().substring(0, 8));
        String requestId = api.post("anna", "/api/requests", form).body().get("id").asText();
        lifecycle.accept(requestId);
        lifecycle.approveAll(requestId);
        lifecycle.decide(requestId, "APPROVED", null);

        JsonNode registered = api.get("anna", "/api/register?q=" + URLEncoder.encode((String) form.get("systemName"), StandardCharsets.UTF_8)).body().get("items").get(0);
        assertThat(registered.get("owner").asText()).isEqualTo("anna");
        assertThat(registered.get("requestId").asText()).isEqualTo(requestId);
        assertThat(registered.get("contractEnd").isNull()).isTrue();
    }

    @Test
    void coordinatorsSetTheContractAndOwnerAndNobodyElseDoes() throws IOException {
        String id = api.post(COORDINATOR, "/api/register", system("Kontraktsystem")).body().get("id").asText();
        Map<String, Object> contract = system("Kontraktsystem");
        contract.put("contractStart", "2024-03-01");
        contract.put("contractEnd", "2028-02-29");
        contract.put("noticeMonths", 6);
        contract.put("owner", "bent");

        String before = row(id);
        for (String user : List.of("anna", "bent", "sikkerhed", "kontrakt", "admin")) {
            assertThat(put(user, id, contract).status()).as(user).isEqualTo(403);
        }
        assertThat(row(id)).as("nothing changed").isEqualTo(before);

        ApiClient.RawResponse saved = put(COORDINATOR, id, contract);
        assertThat(saved.status()).isEqualTo(200);
        JsonNode system = api.get("anna", "/api/register/" + id).body();
        assertThat(system.get("contractStart").asText()).isEqualTo("2024-03-01");
        assertThat(system.get("contractEnd").asText()).isEqualTo("2028-02-29");
        assertThat(system.get("noticeMonths").asInt()).isEqualTo(6);
        assertThat(system.get("owner").asText()).isEqualTo("bent");
    }

    @Test
    void datesThatCannotBeAndAnUnknownOwnerAreRefusedAndChangeNothing() throws IOException {
        String id = api.post(COORDINATOR, "/api/register", system("Datosystem")).body().get("id").asText();
        String before = row(id);

        Map<String, Object> reversed = system("Datosystem");
        reversed.put("contractStart", "2027-01-01");
        reversed.put("contractEnd", "2026-12-31");
        ApiClient.RawResponse refused = put(COORDINATOR, id, reversed);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("contractEnd").contains("slutdato skal ligge efter");

        Map<String, Object> noDate = system("Datosystem");
        noDate.put("contractEnd", "2026-13-01");
        assertThat(put(COORDINATOR, id, noDate).status()).isEqualTo(400);

        Map<String, Object> noticeWithoutEnd = system("Datosystem");
        noticeWithoutEnd.put("noticeMonths", 3);
        assertThat(put(COORDINATOR, id, noticeWithoutEnd).status()).isEqualTo(400);

        Map<String, Object> longNotice = system("Datosystem");
        longNotice.put("contractEnd", "2030-01-01");
        longNotice.put("noticeMonths", 61);
        assertThat(put(COORDINATOR, id, longNotice).status()).isEqualTo(400);

        for (String slip : List.of("+999999999-12-31", "-999999999-01-01", "+20270-03-01", "2099-01-01")) {
            Map<String, Object> far = system("Datosystem");
            far.put("contractStart", "2024-01-01");
            far.put("contractEnd", slip);
            assertThat(put(COORDINATOR, id, far).status()).as(slip).isEqualTo(400);
        }
        Map<String, Object> ancientStart = system("Datosystem");
        ancientStart.put("contractStart", "0001-01-01");
        assertThat(put(COORDINATOR, id, ancientStart).status()).isEqualTo(400);

        Map<String, Object> nobody = system("Datosystem");
        nobody.put("owner", "ingen-saadan");
        ApiClient.RawResponse unknown = put(COORDINATOR, id, nobody);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("ingen-saadan");

        assertThat(row(id)).as("nothing changed").isEqualTo(before);
    }
}
