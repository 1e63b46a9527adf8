package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.security.Groups;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attacker's view of a group's stand-in: the period opens the group's tasks and nothing else (not the coordinators'
 * triage, not another area's screening, not the engine's own doors), closes when a coordinator ends it, and the forms
 * and API refuse what is forged, hostile or oversized without storing anything.
 */
class StandInAttackTest extends ApiTestBase {

    private static final String SECURITY = Area.SECURITY.candidateGroup();
    private static final String STAND_IN = Lifecycle.expertFor(Area.USER_MANAGEMENT);

    @Autowired
    AbsenceService absenceService;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from user_absence where username in (?, ?)").params(STAND_IN, Lifecycle.expertFor(Area.SECURITY)).update();
        jdbc.sql("delete from group_stand_in").update();
        jdbc.sql("delete from group_gap_warning").update();
    }

    @Test
    void aSecurityStandInReachesTheSecurityTaskAndNeitherTheTriageNorAnotherAreasScreening() {
        String triaged = api.submit("anna", "Stedfortræder må ikke triagere").get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, triaged, "TRIAGE").get("id").asText();
        String requestId = lifecycle.submitAndAccept("anna", "Stedfortræder kun for sikkerhed");
        String security = api.awaitTask(Lifecycle.expertFor(Area.SECURITY), requestId, "SCREENING").get("id").asText();
        String contract = api.awaitTask(Lifecycle.expertFor(Area.CONTRACT), requestId, "SCREENING").get("id").asText();
        assertThat(appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today, today.plusDays(3)).status()).isEqualTo(200);

        assertThat(api.tasks(STAND_IN)).extracting(task -> task.get("id").asText()).contains(security)
                .doesNotContain(triage, contract);
        for (String other : List.of(triage, contract)) {
            assertThat(api.get(STAND_IN, "/api/tasks/" + other).status()).as(other).isEqualTo(403);
            assertThat(api.post(STAND_IN, "/api/tasks/" + other + "/claim", null).status()).as(other).isEqualTo(403);
            assertThat(api.raw(STAND_IN, "GET", "/engine-rest/task/" + other, null, null).status()).isIn(401, 403);
            assertThat(api.raw(STAND_IN, "GET", "/camunda/api/engine/engine/default/task/" + other, null, null).status())
                    .isIn(401, 403);
            assertThat(assignee(other)).as("nobody took it").isNull();
        }
        assertThat(api.complete(STAND_IN, triage, Map.of("outcome", "ACCEPT")).status()).isEqualTo(403);
        assertThat(api.complete(STAND_IN, contract, lifecycle.approval(Area.CONTRACT)).status()).isEqualTo(403);
        WebSession page = new WebSession(port);
        page.login(STAND_IN);
        assertThat(page.get("/opgaver/" + triage).statusCode()).isIn(403, 404);
        assertThat(page.get("/opgaver/" + contract).statusCode()).isIn(403, 404);
        assertThat(historyBy(STAND_IN, triaged, requestId)).as("nothing recorded").isZero();
        assertThat(openTasks(triage, contract)).as("both still open").isEqualTo(2);
    }

    @Test
    void aStandInEndedEarlyKeepsNoClaimedTaskAndTwoOverlappingPeriodsCountAsTwo() {
        String requestId = lifecycle.submitAndAccept("anna", "Stedfortræder afsat før tid");
        String task = api.awaitTask(Lifecycle.expertFor(Area.SECURITY), requestId, "SCREENING").get("id").asText();
        UUID first = UUID.fromString(appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today, today.plusDays(3)).body()
                .get("id").asText());
        assertThat(api.post(STAND_IN, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);

        assertThat(api.post(Lifecycle.COORDINATOR, "/api/stand-ins/" + first + "/end", null).status()).isEqualTo(204);
        assertThat(api.get(STAND_IN, "/api/tasks/" + task).status()).isEqualTo(403);
        assertThat(api.complete(STAND_IN, task, lifecycle.approval(Area.SECURITY)).status()).isEqualTo(403);
        assertThat(api.post(STAND_IN, "/api/tasks/" + task + "/unclaim", null).status()).isEqualTo(403);
        assertThat(api.post(STAND_IN, "/api/tasks/" + task + "/assign", Map.of("assignee", STAND_IN)).status()).isEqualTo(403);
        assertThat(history(requestId, "AREA_SCREENED")).as("not screened").isZero();
        absenceService.returnTasksOfAbsentUsers();
        assertThat(assignee(task)).as("back to the group").isNull();
        assertThat(api.post(Lifecycle.COORDINATOR, "/api/stand-ins/" + first + "/end", null).status()).as("ending twice")
                .isEqualTo(204);
        assertThat(jdbc.sql("select ended_by from group_stand_in where id = ?").param(first).query(String.class).single())
                .isEqualTo(Lifecycle.COORDINATOR);
    }

    @Test
    void aSecondAppointmentOfTheSamePersonForTheSameGroupAndDaysIsRefusedSoEndingOneEndsTheirAccess() {
        String requestId = lifecycle.submitAndAccept("anna", "Stedfortræder udnævnt to gange");
        String task = api.awaitTask(Lifecycle.expertFor(Area.SECURITY), requestId, "SCREENING").get("id").asText();
        JsonNode first = appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today, today.plusDays(5)).body();
        ApiClient.Response again = appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today.plusDays(2), today.plusDays(9));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(400);
        assertThat(again.body().toString()).contains("Bo Brugerstyring er allerede stedfortræder for gruppen i perioden.");
        assertThat(standIns()).isEqualTo(1);
        assertThat(appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today.plusDays(6), today.plusDays(9)).status())
                .as("the days after").isEqualTo(200);
        assertThat(appoint(Lifecycle.COORDINATOR, Area.CONTRACT.candidateGroup(), STAND_IN, today, today.plusDays(5)).status())
                .as("another group").isEqualTo(200);

        assertThat(api.post(Lifecycle.COORDINATOR, "/api/stand-ins/" + first.get("id").asText() + "/end", null).status())
                .isEqualTo(204);
        assertThat(api.get(STAND_IN, "/api/tasks/" + task).status()).as("ended means ended").isEqualTo(403);
        assertThat(appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today, today.plusDays(5)).status())
                .as("an ended appointment is no obstacle").isEqualTo(200);
    }

    @Test
    void aSecurityStandInVerifiesASecurityConditionAsAMemberWouldAndNotAContractOne() {
        String requestId = lifecycle.runToApprovalWithConditions("anna", "Betingelser under fravær", Map.of(
                Area.SECURITY, List.of("DPIA godkendt af DPO"), Area.CONTRACT, List.of("Databehandleraftale underskrevet")));
        JsonNode conditions = api.details("anna", requestId).get("conditions");
        String security = conditions.get(0).get("id").asText();
        String contract = conditions.get(1).get("id").asText();
        String path = "/api/requests/" + requestId + "/conditions/";
        assertThat(api.post("anna", path + security + "/report", Map.of("text", "Godkendt 3. marts")).status()).isEqualTo(204);
        assertThat(api.post("anna", path + contract + "/report", Map.of("text", "Underskrevet")).status()).isEqualTo(204);
        assertThat(appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today, today.plusDays(3)).status()).isEqualTo(200);

        String verifyTask = api.tasks(STAND_IN).stream()
                .filter(task -> task.get("requestId").asText().equals(requestId) && task.get("type").asText().equals("VERIFY_CONDITION"))
                .map(task -> task.get("id").asText()).findFirst().orElseThrow();
        WebSession page = new WebSession(port);
        page.login(STAND_IN);
        assertThat(page.get("/opgaver/" + verifyTask).body()).as("the task page offers the condition to verify")
                .contains("DPIA godkendt af DPO");
        assertThat(api.post(STAND_IN, path + contract + "/verify", null).status()).as("not the contract's").isEqualTo(403);
        assertThat(api.get("anna", path + contract).body().get("status").asText()).isEqualTo("REPORTED");
        assertThat(api.post(STAND_IN, path + security + "/verify", null).status()).isEqualTo(204);
        assertThat(api.get("anna", path + security).body().get("status").asText()).isEqualTo("VERIFIED");
    }

    @Test
    void endingAStandInWhosePeriodIsOverLeavesTheRecordAsItWas() {
        UUID appointed = UUID.fromString(appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today, today.plusDays(3)).body()
                .get("id").asText());
        jdbc.sql("update group_stand_in set starts_on = ?, ends_on = ? where id = ?")
                .params(today.minusDays(5), today.minusDays(1), appointed).update();
        assertThat(api.post(Lifecycle.COORDINATOR, "/api/stand-ins/" + appointed + "/end", null).status()).isEqualTo(204);
        assertThat(jdbc.sql("select ended_by is null and ended_at is null from group_stand_in where id = ?").param(appointed)
                .query(Boolean.class).single()).as("not recorded as ended early by a coordinator").isTrue();
    }

    @Test
    void aStandInTakenOutOfEveryGroupDuringThePeriodHoldsNoneOfTheGroupsTasks() {
        String requestId = lifecycle.submitAndAccept("anna", "Stedfortræder fratrådt");
        String task = api.awaitTask(Lifecycle.expertFor(Area.SECURITY), requestId, "SCREENING").get("id").asText();
        assertThat(appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today, today.plusDays(12)).status()).isEqualTo(200);
        assertThat(api.post(STAND_IN, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);
        String ownGroup = Area.USER_MANAGEMENT.candidateGroup();
        identity.deleteMembership(STAND_IN, ownGroup);
        try {
            assertThat(api.get(STAND_IN, "/api/tasks/" + task).status()).isIn(401, 403);
            assertThat(api.complete(STAND_IN, task, lifecycle.approval(Area.SECURITY)).status()).isIn(401, 403);
            assertThat(history(requestId, "AREA_SCREENED")).as("not screened").isZero();

            // Nor does such a stand-in cover the group: with its only member away, the coordinators are warned.
            assertThat(raw(Lifecycle.expertFor(Area.SECURITY), "PUT", "/api/me/absence",
                    Map.of("from", today.toString(), "to", today.plusDays(12).toString())).status()).isEqualTo(200);
            absenceService.returnTasksOfAbsentUsers();
            assertThat(jdbc.sql("select group_id from group_gap_warning where resolved_at is null").query(String.class).list())
                    .containsExactly(SECURITY);
        } finally {
            identity.createMembership(STAND_IN, ownGroup);
        }
    }

    @Test
    void anExpertCannotAppointThemselvesNorEndAStandInAndNothingIsStored() {
        assertThat(appoint(STAND_IN, SECURITY, STAND_IN, today, today.plusDays(3)).status()).isEqualTo(403);
        assertThat(appoint(STAND_IN, Groups.COORDINATORS, STAND_IN, today, today.plusDays(3)).status()).isEqualTo(403);
        WebSession expert = new WebSession(port);
        expert.login(STAND_IN);
        assertThat(expert.postForm("/indstillinger", "/opgaver/fravaer",
                "group=" + SECURITY + "&username=" + STAND_IN + "&from=" + today + "&to=" + today.plusDays(3)).statusCode())
                .isEqualTo(403);
        assertThat(standIns()).isZero();
        UUID appointed = UUID.fromString(appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today, today.plusDays(3)).body()
                .get("id").asText());
        assertThat(api.post(STAND_IN, "/api/stand-ins/" + appointed + "/end", null).status()).isEqualTo(403);
        assertThat(jdbc.sql("select ended_at is null from group_stand_in").query(Boolean.class).single()).isTrue();
    }

    @Test
    void theNewFormsRefuseAPostWithoutTheCsrfTokenAndStoreNothing() {
        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        String fields = "group=" + SECURITY + "&username=" + STAND_IN + "&from=" + today + "&to=" + today.plusDays(3);
        assertThat(postWithoutToken(coordinator, "/opgaver/fravaer", fields).statusCode()).isEqualTo(403);
        assertThat(standIns()).isZero();
        UUID appointed = UUID.fromString(appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today, today.plusDays(3)).body()
                .get("id").asText());
        assertThat(postWithoutToken(coordinator, "/opgaver/fravaer/" + appointed + "/afslut", "").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select ended_at is null from group_stand_in").query(Boolean.class).single()).isTrue();

        WebSession expert = new WebSession(port);
        expert.login(STAND_IN);
        assertThat(postWithoutToken(expert, "/indstillinger/fravaer", "from=" + today + "&to=" + today.plusDays(2)).statusCode())
                .isEqualTo(403);
        assertThat(absences()).isZero();
    }

    @Test
    void hostileOrOversizedInputIsAProblemAndNothingIsStored() {
        String huge = "x".repeat(10_000);
        List<Map<String, Object>> bodies = List.of(
                body(huge, STAND_IN, today, today.plusDays(1)),
                body(SECURITY, huge, today, today.plusDays(1)),
                body(SECURITY, STAND_IN + "\u202e", today, today.plusDays(1)),
                body(SECURITY + "\u0000", STAND_IN, today, today.plusDays(1)),
                body("<script>alert(1)</script>", STAND_IN, today, today.plusDays(1)),
                Map.of("group", SECURITY, "username", STAND_IN, "from", "2026-02-30", "to", today.toString()),
                Map.of("group", List.of(SECURITY), "username", STAND_IN, "from", today.toString(), "to", today.toString()),
                Map.of("group", SECURITY, "username", STAND_IN, "from", today.toString(), "to", "+999999999-12-31"));
        for (Map<String, Object> body : bodies) {
            ApiClient.RawResponse reply = raw(Lifecycle.COORDINATOR, "POST", "/api/stand-ins", body);
            assertThat(reply.status()).as(body.toString()).isEqualTo(400);
            assertThat(reply.header("content-type")).startsWith("application/problem+json");
        }
        assertThat(raw(Lifecycle.COORDINATOR, "POST", "/api/stand-ins", List.of()).status()).isEqualTo(400);
        assertThat(standIns()).as("nothing stored").isZero();

        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("from", today.toString(), "to", today.plusDays(1).toString(), "standIn", huge),
                Map.of("from", today.toString(), "to", today.plusDays(1).toString(), "standIn", "sikkerhed\u202e"),
                Map.of("from", today.toString(), "to", today.plusDays(1).toString(), "standIn", List.of("sikkerhed")))) {
            ApiClient.RawResponse reply = raw(STAND_IN, "PUT", "/api/me/absence", body);
            assertThat(reply.status()).as(body.toString()).isEqualTo(400);
            assertThat(reply.header("content-type")).startsWith("application/problem+json");
        }
        assertThat(absences()).as("nothing stored").isZero();

        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        assertThat(coordinator.postForm("/opgaver/fravaer", "/opgaver/fravaer",
                "group=" + WebSession.encode(huge) + "&username=" + STAND_IN + "&from=" + today + "&to=" + today).statusCode())
                .isEqualTo(400);
        assertThat(standIns()).isZero();
    }

    @Test
    void oddlyEncodedIdsOfAStandInAreRefusedAndEndNothing() {
        UUID appointed = UUID.fromString(appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today, today.plusDays(3)).body()
                .get("id").asText());
        for (String id : List.of("not-a-uuid", appointed.toString().toUpperCase() + "%00",
                "..%2F" + appointed, appointed + "%2Fend", "'%20or%201=1--")) {
            assertThat(api.post(Lifecycle.COORDINATOR, "/api/stand-ins/" + id + "/end", null).status()).as(id).isIn(400, 404);
        }
        assertThat(jdbc.sql("select ended_at is null from group_stand_in").query(Boolean.class).single()).as("still in force").isTrue();
    }

    private static Map<String, Object> body(String group, String username, LocalDate from, LocalDate to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group", group);
        body.put("username", username);
        body.put("from", from.toString());
        body.put("to", to.toString());
        return body;
    }

    private ApiClient.Response appoint(String user, String group, String username, LocalDate from, LocalDate to) {
        return api.post(user, "/api/stand-ins", body(group, username, from, to));
    }

    private ApiClient.RawResponse raw(String user, String method, String path, Object body) {
        try {
            return api.raw(user, method, path, "application/json", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.net.http.HttpResponse<String> postWithoutToken(WebSession session, String path, String fields) {
        return session.send("POST", path, "application/x-www-form-urlencoded", fields.getBytes(StandardCharsets.UTF_8));
    }

    private long standIns() {
        return jdbc.sql("select count(*) from group_stand_in").query(Long.class).single();
    }

    private long absences() {
        return jdbc.sql("select count(*) from user_absence where username = ?").param(STAND_IN).query(Long.class).single();
    }

    private long historyBy(String actor, String... requestIds) {
        return jdbc.sql("select count(*) from case_history where actor = :actor and request_id in (:ids)").param("actor", actor)
                .param("ids", java.util.Arrays.stream(requestIds).map(UUID::fromString).toList()).query(Long.class).single();
    }

    private long history(String requestId, String kind) {
        return jdbc.sql("select count(*) from case_history where request_id = ? and kind = ?")
                .params(UUID.fromString(requestId), kind).query(Long.class).single();
    }

    private long openTasks(String... ids) {
        return jdbc.sql("select count(*) from act_ru_task where id_ in (:ids)").param("ids", List.of(ids)).query(Long.class).single();
    }

    private String assignee(String taskId) {
        return jdbc.sql("select assignee_ from act_ru_task where id_ = ?").param(taskId)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }
}
