package dk.indkoebsscreening.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiClient.Response;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/requests/{id}/vendor}: whoever reads the request reads its rounds, the coordinators and the request's experts
 * invite and revoke; another requester learns nothing, the requester and an administrator are refused, bad bodies are
 * refused with every problem, and each refusal leaves the invitations, events and mails as they were.
 */
class VendorApiTest extends ApiTestBase {

    @Test
    void readersReadTheRoundsAndOnlyTheCoordinatorsAndTheRequestsExpertsInviteAndRevoke() {
        String requestId = lifecycle.submitAndAccept("anna", "Leverandørens API");
        String base = "/api/requests/" + requestId + "/vendor";
        Map<String, Object> invite = invite("Vera Vendor", "vera@vendor.example", "EN");

        assertThat(api.get("bent", base).status()).as("another requester").isEqualTo(404);
        assertThat(api.post("bent", base + "/invitations", invite).status()).isEqualTo(404);
        assertThat(api.post("anna", base + "/invitations", invite).status()).as("the requester").isEqualTo(403);
        assertThat(api.post("admin", base + "/invitations", invite).status()).as("an administrator").isEqualTo(403);
        assertThat(api.get("anna", base).body().get("rounds")).isEmpty();
        assertNothingStored(requestId);

        Map<String, Object> unknownField = new LinkedHashMap<>(invite);
        unknownField.put("token", "x");
        Map<String, Object> firstWithFollowUps = new LinkedHashMap<>(invite);
        firstWithFollowUps.put("followUpQuestions", List.of("Hvor står backuppen?"));
        for (Object bad : List.of(Map.of(), invite("", "not-an-address", "FR"), invite("Vera\u0007", "vera@vendor.example", "EN"),
                unknownField, firstWithFollowUps, "[]")) {
            Response refused = api.post("koordinator", base + "/invitations", bad);
            assertThat(refused.status()).as(String.valueOf(bad)).isEqualTo(400);
            assertThat(refused.body().get("status").asInt()).isEqualTo(400);
        }
        Response problems = api.post("koordinator", base + "/invitations", invite("", "not-an-address", "EN"));
        assertThat(problems.body().get("errors").toString()).contains("contactName", "contactEmail");
        assertNothingStored(requestId);

        Response invited = api.post("sikkerhed", base + "/invitations", invite);
        assertThat(invited.status()).as(String.valueOf(invited.body())).isEqualTo(201);
        assertThat(invited.body().get("round").asInt()).isEqualTo(1);
        assertThat(invited.body().get("state").asText()).isEqualTo("OPEN");
        assertThat(invited.body().get("language").asText()).isEqualTo("EN");
        String invitationId = invited.body().get("id").asText();
        assertThat(api.post("koordinator", base + "/invitations", invite).status()).as("a round is open").isEqualTo(409);
        assertThat(invitations(requestId)).isEqualTo(1);

        for (String reader : List.of("anna", "sikkerhed", "koordinator", "admin")) {
            Response read = api.get(reader, base);
            assertThat(read.status()).as(reader).isEqualTo(200);
            assertThat(read.body().get("rounds").get(0).get("id").asText()).isEqualTo(invitationId);
            assertThat(read.body().get("rounds").get(0).get("expiresAt").asText()).isNotBlank();
        }

        String revoke = base + "/invitations/" + invitationId + "/revoke";
        assertThat(api.post("bent", revoke, null).status()).isEqualTo(404);
        assertThat(api.post("anna", revoke, null).status()).isEqualTo(403);
        assertThat(api.post("koordinator", base + "/invitations/" + UUID.randomUUID() + "/revoke", null).status()).isEqualTo(404);
        assertThat(outbox.payloadsOf(requestId, "vendor.revoked")).isEmpty();
        assertThat(api.post("koordinator", revoke, null).status()).isEqualTo(204);
        assertThat(api.post("koordinator", revoke, null).status()).as("revoked already").isEqualTo(409);
        assertThat(api.get("anna", base).body().get("rounds").get(0).get("state").asText()).isEqualTo("REVOKED");
        assertThat(outbox.payloadsOf(requestId, "vendor.revoked")).hasSize(1);
    }

    private static Map<String, Object> invite(String name, String address, String language) {
        return new LinkedHashMap<>(Map.of("contactName", name, "contactEmail", address, "language", language));
    }

    private void assertNothingStored(String requestId) {
        assertThat(invitations(requestId)).isZero();
        assertThat(outbox.typesOf(requestId)).noneMatch(type -> type.startsWith("vendor."));
        assertThat(jdbc.sql("select count(*) from mail_outbox where vendor_invitation_id is not null and request_id = ?")
                .param(UUID.fromString(requestId)).query(Long.class).single()).isZero();
    }

    private long invitations(String requestId) {
        return jdbc.sql("select count(*) from vendor_invitation where request_id = ?").param(UUID.fromString(requestId))
                .query(Long.class).single();
    }
}
