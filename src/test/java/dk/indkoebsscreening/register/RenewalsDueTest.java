package dk.indkoebsscreening.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The renewals due, on the coordinators' dashboard and in the register's API: systems whose notice deadline is within
 * the lead time, soonest first, with their owner and a link to the system; a decided renewal leaves the list; others
 * than coordinators do not see the dashboard.
 */
class RenewalsDueTest extends ApiTestBase {

    private static final String COORDINATOR = Lifecycle.COORDINATOR;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    private String system(String name, LocalDate contractEnd, int noticeMonths) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("contractEnd", contractEnd.toString());
        body.put("noticeMonths", noticeMonths);
        body.put("owner", "bent");
        return api.post(COORDINATOR, "/api/register", body).body().get("id").asText();
    }

    private List<String> dueIds(String user) {
        List<String> ids = new ArrayList<>();
        api.get(user, "/api/register/renewals").body().forEach(due -> ids.add(due.get("systemId").asText()));
        return ids;
    }

    @Test
    void theDashboardListsRenewalsDueSoonestFirstUntilTheyAreDecided() {
        String later = system("Fornyes senere", TODAY.plusMonths(7), 3);
        String sooner = system("Fornyes snart", TODAY.plusMonths(2), 1);
        String notYet = system("Fornyes om år", TODAY.plusYears(3), 3);

        List<String> due = dueIds("anna");
        assertThat(due).contains(sooner, later).doesNotContain(notYet);
        assertThat(due.indexOf(sooner)).isLessThan(due.indexOf(later));
        JsonNode first = api.get("anna", "/api/register/renewals").body().get(due.indexOf(sooner));
        assertThat(first.get("noticeDeadline").asText()).isEqualTo(TODAY.plusMonths(2).minusMonths(1).toString());
        assertThat(first.get("owner").asText()).isEqualTo("bent");

        WebSession coordinator = new WebSession(port);
        coordinator.login(COORDINATOR);
        String page = coordinator.get("/overblik").body();
        assertThat(page).contains("href=\"/systemer/" + sooner + "\"").contains("href=\"/systemer/" + later + "\"")
                .doesNotContain("/systemer/" + notYet).contains("Bent");
        assertThat(page.indexOf("/systemer/" + sooner)).isLessThan(page.indexOf("/systemer/" + later));
        WebSession staff = new WebSession(port);
        staff.login("anna");
        assertThat(staff.get("/overblik").statusCode()).isEqualTo(403);

        // Its date has passed: the job executor gives the coordinators the task; once decided, it is no longer due.
        String taskId = Eventually.await("the renewal task of " + sooner, () -> api.tasks(COORDINATOR).stream()
                .filter(task -> sooner.equals(task.path("subjectId").asText())).findFirst()
                .map(task -> task.get("id").asText()));
        assertThat(api.complete(COORDINATOR, taskId, Map.of("choice", "LET_END")).status()).isEqualTo(204);
        assertThat(dueIds(COORDINATOR)).doesNotContain(sooner).contains(later);
        assertThat(coordinator.get("/overblik").body()).doesNotContain("/systemer/" + sooner);
    }
}
