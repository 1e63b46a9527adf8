package dk.indkoebsscreening.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Mails;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Withdrawal on the whole application: only the requester, only while not decided; afterwards no task, no timer,
 * the open screenings closed, its event and the mails to those who had work on it; refusals change nothing.
 */
class WithdrawalApiTest extends ApiTestBase {

    @Autowired
    EmbeddedSmtpServer smtp;

    private final EventSchemas schemas = new EventSchemas();

    private String status(String requestId) {
        return jdbc.sql("select status from purchase_request where id = ?").param(UUID.fromString(requestId))
                .query(String.class).single();
    }

    private String processInstance(String requestId) {
        return jdbc.sql("select process_instance_id from purchase_request where id = ?").param(UUID.fromString(requestId))
                .query(String.class).single();
    }

    private long running(String table, String processInstanceId) {
        String column = table.equals("act_ru_job") ? "process_instance_id_" : "proc_inst_id_";
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?").param(processInstanceId)
                .query(Long.class).single();
    }

    private String reference(String requestId) {
        return jdbc.sql("select reference from purchase_request where id = ?").param(UUID.fromString(requestId))
                .query(String.class).single();
    }

    @Test
    void theRequesterWithdrawsDuringTheScreeningAndNothingOfItIsLeftRunning() {
        String requestId = lifecycle.submitAndAccept("anna", "Tilbagetrækning under screening");
        lifecycle.screen(requestId, Area.SECURITY, lifecycle.approval(Area.SECURITY));
        String instance = processInstance(requestId);
        assertThat(running("act_ru_task", instance)).isEqualTo(5);
        String path = "/api/requests/" + requestId + "/withdraw";

        assertThat(api.post("bent", path, Map.of("reason", "Ikke min")).status()).as("another requester").isEqualTo(404);
        assertThat(api.post(Lifecycle.COORDINATOR, path, Map.of()).status()).as("the coordinator reads it, did not submit it")
                .isEqualTo(403);
        assertThat(api.raw("anna", "POST", path, "text/plain", "{}".getBytes()).status()).as("not JSON").isEqualTo(415);
        ApiClient.Response tooLong = api.post("anna", path, Map.of("reason", "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(api.post("anna", path, Map.of("reason", "skjult\u202Etekst")).status()).isEqualTo(400);
        assertThat(status(requestId)).as("the refusals changed nothing").isEqualTo("IN_SCREENING");
        assertThat(running("act_ru_task", instance)).isEqualTo(5);

        ApiClient.Response withdrawn = api.post("anna", path, Map.of("reason", "Regionen har indkøbt en løsning til os alle."));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);

        assertThat(status(requestId)).isEqualTo("WITHDRAWN");
        assertThat(running("act_ru_task", instance)).isZero();
        assertThat(running("act_ru_job", instance)).as("timers and join jobs").isZero();
        assertThat(running("act_ru_execution", instance)).isZero();
        assertThat(jdbc.sql("select area, state from area_screening where request_id = ? order by area")
                .param(UUID.fromString(requestId)).query().listOfRows())
                .extracting(row -> row.get("area"), row -> row.get("state"))
                .containsExactly(tuple("CONTRACT", "CANCELLED"), tuple("IMPLEMENTATION", "CANCELLED"),
                        tuple("INSTALLATION", "CANCELLED"), tuple("SECURITY", "COMPLETED"), tuple("SUPPORT", "CANCELLED"),
                        tuple("USER_MANAGEMENT", "CANCELLED"));
        String event = jdbc.sql("select payload::text from outbox_event where request_id = ? and type = ?")
                .params(UUID.fromString(requestId), EventType.REQUEST_WITHDRAWN.type()).query(String.class).single();
        assertThat(schemas.problems(EventType.REQUEST_WITHDRAWN.type(), event)).isEmpty();
        assertThat(event).contains("\"statusBefore\": \"IN_SCREENING\"").doesNotContain("Regionen");
        assertThat(jdbc.sql("select text from case_history where request_id = ? and kind = 'WITHDRAWN'")
                .param(UUID.fromString(requestId)).query(String.class).single()).startsWith("Regionen har indkøbt");
        assertThat(api.details("anna", requestId).get("status").asText()).isEqualTo("WITHDRAWN");

        Mails mails = new Mails(smtp);
        String reference = reference(requestId);
        Mails.Mail toContract = mails.awaitOne(reference, "WITHDRAWN", "kontrakt@demo.kommune.dk");
        assertThat(toContract.text()).contains("Anna Andersen har trukket anmodningen tilbage", "Regionen har indkøbt");
        assertThat(mails.awaitAbout(reference, "a withdrawal mail to each open area's expert",
                        all -> all.stream().filter(mail -> mail.kind().equals("WITHDRAWN")).count() >= 5))
                .filteredOn(mail -> mail.kind().equals("WITHDRAWN"))
                .extracting(Mails.Mail::to).doesNotContain("sikkerhed@demo.kommune.dk", "anna@demo.kommune.dk")
                .hasSize(5);

        assertThat(api.post("anna", path, Map.of()).status()).as("once withdrawn").isEqualTo(409);
    }

    @Test
    void aDecidedRequestCannotBeWithdrawn() {
        String requestId = lifecycle.runToApproval("anna", "Afgjort, ikke til at trække tilbage");
        ApiClient.Response refused = api.post("anna", "/api/requests/" + requestId + "/withdraw", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).as("the lifecycle's refusal names the status, not a task")
                .isEqualTo("Anmodningen har status „Godkendt“, så det kan ikke gøres nu.");
        assertThat(api.post("anna", "/api/requests/" + requestId + "/withdraw", Map.of(), "en").body().get("detail").asText())
                .isEqualTo("The request's status is \"Approved\", so this cannot be done now.");
        assertThat(status(requestId)).isEqualTo("APPROVED");
        assertThat(jdbc.sql("select count(*) from outbox_event where request_id = ? and type = ?")
                .params(UUID.fromString(requestId), EventType.REQUEST_WITHDRAWN.type()).query(Long.class).single()).isZero();
    }

    @Test
    void theWithdrawalFormOfADecidedRequestSaysOnAPageWhyNothingHappened() {
        String requestId = lifecycle.runToApproval("anna", "Afgjort, formularen sendt for sent");
        WebSession browser = new WebSession(port);
        browser.login("anna");

        HttpResponse<String> page = browser.postForm("/anmodninger/" + requestId, "/anmodninger/" + requestId + "/traek-tilbage",
                "reason=" + WebSession.encode("Vi har fundet en anden løsning"));

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("Anmodningen kan ikke ændres nu", "Anmodningen har status „Godkendt“",
                "Intet er ændret").doesNotContain("Opgaven er allerede løst");
        assertThat(status(requestId)).isEqualTo("APPROVED");
    }

    @Test
    void aRequestWaitingForTriageIsWithdrawnWithoutAReasonAndTheCoordinatorsAreTold() {
        String requestId = api.submit("anna", "Trukket tilbage før triage").get("id").asText();
        api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE");
        assertThat(api.post("anna", "/api/requests/" + requestId + "/withdraw", null).status()).isEqualTo(204);
        assertThat(status(requestId)).isEqualTo("WITHDRAWN");
        assertThat(api.tasks(Lifecycle.COORDINATOR)).noneMatch(task -> task.get("requestId").asText().equals(requestId));
        new Mails(smtp).awaitOne(reference(requestId), "WITHDRAWN", "koordinator@demo.kommune.dk");
    }
}
