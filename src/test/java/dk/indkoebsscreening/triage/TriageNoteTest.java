package dk.indkoebsscreening.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's optional note at triage: written on the triage page or in the API's body, checked like every free
 * text, and shown to whoever triages the request again.
 */
class TriageNoteTest extends ApiTestBase {

    @Test
    void aNoteWrittenAtTriageIsShownWhenTheRequestIsTriagedAgain() {
        String requestId = api.submit("anna", "Note til triagen").get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();

        ApiClient.Response tooLong = api.complete(Lifecycle.COORDINATOR, triage,
                Map.of("outcome", "NEED_MORE_INFORMATION", "comment", "Hvor mange brugere?", "note", "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("errors").findValuesAsText("field")).containsExactly("note");
        assertThat(notesOf(requestId)).isEmpty();

        api.completeOk(Lifecycle.COORDINATOR, triage, Map.of("outcome", "NEED_MORE_INFORMATION",
                "comment", "Hvor mange brugere?", "note", "  Licensmodellen tjekket hos leverandøren.  "));
        String question = api.awaitTask("anna", requestId, "MORE_INFORMATION").get("id").asText();
        api.completeOk("anna", question, Map.of("answer", "Omkring 40."));
        String secondTriage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();

        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        String page = coordinator.get("/opgaver/" + secondTriage).body();
        assertThat(page).contains("Noter fra triagen", "Skrevet af Karen Koordinator", "Licensmodellen tjekket hos leverandøren.",
                "Note til triagen");

        HttpResponse<String> refused = coordinator.postForm("/opgaver/" + secondTriage, "/opgaver/" + secondTriage,
                "outcome=ACCEPT&note=" + WebSession.encode("y".repeat(2001)));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Teksten er for lang (højst 2000 tegn).");
        assertThat(notesOf(requestId)).containsExactly("Licensmodellen tjekket hos leverandøren.");

        HttpResponse<String> accepted = coordinator.postForm("/opgaver/" + secondTriage, "/opgaver/" + secondTriage,
                "outcome=ACCEPT&note=" + WebSession.encode("Svaret dækker brugerantallet."));
        assertThat(accepted.statusCode()).as(accepted.body()).isBetween(300, 399);
        assertThat(notesOf(requestId)).containsExactly("Licensmodellen tjekket hos leverandøren.", "Svaret dækker brugerantallet.");
    }

    @Test
    void aTriageWithoutANoteStoresNone() {
        String requestId = api.submit("anna", "Uden note").get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();

        api.completeOk(Lifecycle.COORDINATOR, triage, Map.of("outcome", "ACCEPT", "note", "   "));

        assertThat(notesOf(requestId)).isEmpty();
    }

    private List<String> notesOf(String requestId) {
        return jdbc.sql("select note from triage_note where request_id = ?::uuid order by written_at")
                .param(requestId).query(String.class).list();
    }
}
