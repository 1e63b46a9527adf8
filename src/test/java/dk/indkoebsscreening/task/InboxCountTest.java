package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** "Opgaver (3)" in the menu: the inbox's open tasks of each user, counted on every page, and no tasks link for requesters. */
class InboxCountTest extends ApiTestBase {

    private static final Pattern TASKS_LINK = Pattern.compile("<a href=\"/opgaver\"[^>]*>([^<]*)</a>");
    private static final List<String> NOT_IN_THE_INBOX = List.of("MORE_INFORMATION");

    @Test
    void theMenuCountsTheOpenTasksOfTheInboxForExpertsAndCoordinators() {
        assertThat(menuCount(Lifecycle.COORDINATOR)).isEqualTo(inboxSize(Lifecycle.COORDINATOR));
        long coordinator = menuCount(Lifecycle.COORDINATOR);
        long security = menuCount("sikkerhed");

        String requestId = api.submit("anna", "Optalte opgaver").get("id").asText();
        api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE");
        assertThat(menuCount(Lifecycle.COORDINATOR)).as("the triage").isEqualTo(coordinator + 1);
        assertThat(menuCount("sikkerhed")).isEqualTo(security);

        lifecycle.accept(requestId);
        api.awaitTask("sikkerhed", requestId, "SCREENING");
        assertThat(menuCount(Lifecycle.COORDINATOR)).isEqualTo(coordinator);
        assertThat(menuCount("sikkerhed")).as("the security screening").isEqualTo(security + 1);
        assertThat(menuCount("sikkerhed")).isEqualTo(inboxSize("sikkerhed"));
        assertThat(page("sikkerhed", "/anmodninger/alle")).as("on every page").contains(">Opgaver (" + (security + 1) + ")</a>");
    }

    @Test
    void aRequesterHasNoTasksLinkAndAnExpertWithoutTasksNoNumber() {
        assertThat(page("anna", "/anmodninger")).doesNotContain("href=\"/opgaver\"");
        String installation = tasksLinkText("installation");
        assertThat(installation).matches(inboxSize("installation") == 0 ? "Opgaver" : "Opgaver \\(\\d+\\)");
    }

    private long menuCount(String user) {
        String text = tasksLinkText(user);
        return text.equals("Opgaver") ? 0 : Long.parseLong(text.replaceAll("\\D", ""));
    }

    private String tasksLinkText(String user) {
        Matcher link = TASKS_LINK.matcher(page(user, "/opgaver"));
        assertThat(link.find()).as("the tasks link of " + user).isTrue();
        return link.group(1);
    }

    /** The user's open tasks as the inbox lists them (the API's list has the requester's questions too). */
    private long inboxSize(String user) {
        JsonNode tasks = api.get(user, "/api/tasks").body();
        return StreamSupport.stream(tasks.spliterator(), false)
                .filter(task -> !NOT_IN_THE_INBOX.contains(task.get("type").asText()))
                .count();
    }

    private String page(String user, String path) {
        return api.raw(user, "GET", path, null, null).body();
    }
}
