package dk.indkoebsscreening.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A group's stand-in of today invites the vendor as the group's members do, and no longer once their period is ended. (One
 * standing in for an absent expert is a member of the task's group or its stand-in: the hand-over gives the task to no one
 * else.)
 */
class VendorStandInTest extends VendorTestBase {

    /** An expert of an area the request below leaves out. */
    private static final String STAND_IN = Lifecycle.expertFor(Area.USER_MANAGEMENT);

    @Autowired
    DeadlineProperties deadlines;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from group_stand_in").update();
        jdbc.sql("delete from group_gap_warning").update();
    }

    @Test
    void theSecurityGroupsStandInInvitesAsAMemberWouldUntilTheirPeriodIsEnded() {
        UUID requestId = UUID.fromString(api.submit("anna", "Kun sikkerhed og kontrakt").get("id").asText());
        api.completeOk(Lifecycle.COORDINATOR, api.awaitTask(Lifecycle.COORDINATOR, requestId.toString(), "TRIAGE").get("id").asText(),
                Map.of("outcome", "ACCEPT", "areas", List.of("SECURITY", "CONTRACT"), "scopeReason", "Kun sikkerhed og kontrakt er nye."));
        assertThat(invitations.mayInvite(requestId, STAND_IN)).as("an expert of an area left out").isFalse();
        assertThatThrownBy(() -> invitations.invite(requestId, invite(), STAND_IN)).isInstanceOf(AccessDeniedException.class);

        LocalDate today = LocalDate.now(deadlines.zone());
        ApiClient.Response appointed = api.post(Lifecycle.COORDINATOR, "/api/stand-ins", Map.of("group", Area.SECURITY.candidateGroup(),
                "username", STAND_IN, "from", today.toString(), "to", today.plusDays(7).toString()));
        assertThat(appointed.status()).as(appointed.body().toString()).isBetween(200, 201);

        assertThat(invitations.mayInvite(requestId, STAND_IN)).isTrue();
        VendorInvitation invited = invitations.invite(requestId, invite(), STAND_IN);
        invitations.revoke(requestId, invited.id(), STAND_IN);
        assertThat(state(invited.id())).isEqualTo("REVOKED");

        assertThat(api.post(Lifecycle.COORDINATOR, "/api/stand-ins/" + appointed.body().get("id").asText() + "/end", null).status())
                .isEqualTo(204);
        assertThat(invitations.mayInvite(requestId, STAND_IN)).isFalse();
        assertThatThrownBy(() -> invitations.invite(requestId, invite(), STAND_IN)).isInstanceOf(AccessDeniedException.class);
        assertThat(rows("vendor_invitation", requestId)).isOne();
    }
}
