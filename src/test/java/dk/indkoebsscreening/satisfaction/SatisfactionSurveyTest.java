package dk.indkoebsscreening.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The requester is asked once after the decision (after the conditions when there are some), by mail and on the request's
 * page; answers once; nobody else answers or sees the form; an unanswered survey is reminded once.
 */
class SatisfactionSurveyTest extends ApiTestBase {

    @Autowired
    SatisfactionSurveys surveys;

    @Test
    void theRequesterIsAskedAtTheDecisionAnswersOnceAndNobodyElseAnswers() {
        String id = lifecycle.runToApproval("anna", "Tilfredshed efter afgørelse " + UUID.randomUUID());
        assertThat(mails(id, "SATISFACTION")).containsExactly("anna");

        WebSession anna = new WebSession(port);
        anna.login("anna");
        String page = anna.get("/anmodninger/" + id).body();
        assertThat(page).contains("Hvor tilfreds er du med screeningen?", "name=\"score\"", "Vis mit svar uden mit navn");
        WebSession coordinator = new WebSession(port);
        coordinator.login("koordinator");
        assertThat(coordinator.get("/anmodninger/" + id).body()).as("the form is the requester's alone").doesNotContain("name=\"score\"");

        HttpResponse<String> missingScore = anna.postForm("/anmodninger/" + id, "/anmodninger/" + id + "/tilfredshed",
                "comment=" + WebSession.encode("Uden tal"));
        assertThat(missingScore.statusCode()).isEqualTo(302);
        assertThat(anna.get("/anmodninger/" + id).body()).contains("Vælg hvor tilfreds du er, fra 1 til 5.", "Uden tal");
        HttpResponse<String> tooLong = anna.postForm("/anmodninger/" + id, "/anmodninger/" + id + "/tilfredshed",
                "score=4&comment=" + "x".repeat(2001));
        assertThat(tooLong.statusCode()).isEqualTo(302);
        assertThat(answered(id)).as("nothing stored for a refused answer").isFalse();

        for (String other : List.of("bent", "koordinator", "sikkerhed")) {
            WebSession session = new WebSession(port);
            session.login(other);
            HttpResponse<String> refused = session.postForm("/anmodninger/" + id, "/anmodninger/" + id + "/tilfredshed", "score=1");
            assertThat(refused.statusCode()).as(other).isIn(403, 404);
        }
        assertThat(answered(id)).isFalse();

        HttpResponse<String> answered = anna.postForm("/anmodninger/" + id, "/anmodninger/" + id + "/tilfredshed",
                "score=4&anonymous=true&comment=" + WebSession.encode("Hurtigt svar, men spørgsmålene var svære."));
        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(anna.get("/anmodninger/" + id).body()).contains("Tak for dit svar", "4 ud af 5", "Hurtigt svar, men spørgsmålene var svære.")
                .doesNotContain("name=\"score\"");
        HttpResponse<String> again = anna.postForm("/anmodninger/" + id, "/anmodninger/" + id + "/tilfredshed", "score=1");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Du har allerede svaret");
        assertThat(jdbc.sql("select score || ' ' || anonymous from satisfaction_survey where request_id = ?::uuid").param(id)
                .query(String.class).single()).isEqualTo("4 true");
    }

    @Test
    void anApprovalWithConditionsAsksOnlyOnceTheyAreSettledAndAnUnansweredSurveyIsRemindedOnce() {
        String withConditions = lifecycle.runToApprovalWithConditions("bent", "Tilfredshed med betingelser " + UUID.randomUUID(),
                Map.of(Area.SECURITY, List.of("Databehandleraftale før brug")));
        assertThat(jdbc.sql("select count(*) from satisfaction_survey where request_id = ?::uuid").param(withConditions)
                .query(Long.class).single()).as("not asked while conditions are open").isZero();
        String condition = api.details("bent", withConditions).get("conditions").get(0).get("id").asText();
        String conditionPath = "/api/requests/" + withConditions + "/conditions/" + condition;
        assertThat(api.post("bent", conditionPath + "/report", Map.of("text", "Aftalen er underskrevet.")).status()).isEqualTo(204);
        assertThat(mails(withConditions, "SATISFACTION")).as("reported is not settled").isEmpty();
        assertThat(api.post("sikkerhed", conditionPath + "/verify", null).status()).isEqualTo(204);
        assertThat(mails(withConditions, "SATISFACTION")).as("asked once the conditions are settled").containsExactly("bent");

        String id = lifecycle.runToApproval("bent", "Tilfredshed påmindelse " + UUID.randomUUID());
        surveys.remind();
        assertThat(mails(id, "SATISFACTION_REMINDER")).as("not yet due").isEmpty();
        jdbc.sql("update satisfaction_survey set asked_at = asked_at - interval '8 days' where request_id = ?::uuid").param(id).update();
        surveys.remind();
        surveys.remind();
        assertThat(mails(id, "SATISFACTION_REMINDER")).as("one reminder, however often the job runs").containsExactly("bent");
    }

    private List<String> mails(String requestId, String kind) {
        return jdbc.sql("select recipient_user from mail_outbox where request_id = ?::uuid and kind = ?")
                .params(requestId, kind).query(String.class).list();
    }

    private boolean answered(String requestId) {
        return jdbc.sql("select answered_at is not null from satisfaction_survey where request_id = ?::uuid").param(requestId)
                .query(Boolean.class).single();
    }
}
