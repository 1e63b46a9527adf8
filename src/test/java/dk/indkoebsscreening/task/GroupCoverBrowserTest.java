package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The story of the issue: the only security expert marks herself away over a screening's deadline and her inbox says
 * so; the coordinator is warned in the inbox, sees on the task that nobody in the group can take it, appoints a
 * stand-in from another group on "Fravær og stedfortrædere", and the stand-in finds the task in their inbox, takes it
 * and completes it.
 */
class GroupCoverBrowserTest extends BrowserTestBase {

    private static final String ONLY_EXPERT = Lifecycle.expertFor(Area.SECURITY);
    private static final String STAND_IN = Lifecycle.expertFor(Area.USER_MANAGEMENT);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChecklistProperties checklists;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from user_absence where username = ?").param(ONLY_EXPERT).update();
        jdbc.sql("delete from group_stand_in").update();
        jdbc.sql("delete from group_gap_warning").update();
    }

    @Test
    void theOnlySecurityExpertIsAwayTheCoordinatorIsWarnedAndAppointsAStandInWhoCompletesTheTask() {
        ApiClient api = new ApiClient(port);
        Lifecycle lifecycle = new Lifecycle(api, checklists);
        String requestId = lifecycle.submitAndAccept("anna", "Tandklinikkens 3D-skanner");
        String task = api.awaitTask(ONLY_EXPERT, requestId, "SCREENING").get("id").asText();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

        browser.login(ONLY_EXPERT);
        browser.open("/indstillinger/fravaer");
        assertThat(new Select(browser.field("field-standIn")).getFirstSelectedOption().getText())
                .as("nobody else in her group: the tasks go back to it").isEqualTo("Ingen – opgaverne går tilbage til gruppen");
        browser.setDate("field-from", today.toString());
        browser.setDate("field-to", today.plusDays(12).toString());
        browser.submit();
        assertThat(browser.text(By.className("notice-success"))).startsWith("Dit fravær fra");
        browser.assertAccessible();
        browser.open("/opgaver");
        assertThat(browser.text(By.id("away-notice"))).startsWith("Du er meldt fraværende fra")
                .contains("Dine opgaver går tilbage til gruppen imens.", "Ret dit fravær");
        browser.assertAccessible();

        browser.login(Lifecycle.COORDINATOR);
        browser.open("/opgaver");
        assertThat(browser.text(By.id("cover-warnings"))).contains("Sikkerhed og GDPR", "alle er væk fra");
        browser.assertAccessible();
        browser.open("/opgaver/" + task);
        assertThat(browser.text(By.id("no-colleagues"))).startsWith("Ingen i opgavens gruppe kan tage opgaven nu");
        assertThat(browser.findAll(By.id("hand-over"))).as("no empty choice of colleagues").isEmpty();
        browser.assertAccessible();
        browser.find(By.cssSelector("#no-colleagues a")).click();
        assertThat(browser.path()).startsWith("/opgaver/fravaer?gruppe=" + Area.SECURITY.candidateGroup());
        assertThat(new Select(browser.field("field-group")).getFirstSelectedOption().getText()).as("the task's group chosen")
                .isEqualTo("Sikkerhed og GDPR");
        assertThat(browser.findAll(By.cssSelector("#cover-warnings a[href='/opgaver/" + task + "']")))
                .as("the warning shows the tasks it is about").hasSize(1);
        assertThat(browser.text(By.id("absences"))).contains("Sara Sikkerhed", "Gruppen");
        assertThat(browser.text(By.id("no-stand-ins"))).isEqualTo("Ingen gruppe har en stedfortræder nu eller senere.");
        browser.assertAccessible();
        browser.submit(By.cssSelector("#appoint form"));
        assertThat(browser.text(By.className("error-summary"))).contains("Vælg en stedfortræder.", "Skriv den første dag.");
        browser.assertAccessible();
        new Select(browser.field("field-username")).selectByValue(STAND_IN);
        browser.setDate("field-from", today.toString());
        browser.setDate("field-to", today.plusDays(12).toString());
        browser.submit(By.cssSelector("#appoint form"));
        assertThat(browser.text(By.className("notice-success"))).startsWith("Bo Brugerstyring er stedfortræder for Sikkerhed og GDPR");
        assertThat(browser.text(By.id("stand-ins"))).contains("Bo Brugerstyring", "I gang (udpeget af Karen Koordinator)");
        assertThat(browser.findAll(By.id("cover-warnings"))).as("covered now").isEmpty();
        browser.assertAccessible();
        browser.open("/opgaver");
        assertThat(browser.findAll(By.id("cover-warnings"))).as("nor in the inbox").isEmpty();
        assertThat(browser.text(By.id("cover-link"))).startsWith("Stedfortrædere nu: Bo Brugerstyring for Sikkerhed og GDPR til og med")
                .endsWith("Fravær og stedfortrædere");
        browser.assertAccessible();

        browser.login(STAND_IN);
        browser.open("/opgaver");
        assertThat(browser.text(By.className("stand-in-notice"))).startsWith("Du er stedfortræder for gruppen Sikkerhed og GDPR");
        assertThat(browser.findAll(By.id("cover-link"))).as("the coordinators' page is theirs").isEmpty();
        browser.assertAccessible();
        // Through the inbox's search: other tests' security tasks may fill the first page the stand-in now sees.
        browser.open("/opgaver?type=SCREENING&q=" + java.net.URLEncoder.encode("Tandklinikkens 3D-skanner", java.nio.charset.StandardCharsets.UTF_8));
        browser.find(By.cssSelector("a[href='/opgaver/" + task + "']")).click();
        browser.submit("/opgaver/" + task + "/tag");
        assertThat(browser.mainText()).contains("Opgaven er taget af Bo Brugerstyring.");
        browser.assertAccessible();
        api.completeOk(STAND_IN, task, lifecycle.approval(Area.SECURITY));
        assertThat(jdbc.sql("select actor from case_history where request_id = ?::uuid and kind = 'AREA_SCREENED'")
                .param(requestId).query(String.class).list()).containsExactly(STAND_IN);
    }
}
