package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Mails;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Handing tasks over and absence on the whole application: the one who claimed a task or a coordinator hands it to a
 * member of its group, nobody else and to nobody else; an absent user's tasks go back to the group and none is handed
 * to them; every change is in the request's history, and a refusal changes nothing.
 */
class ReassignmentApiTest extends ApiTestBase {

    private static final String SECOND_EXPERT = "sofie-sikker";

    @Autowired
    IdentityService identity;
    @Autowired
    AbsenceService absenceService;
    @Autowired
    EmbeddedSmtpServer smtp;

    @BeforeEach
    void secondSecurityExpert() {
        if (identity.createUserQuery().userId(SECOND_EXPERT).count() == 0) {
            User sofie = identity.newUser(SECOND_EXPERT);
            sofie.setFirstName("Sofie");
            sofie.setLastName("Sikker");
            sofie.setEmail("sofie-sikker@demo.kommune.dk");
            sofie.setPassword("demo");
            identity.saveUser(sofie);
            identity.createMembership(SECOND_EXPERT, Area.SECURITY.candidateGroup());
        }
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from user_absence where username = ?").param(SECOND_EXPERT).update();
        identity.deleteUser(SECOND_EXPERT);
    }

    private String assignee(String taskId) {
        return jdbc.sql("select assignee_ from act_ru_task where id_ = ?").param(taskId).query((rs, row) -> Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }

    private List<Map<String, Object>> history(String requestId, String kind) {
        return jdbc.sql("select actor, value, text from case_history where request_id = ? and kind = ? order by at")
                .params(UUID.fromString(requestId), kind).query().listOfRows();
    }

    private String securityTask(String requestId) {
        return api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();
    }

    @Test
    void theExpertOrACoordinatorHandsATaskToAColleagueOfTheGroupAndNobodyElseCan() {
        String requestId = lifecycle.submitAndAccept("anna", "Overdragelse af opgave");
        String task = securityTask(requestId);
        String assign = "/api/tasks/" + task + "/assign";
        assertThat(api.post("sikkerhed", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);

        assertThat(api.post("brugerstyring", assign, Map.of("assignee", SECOND_EXPERT)).status()).as("another group").isEqualTo(403);
        assertThat(api.post("anna", assign, Map.of("assignee", SECOND_EXPERT)).status()).as("the requester").isEqualTo(403);
        ApiClient.Response outsider = api.post("sikkerhed", assign, Map.of("assignee", "anna"));
        assertThat(outsider.status()).isEqualTo(400);
        assertThat(outsider.body().toString()).contains("Vælg en kollega i opgavens gruppe.");
        assertThat(api.post("sikkerhed", assign, Map.of("assignee", "sofie\u202E")).status()).isEqualTo(400);
        assertThat(assignee(task)).as("the refusals changed nothing").isEqualTo("sikkerhed");
        assertThat(history(requestId, "TASK_REASSIGNED")).isEmpty();

        assertThat(api.post("sikkerhed", assign, Map.of("assignee", SECOND_EXPERT)).status()).isEqualTo(204);
        assertThat(assignee(task)).isEqualTo(SECOND_EXPERT);
        assertThat(api.post("sikkerhed", assign, Map.of("assignee", "sikkerhed")).status())
                .as("no longer the one who has it, and not a coordinator").isEqualTo(403);

        assertThat(api.post(Lifecycle.COORDINATOR, assign, Map.of("assignee", "sikkerhed")).status()).isEqualTo(204);
        assertThat(assignee(task)).isEqualTo("sikkerhed");
        assertThat(history(requestId, "TASK_REASSIGNED")).extracting(row -> row.get("actor"), row -> row.get("text"))
                .containsExactly(tuple("sikkerhed", SECOND_EXPERT),
                        tuple(Lifecycle.COORDINATOR, "sikkerhed"));

        String reference = api.details("anna", requestId).get("reference").asText();
        Mails mails = new Mails(smtp);
        Mails.Mail toSofie = mails.awaitOne(reference, "TASK_ASSIGNED", "sofie-sikker@demo.kommune.dk");
        assertThat(toSofie.subject()).isEqualTo("Du har fået en opgave: " + reference + " Overdragelse af opgave");
        assertThat(toSofie.text()).contains("Sara Sikkerhed har givet dig opgaven »Screening: Sikkerhed og GDPR«.",
                "/opgaver/til/" + requestId + "?type=SCREENING&omraade=SECURITY");
        assertThat(mails.awaitOne(reference, "TASK_ASSIGNED", "sikkerhed@demo.kommune.dk").text())
                .contains("Karen Koordinator har givet dig opgaven");
        assertThat(mails.about(reference)).as("the refused hand-overs mailed nobody")
                .filteredOn(mail -> mail.kind().equals("TASK_ASSIGNED")).hasSize(2);
    }

    @Test
    void anAbsentExpertsTasksGoBackToTheGroupAndNoneIsHandedToThemWhileAway() {
        String requestId = lifecycle.submitAndAccept("anna", "Fravær under screening");
        String task = securityTask(requestId);
        assertThat(api.post(SECOND_EXPERT, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

        ApiClient.RawResponse backwards = put(SECOND_EXPERT, Map.of("from", today.plusDays(3).toString(), "to", today.toString()));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("Den sidste dag ligger før den første.");
        assertThat(put(SECOND_EXPERT, Map.of("from", today.toString(), "to", today.plusYears(2).toString())).status()).isEqualTo(400);
        assertThat(api.get(SECOND_EXPERT, "/api/me/absence").status()).as("nothing was saved").isEqualTo(404);
        assertThat(assignee(task)).isEqualTo(SECOND_EXPERT);

        ApiClient.RawResponse away = put(SECOND_EXPERT, Map.of("from", today.toString(), "to", today.plusDays(7).toString()));
        assertThat(away.status()).as(away.body()).isEqualTo(200);
        assertThat(assignee(task)).as("back to the group").isNull();
        assertThat(history(requestId, "TASK_RETURNED_FOR_ABSENCE")).extracting(row -> row.get("actor"))
                .containsExactly(SECOND_EXPERT);

        ApiClient.Response toAbsent = api.post(Lifecycle.COORDINATOR, "/api/tasks/" + task + "/assign",
                Map.of("assignee", SECOND_EXPERT));
        assertThat(toAbsent.status()).isEqualTo(400);
        assertThat(toAbsent.body().toString()).contains("Sofie Sikker er fraværende til og med");
        ApiClient.Response whileAway = api.post(SECOND_EXPERT, "/api/tasks/" + task + "/claim", null);
        assertThat(whileAway.status()).isEqualTo(409);
        assertThat(whileAway.body().get("detail").asText()).as("says why, not that someone else took it")
                .isEqualTo("Du er markeret som fraværende og kan ikke tage opgaver nu.");
        assertThat(assignee(task)).isNull();

        assertThat(api.raw(SECOND_EXPERT, "DELETE", "/api/me/absence", "application/json", null).status()).isEqualTo(204);
        assertThat(api.post(SECOND_EXPERT, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);
    }

    @Test
    void anAbsenceThatBeginsLaterReturnsTheTasksWhenItBegins() {
        String requestId = lifecycle.submitAndAccept("anna", "Fravær der begynder senere");
        String task = securityTask(requestId);
        assertThat(api.post(SECOND_EXPERT, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        assertThat(put(SECOND_EXPERT, Map.of("from", today.plusDays(2).toString(), "to", today.plusDays(9).toString())).status())
                .isEqualTo(200);
        assertThat(assignee(task)).as("not away yet").isEqualTo(SECOND_EXPERT);

        // The day comes: the stored period now covers today, and the periodic check returns the task.
        jdbc.sql("update user_absence set starts_on = ? where username = ?").params(today, SECOND_EXPERT).update();
        absenceService.returnTasksOfAbsentUsers();

        assertThat(assignee(task)).isNull();
        JsonNode inbox = api.awaitTask("sikkerhed", requestId, "SCREENING");
        assertThat(inbox.path("assignee").isNull() || inbox.path("assignee").isMissingNode()).isTrue();
    }

    private ApiClient.RawResponse put(String user, Map<String, String> body) {
        try {
            return api.raw(user, "PUT", "/api/me/absence", "application/json", new ObjectMapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
