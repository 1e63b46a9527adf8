package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Absence with a stand-in on the whole application: an absent expert's tasks go to the colleague they named; a group
 * whose only member is away before a deadline warns the coordinators once (inbox and mail); a coordinator appoints a
 * stand-in from outside the group who sees, takes and completes the group's task while the period lasts, and not a day
 * longer; and nobody else appoints, nor appoints someone who may not read the request.
 */
class GroupCoverApiTest extends ApiTestBase {

    private static final String SECURITY = Area.SECURITY.candidateGroup();
    private static final String ONLY_EXPERT = Lifecycle.expertFor(Area.SECURITY);
    private static final String STAND_IN = Lifecycle.expertFor(Area.USER_MANAGEMENT);
    private static final String COLLEAGUE = "sofie-kollega";

    @Autowired
    IdentityService identity;
    @Autowired
    AbsenceService absenceService;
    @Autowired
    TaskService taskService;
    @Autowired
    DataSource dataSource;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    private java.sql.Timestamp testStart;

    @BeforeEach
    void remember() {
        testStart = jdbc.sql("select now()").query(java.sql.Timestamp.class).single();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from user_absence where username in (?, ?, ?)").params(ONLY_EXPERT, STAND_IN, COLLEAGUE).update();
        jdbc.sql("delete from group_stand_in").update();
        jdbc.sql("delete from group_gap_warning").update();
        if (identity.createUserQuery().userId(COLLEAGUE).count() > 0) {
            identity.deleteUser(COLLEAGUE);
        }
    }

    @Test
    void theOnlyExpertAwayBeforeTheDeadlineWarnsTheCoordinatorsOnceAndTheirStandInCompletesTheTask() {
        String requestId = lifecycle.submitAndAccept("anna", "Stedfortræder for sikkerhed");
        String task = api.awaitTask(ONLY_EXPERT, requestId, "SCREENING").get("id").asText();
        assertThat(warnings()).isEmpty();

        assertThat(markAbsence(ONLY_EXPERT, today, today.plusDays(12), null).status()).isEqualTo(200);

        JsonNode cover = api.get(Lifecycle.COORDINATOR, "/api/stand-ins").body();
        assertThat(cover.get("warnings")).hasSize(1);
        JsonNode warning = cover.get("warnings").get(0).get("gap");
        assertThat(warning.get("group").asText()).isEqualTo(SECURITY);
        assertThat(warning.get("from").asText()).isEqualTo(today.toString());
        assertThat(warning.get("to").asText()).isEqualTo(today.plusDays(12).toString());
        assertThat(cover.get("warnings").get(0).get("tasks")).as("the very tasks, not only a number")
                .extracting(listed -> listed.get("id").asText()).contains(task);
        assertThat(coverMails()).as("one mail to the coordinator").containsExactly("koordinator@demo.kommune.dk");
        assertThat(jdbc.sql("select subject from mail_outbox where kind = 'GROUP_UNCOVERED' and created_at >= ?").param(testStart)
                .query(String.class).single()).startsWith("Ingen til stede i Sikkerhed");

        // Checked again and again, and the same absence saved again: no second mail.
        absenceService.returnTasksOfAbsentUsers();
        absenceService.returnTasksOfAbsentUsers();
        assertThat(markAbsence(ONLY_EXPERT, today, today.plusDays(12), null).status()).isEqualTo(200);
        assertThat(coverMails()).hasSize(1);
        assertThat(warnings()).hasSize(1);

        // Not the stand-in's inbox yet.
        assertThat(api.get(STAND_IN, "/api/tasks/" + task).status()).isEqualTo(403);
        assertThat(api.post(STAND_IN, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(403);

        ApiClient.Response appointed = appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today, today.plusDays(12));
        assertThat(appointed.status()).as(appointed.body().toString()).isEqualTo(200);
        assertThat(warnings()).as("covered").isEmpty();
        assertThat(api.get(Lifecycle.COORDINATOR, "/api/stand-ins").body().get("standIns"))
                .extracting(standIn -> standIn.get("username").asText()).containsExactly(STAND_IN);

        JsonNode seen = api.awaitTask(STAND_IN, requestId, "SCREENING");
        assertThat(seen.get("id").asText()).isEqualTo(task);
        assertThat(api.post(STAND_IN, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);
        api.completeOk(STAND_IN, task, lifecycle.approval(Area.SECURITY));
        assertThat(history(requestId, "AREA_SCREENED")).extracting(row -> row.get("actor")).containsExactly(STAND_IN);
    }

    @Test
    void nobodyButACoordinatorAppointsAndOnlySomeoneWhoMayReadTheRequestsOutsideTheGroupAndPresent() {
        String body = "/api/stand-ins";
        assertThat(api.get("anna", body).status()).as("a requester").isEqualTo(403);
        assertThat(api.get(STAND_IN, body).status()).as("an expert").isEqualTo(403);
        assertThat(appoint("anna", SECURITY, STAND_IN, today, today.plusDays(3)).status()).isEqualTo(403);
        assertThat(appoint(ONLY_EXPERT, SECURITY, STAND_IN, today, today.plusDays(3)).status()).isEqualTo(403);

        ApiClient.Response requester = appoint(Lifecycle.COORDINATOR, SECURITY, "anna", today, today.plusDays(3));
        assertThat(requester.status()).as("a requester may not read others' requests").isEqualTo(400);
        assertThat(requester.body().toString()).contains("Vælg en koordinator eller ekspert, som ikke er med i gruppen.");
        assertThat(appoint(Lifecycle.COORDINATOR, SECURITY, ONLY_EXPERT, today, today.plusDays(3)).status())
                .as("a member of the group").isEqualTo(400);
        assertThat(appoint(Lifecycle.COORDINATOR, "camunda-admin", STAND_IN, today, today.plusDays(3)).status())
                .as("not a group with tasks").isEqualTo(400);
        assertThat(appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today.plusDays(3), today).status()).isEqualTo(400);
        assertThat(markAbsence(STAND_IN, today.plusDays(2), today.plusDays(4), null).status()).isEqualTo(200);
        ApiClient.Response away = appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today, today.plusDays(3));
        assertThat(away.status()).isEqualTo(400);
        assertThat(away.body().toString()).contains("Bo Brugerstyring er selv fraværende i perioden.");
        assertThat(jdbc.sql("select count(*) from group_stand_in").query(Long.class).single()).as("nothing saved").isZero();

        assertThat(api.post("anna", body + "/" + UUID.randomUUID() + "/end", null).status()).isEqualTo(403);
        assertThat(api.post(Lifecycle.COORDINATOR, body + "/" + UUID.randomUUID() + "/end", null).status()).isEqualTo(404);
    }

    @Test
    void theCoordinatorsPageRefusesEveryoneElseAndTheirPostsChangeNothing() {
        String fields = "group=" + SECURITY + "&username=" + STAND_IN + "&from=" + today + "&to=" + today.plusDays(3);
        for (String user : List.of("anna", ONLY_EXPERT, STAND_IN)) {
            WebSession page = new WebSession(port);
            page.login(user);
            assertThat(page.get("/opgaver/fravaer").statusCode()).as(user).isEqualTo(403);
            // Any page's token: the refusal is for who they are, not for a missing token.
            assertThat(page.postForm("/indstillinger", "/opgaver/fravaer", fields).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(jdbc.sql("select count(*) from group_stand_in").query(Long.class).single()).as("nothing saved").isZero();

        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        assertThat(coordinator.get("/opgaver/fravaer").statusCode()).isEqualTo(200);
        assertThat(coordinator.postForm("/opgaver/fravaer", "/opgaver/fravaer", fields).statusCode()).isEqualTo(302);
        UUID appointed = jdbc.sql("select id from group_stand_in").query(UUID.class).single();
        WebSession expert = new WebSession(port);
        expert.login(STAND_IN);
        assertThat(expert.postForm("/indstillinger", "/opgaver/fravaer/" + appointed + "/afslut", "").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select ended_at is null from group_stand_in").query(Boolean.class).single()).as("still in force").isTrue();
        assertThat(coordinator.postForm("/opgaver/fravaer", "/opgaver/fravaer/" + appointed + "/afslut", "").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select ended_by from group_stand_in").query(String.class).single()).isEqualTo(Lifecycle.COORDINATOR);
    }

    @Test
    void theStandInsDoorClosesWhenThePeriodEndsAndTheTaskGoesBackToTheGroup() throws SQLException {
        String requestId = lifecycle.submitAndAccept("anna", "Stedfortræderens periode slutter");
        String task = api.awaitTask(ONLY_EXPERT, requestId, "SCREENING").get("id").asText();
        assertThat(markAbsence(ONLY_EXPERT, today, today.plusDays(12), null).status()).isEqualTo(200);
        JsonNode appointed = appoint(Lifecycle.COORDINATOR, SECURITY, STAND_IN, today, today.plusDays(12)).body();
        assertThat(api.post(STAND_IN, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);

        // The period is over (as if its last day was yesterday): the door closes at once, before any check. The scheduled
        // check that hands such tasks back waits on this lock of the task's row, so the task is still the stand-in's.
        try (Connection holdsTheTask = dataSource.getConnection()) {
            holdsTheTask.setAutoCommit(false);
            try (PreparedStatement lock = holdsTheTask.prepareStatement("select 1 from act_ru_task where id_ = ? for update")) {
                lock.setString(1, task);
                lock.executeQuery().close();
            }
            jdbc.sql("update group_stand_in set starts_on = ?, ends_on = ? where id = ?")
                    .params(today.minusDays(5), today.minusDays(1), UUID.fromString(appointed.get("id").asText())).update();
            assertThat(assignee(task)).isEqualTo(STAND_IN);
            assertThat(api.get(STAND_IN, "/api/tasks/" + task).status()).isEqualTo(403);
            assertThat(api.complete(STAND_IN, task, lifecycle.approval(Area.SECURITY)).status()).isEqualTo(403);
            assertThat(api.tasks(STAND_IN)).extracting(listed -> listed.get("id").asText()).doesNotContain(task);
            assertThat(api.raw(STAND_IN, "GET", "/engine-rest/task/" + task, null, null).status()).as("the engine's door").isIn(401, 403);
            assertThat(api.raw(STAND_IN, "GET", "/camunda/api/engine/engine/default/task/" + task, null, null).status()).isIn(401, 403);
            holdsTheTask.rollback();
        }

        absenceService.returnTasksOfAbsentUsers();
        assertThat(assignee(task)).as("back to the group").isNull();
        assertThat(history(requestId, "TASK_RETURNED_STAND_IN_OVER")).extracting(row -> row.get("actor")).containsExactly(STAND_IN);
        assertThat(jdbc.sql("select count(*) from act_ru_task where id_ = ?").param(task).query(Long.class).single())
                .as("still open").isEqualTo(1);
        assertThat(warnings()).as("the group is without anyone again").hasSize(1);
        assertThat(coverMails()).as("the same period: not mailed again").hasSize(1);
    }

    @Test
    void anAbsentExpertsTaskGoesToTheColleagueTheyNamedAndOnlyAPresentColleagueOfTheGroupMayBeNamed() {
        User sofie = identity.newUser(COLLEAGUE);
        sofie.setFirstName("Sofie");
        sofie.setLastName("Sikker");
        sofie.setEmail("sofie-kollega@demo.kommune.dk");
        sofie.setPassword("demo");
        identity.saveUser(sofie);
        identity.createMembership(COLLEAGUE, SECURITY);
        String requestId = lifecycle.submitAndAccept("anna", "Fravær med stedfortræder");
        String task = api.awaitTask(ONLY_EXPERT, requestId, "SCREENING").get("id").asText();
        assertThat(api.post(ONLY_EXPERT, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);

        ApiClient.RawResponse outsider = markAbsence(ONLY_EXPERT, today, today.plusDays(5), STAND_IN);
        assertThat(outsider.status()).as("not a colleague of the group").isEqualTo(400);
        assertThat(outsider.body()).contains("Vælg en kollega i din gruppe, som ikke er fraværende, eller ingen.");
        assertThat(markAbsence(ONLY_EXPERT, today, today.plusDays(5), "anna").status()).isEqualTo(400);
        assertThat(api.get(ONLY_EXPERT, "/api/me/absence").status()).as("nothing saved").isEqualTo(404);
        assertThat(assignee(task)).isEqualTo(ONLY_EXPERT);

        ApiClient.RawResponse away = markAbsence(ONLY_EXPERT, today, today.plusDays(5), COLLEAGUE);
        assertThat(away.status()).as(away.body()).isEqualTo(200);
        assertThat(api.get(ONLY_EXPERT, "/api/me/absence").body().get("standIn").asText()).isEqualTo(COLLEAGUE);
        assertThat(assignee(task)).isEqualTo(COLLEAGUE);
        assertThat(history(requestId, "TASK_TO_STAND_IN")).extracting(row -> row.get("actor"), row -> row.get("text"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ONLY_EXPERT, COLLEAGUE));
        assertThat(warnings()).as("someone is present").isEmpty();
        assertThat(coverMails()).isEmpty();
        api.completeOk(COLLEAGUE, task, lifecycle.approval(Area.SECURITY));

        // A task given to her while away (as the process may) goes to her stand-in at the next check.
        String later = lifecycle.submitAndAccept("anna", "Ny opgave under fraværet");
        String laterTask = api.awaitTask(COLLEAGUE, later, "SCREENING").get("id").asText();
        taskService.setAssignee(laterTask, ONLY_EXPERT);
        absenceService.returnTasksOfAbsentUsers();
        assertThat(assignee(laterTask)).isEqualTo(COLLEAGUE);
        assertThat(history(later, "TASK_TO_STAND_IN")).extracting(row -> row.get("text")).containsExactly(COLLEAGUE);
    }

    private ApiClient.Response appoint(String user, String group, String username, LocalDate from, LocalDate to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group", group);
        body.put("username", username);
        body.put("from", from.toString());
        body.put("to", to.toString());
        return api.post(user, "/api/stand-ins", body);
    }

    private ApiClient.RawResponse markAbsence(String user, LocalDate from, LocalDate to, String standIn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("standIn", standIn);
        try {
            return api.raw(user, "PUT", "/api/me/absence", "application/json", new ObjectMapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> warnings() {
        return jdbc.sql("select group_id from group_gap_warning where resolved_at is null").query().listOfRows();
    }

    private List<String> coverMails() {
        return jdbc.sql("select recipient from mail_outbox where kind = 'GROUP_UNCOVERED' and created_at >= ? order by recipient")
                .param(testStart).query(String.class).list();
    }

    private String assignee(String taskId) {
        return jdbc.sql("select assignee_ from act_ru_task where id_ = ?").param(taskId)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }

    private List<Map<String, Object>> history(String requestId, String kind) {
        return jdbc.sql("select actor, value, text from case_history where request_id = ? and kind = ? order by at")
                .params(UUID.fromString(requestId), kind).query().listOfRows();
    }
}
