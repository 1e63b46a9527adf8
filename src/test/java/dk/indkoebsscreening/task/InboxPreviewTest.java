package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The unfiltered inbox reads only the tasks it shows: each section's first tasks, soonest due first, and how many there
 * are; they must be what listing every task would show (the API lists every open task, soonest due first).
 */
class InboxPreviewTest extends ApiTestBase {

    private static final Pattern TRIAGE_SECTION = Pattern.compile(
            "<section aria-labelledby=\"tasks-TRIAGE\">.*?<span class=\"count\">\\((\\d+)\\)</span>(.*?)</section>", Pattern.DOTALL);
    private static final Pattern TASK_LINK = Pattern.compile("href=\"/opgaver/([0-9a-f-]{36})\"");

    @Test
    void aSectionShowsTheFirstTasksOfAllAndCountsThemAll() {
        for (int i = 0; i < Inbox.SECTION_PREVIEW + 2; i++) {
            api.submit("anna", "Forhåndsvisning " + i);
        }
        List<String> triage = StreamSupport.stream(api.get(Lifecycle.COORDINATOR, "/api/tasks").body().spliterator(), false)
                .filter(task -> task.get("type").asText().equals("TRIAGE")).map(task -> task.get("id").asText()).toList();
        assertThat(triage).hasSizeGreaterThan(Inbox.SECTION_PREVIEW);

        Matcher section = TRIAGE_SECTION.matcher(api.raw(Lifecycle.COORDINATOR, "GET", "/opgaver", null, null).body());
        assertThat(section.find()).as("the triage section").isTrue();
        assertThat(Integer.parseInt(section.group(1))).as("every triage counted").isEqualTo(triage.size());
        List<String> shown = new ArrayList<>();
        Matcher link = TASK_LINK.matcher(section.group(2));
        while (link.find()) {
            shown.add(link.group(1));
        }
        assertThat(shown).as("the soonest, in order").containsExactlyElementsOf(triage.subList(0, Inbox.SECTION_PREVIEW));
        assertThat(section.group(2)).contains("Vis alle " + triage.size());
    }
}
