package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.WebSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The expert's inbox shows each task's request flags as short words, and the working days left to the deadline. */
class InboxFlagsTest extends ApiTestBase {

    @Test
    void aScreeningTaskShowsTheRequestsFlagsAndTheDaysLeft() {
        Map<String, Object> form = ApiClient.validRequest("Plejeplan i skyen");
        form.put("hosting", "CLOUD_OUTSIDE_EU");
        String requestId = api.post("anna", "/api/requests", form).body().get("id").asText();
        lifecycle.accept(requestId);
        JsonNode task = api.awaitTask("sikkerhed", requestId, "SCREENING");

        List<String> flags = new ArrayList<>();
        task.get("flags").forEach(flag -> flags.add(flag.asText()));
        assertThat(flags).contains("THIRD_COUNTRY_TRANSFER").isEqualTo(jdbc.sql(
                "select jsonb_array_elements_text(flags) from request_scope where request_id = ?")
                .param(UUID.fromString(requestId)).query(String.class).list());

        WebSession expert = new WebSession(port);
        expert.login("sikkerhed");
        assertThat(inbox(expert, task.get("id").asText(), "Plejeplan i skyen")).contains("<li class=\"tag tag-flag\">Tredjeland</li>").containsPattern("\\d arbejdsdage tilbage");

        String plain = lifecycle.submitAndAccept("anna", "Uden tredjeland");
        JsonNode plainTask = api.awaitTask("sikkerhed", plain, "SCREENING");
        String plainRow = inbox(expert, plainTask.get("id").asText(), "Uden tredjeland");
        assertThat(plainRow).doesNotContain("Tredjeland");
    }

    /** The task's row, found through the inbox's own search: other tests' tasks may fill the first page. */
    private static String inbox(WebSession session, String taskId, String title) {
        String inbox = session.get("/opgaver?type=SCREENING&q=" + WebSession.encode(title)).body();
        String row = inbox.substring(inbox.indexOf("/opgaver/" + taskId));
        return row.substring(0, row.indexOf("</tr>"));
    }
}
