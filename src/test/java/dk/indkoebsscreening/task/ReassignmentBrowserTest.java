package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An expert hands a claimed task to a colleague on the task page, then reports an absence under Mine indstillinger. */
class ReassignmentBrowserTest extends BrowserTestBase {

    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from user_absence where username in ('sikkerhed', 'simon')").update();
        if (identity.createUserQuery().userId("simon").count() > 0) {
            identity.deleteUser("simon");
        }
    }

    @BeforeEach
    void secondSecurityExpert() {
        User simon = identity.newUser("simon");
        simon.setFirstName("Simon");
        simon.setLastName("Sikker");
        simon.setPassword("demo");
        identity.saveUser(simon);
        identity.createMembership("simon", Area.SECURITY.candidateGroup());
    }

    @Test
    void anExpertHandsATaskToAColleagueAndReportsAnAbsence() {
        ApiClient api = new ApiClient(port);
        String requestId = new Lifecycle(api, null).submitAndAccept("anna", "Overdragelse i browseren");
        String task = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();
        api.post("sikkerhed", "/api/tasks/" + task + "/claim", Map.of());

        browser.login("sikkerhed");
        browser.open("/opgaver/" + task);
        assertThat(browser.text(By.id("hand-over"))).contains("Simon Sikker (simon)");
        browser.assertAccessible();
        new Select(browser.field("field-assignee")).selectByValue("simon");
        browser.submit(By.id("hand-over"));
        assertThat(browser.text(By.className("notice-success"))).startsWith("Simon Sikker har fået opgaven på IND-");

        browser.open("/indstillinger/fravaer");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        browser.setDate("field-from", today.plusDays(1).toString());
        browser.setDate("field-to", today.toString());
        browser.submit();
        assertThat(browser.text(By.className("error-summary"))).contains("Den sidste dag ligger før den første.");
        browser.assertAccessible();
        browser.setDate("field-from", today.toString());
        browser.setDate("field-to", today.plusDays(14).toString());
        browser.submit();
        assertThat(browser.text(By.className("notice-success"))).startsWith("Dit fravær fra");
        assertThat(browser.text(By.id("absence-now"))).startsWith("Du er meldt fraværende fra");
        browser.assertAccessible();
    }

    @Test
    void aCoordinatorFollowsAnExpertGroupsTaskAndHandsItToAMemberButCannotDoIt() {
        ApiClient api = new ApiClient(port);
        String requestId = new Lifecycle(api, null).submitAndAccept("anna", "Koordinator giver videre");
        String reference = api.details("anna", requestId).get("reference").asText();
        String task = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();

        browser.login(Lifecycle.COORDINATOR);
        By row = By.xpath("//table[@id='task-table-results']//tr[td[contains(., '" + reference + "')]]//a");
        browser.open("/opgaver?q=" + reference);
        assertThat(browser.findAll(row)).as("the coordinators' own inbox has no screening").isEmpty();
        assertThat(browser.text(By.id("oversee"))).contains("ved at vælge dens område");
        browser.assertAccessible();
        browser.open("/opgaver?omraade=SECURITY&q=" + reference);
        browser.find(row).click();
        assertThat(browser.path()).isEqualTo("/opgaver/" + task);
        assertThat(browser.text(By.id("overseen"))).startsWith("Opgaven er ekspertgruppens for Sikkerhed og GDPR");
        assertThat(browser.findAll(By.cssSelector("form[action$='/tag']"))).as("no claim").isEmpty();
        assertThat(browser.findAll(By.id("form-title"))).as("no screening form").isEmpty();
        browser.assertAccessible();
        new Select(browser.field("field-assignee")).selectByValue("simon");
        browser.submit(By.id("hand-over"));
        assertThat(browser.text(By.className("notice-success"))).isEqualTo("Simon Sikker har fået opgaven på " + reference + ".");
        assertThat(browser.mainText()).contains("Opgaven er taget af Simon Sikker.");

        assertThat(api.post(Lifecycle.COORDINATOR, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(403);
        assertThat(api.complete(Lifecycle.COORDINATOR, task, Map.of("verdict", "APPROVED")).status()).isEqualTo(403);
        assertThat(jdbc.sql("select assignee_ from act_ru_task where id_ = ?").param(task).query(String.class).single())
                .as("still Simon's, still open").isEqualTo("simon");
    }
}
