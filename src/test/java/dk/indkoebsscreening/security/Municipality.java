package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One of the demo's two municipalities as the isolation attacks see it: its people (user ids and names), and what its people made for the
 * other's people to attack (requests in each stage with a file and a condition, a task of each kind, a system with a
 * data processor). Each attack test makes a municipality's things once and compares its rows before and after.
 */
record Municipality(String id, String requester, String coordinator, Map<Area, String> experts, List<String> roles,
                    List<String> names, String demoTitle) {

    static final Municipality NORDBY = new Municipality("nordby", "anna", Lifecycle.COORDINATOR,
            Map.of(Area.SECURITY, "sikkerhed", Area.USER_MANAGEMENT, "brugerstyring", Area.SUPPORT, "support",
                    Area.CONTRACT, "kontrakt", Area.INSTALLATION, "installation", Area.IMPLEMENTATION, "implementering"),
            List.of("anna", "koordinator", "sikkerhed", "brugerstyring", "kontrakt", "implementering"),
            List.of("Anna Andersen", "Karen Koordinator", "Sara Sikkerhed", "Bo Brugerstyring", "Karl Kontrakt", "Ib Implementering"),
            "3D-tandskanning");

    static final Municipality SYDBY = new Municipality("sydby", "sofie", "sydby-koordinator",
            Map.of(Area.SECURITY, "sydby-sikkerhed", Area.USER_MANAGEMENT, "sydby-brugerstyring", Area.SUPPORT, "support",
                    Area.CONTRACT, "sydby-kontrakt", Area.INSTALLATION, "installation", Area.IMPLEMENTATION, "sydby-implementering"),
            List.of("sofie", "sydby-koordinator", "sydby-sikkerhed", "sydby-brugerstyring", "sydby-kontrakt", "sydby-implementering"),
            List.of("Sofie Sørensen", "Sune Koordinator", "Sif Sikkerhed", "Svend Brugerstyring", "Stine Kontrakt", "Sander Implementering"),
            "Ruteplanlægning i hjemmeplejen");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The tables whose rows of a municipality an attack must leave as they were (events and mails are sent on later). */
    private static final List<String> TABLES = List.of("area_screening", "attachment", "case_history", "clarification",
            "condition_change", "condition_item", "data_processor", "decision", "escalation", "processor_supervision",
            "purchase_request", "registered_system", "request_handling", "request_scope", "task_draft", "triage_note",
            "vendor_invitation", "vendor_link_token");

    Municipality other() {
        return this == NORDBY ? SYDBY : NORDBY;
    }

    /**
     * What this municipality's people made: a request approved with a condition (and a file), one in screening, one in
     * triage, and a registered system with a data processor. {@code tag} is in each title and name.
     */
    record Made(Municipality of, String tag, String approved, String reference, String title, String systemName,
                String attachment, String condition, String inScreening, String screeningTask, String inTriage,
                String triageTask, String system, String processor, String demoRequest, String demoReference) {

        List<String> requests() {
            return List.of(approved, inScreening, inTriage, demoRequest);
        }

        /**
         * What nobody of the other municipality may be shown: the tag (in every title and name) and the ids. Not the
         * references: each municipality numbers its own, so the other has requests of the same references.
         */
        String[] secrets() {
            return new String[] {tag, approved, inScreening, inTriage, system, processor, attachment, condition};
        }

        /** What nobody of the other municipality may be shown by an answer to this address (an error names its address). */
        String[] secretsBeyond(String path) {
            String asked = path.toLowerCase(Locale.ROOT).replace("%2d", "-");
            return Arrays.stream(secrets()).filter(secret -> !asked.contains(secret.toLowerCase(Locale.ROOT))).toArray(String[]::new);
        }
    }

    Made make(ApiClient api, Lifecycle lifecycle) {
        String tag = id + "-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Isolation " + tag;
        String systemName = "Isoleret system " + tag;
        Map<String, Object> form = ApiClient.validRequest(title);
        form.put("systemName", systemName);
        ApiClient.Response submitted = api.post(requester, "/api/requests", form);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String approved = submitted.body().get("id").asText();
        Files.Multipart file = Files.file("tilbud.pdf", "application/pdf", Files.pdf("tilbud " + tag));
        String attachment = json(api.upload(requester, "/api/requests/" + approved + "/attachments", file.contentType(), file.body()).body())
                .get("id").asText();
        accept(api, approved);
        for (Area area : Area.values()) {
            String expert = experts.get(area);
            String task = api.awaitTask(expert, approved, "SCREENING").get("id").asText();
            Map<String, Object> verdict = area == Area.SECURITY
                    ? ApiClient.screening("APPROVED_WITH_CONDITIONS", List.of("DPIA godkendt " + tag), lifecycle.validChecklist(area))
                    : lifecycle.approval(area);
            api.completeOk(expert, task, verdict);
        }
        String decision = api.awaitTask(coordinator, approved, "DECISION").get("id").asText();
        api.completeOk(coordinator, decision, Map.of("outcome", "APPROVED_WITH_CONDITIONS"));
        JsonNode caseFile = api.details(requester, approved);
        String condition = caseFile.get("conditions").get(0).get("id").asText();

        String inScreening = api.submit(requester, "I screening " + tag).get("id").asText();
        accept(api, inScreening);
        String screeningTask = api.awaitTask(experts.get(Area.SECURITY), inScreening, "SCREENING").get("id").asText();
        String inTriage = api.submit(requester, "I visitering " + tag).get("id").asText();
        String triageTask = api.awaitTask(coordinator, inTriage, "TRIAGE").get("id").asText();

        Map<String, Object> system = new LinkedHashMap<>();
        system.put("name", "Registreret " + tag);
        system.put("vendor", "Isolation A/S");
        system.put("personalData", "CPR");
        ApiClient.Response registered = api.post(coordinator, "/api/register", system);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String systemId = registered.body().get("id").asText();
        Map<String, Object> processor = new LinkedHashMap<>();
        processor.put("name", "Databehandler " + tag);
        processor.put("cvr", "12345678");
        processor.put("processing", "Drift og hosting");
        processor.put("method", "ISAE_3402_TYPE_2");
        processor.put("intervalMonths", 12);
        processor.put("nextDue", java.time.LocalDate.now().plusMonths(6).toString());
        ApiClient.Response added = api.post(coordinator, "/api/systems/" + systemId + "/processors", processor);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        JsonNode demo = api.get(coordinator, "/api/requests/search?q=" + WebSession.encode(demoTitle)).body().get("items");
        assertThat(demo).as(id + "'s demo request " + demoTitle).hasSize(1);
        return new Made(this, tag, approved, caseFile.get("reference").asText(), title, systemName, attachment, condition,
                inScreening, screeningTask, inTriage, triageTask, systemId, added.body().get("id").asText(),
                demo.get(0).get("id").asText(), demo.get(0).get("reference").asText());
    }

    private void accept(ApiClient api, String requestId) {
        String triage = api.awaitTask(coordinator, requestId, "TRIAGE").get("id").asText();
        api.completeOk(coordinator, triage, Map.of("outcome", "ACCEPT"));
    }

    /**
     * This municipality's rows as an attack could change them: how many of each table, each request's status, each
     * condition's status and owner, each system's retirement, each open task's assignee and the engine's variables.
     */
    List<String> rows(JdbcClient jdbc) {
        return Tenancy.callAcross(() -> {
            List<String> rows = new ArrayList<>();
            for (String table : TABLES) {
                rows.add(table + " " + jdbc.sql("select count(*) from " + table + " where tenant_id = ?").param(id)
                        .query(Long.class).single());
            }
            rows.addAll(jdbc.sql("select id || ' ' || status from purchase_request where tenant_id = ? order by id")
                    .param(id).query(String.class).list());
            rows.addAll(jdbc.sql("select id || ' ' || status || ' ' || coalesce(owner, '') from condition_item where tenant_id = ? order by id")
                    .param(id).query(String.class).list());
            rows.addAll(jdbc.sql("select id || ' ' || name || ' ' || coalesce(retired_at::text, '') from registered_system where tenant_id = ? order by id")
                    .param(id).query(String.class).list());
            rows.addAll(jdbc.sql("select id_ || ' ' || coalesce(assignee_, '') from act_ru_task where tenant_id_ = ? order by id_")
                    .param(id).query(String.class).list());
            rows.add("variables " + jdbc.sql("select count(*) from act_ru_variable where tenant_id_ = ?").param(id)
                    .query(Long.class).single());
            return rows;
        });
    }

    /**
     * This municipality's rows once the work its people's last steps started has ended (the follow-up of an approval,
     * a task's mails): what attacks that come after must leave as it is.
     */
    List<String> settledRows(JdbcClient jdbc) {
        AtomicReference<List<String>> last = new AtomicReference<>(rows(jdbc));
        Eventually.until(id + "'s rows settle", () -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return last.getAndSet(rows(jdbc)).equals(last.get());
        });
        return last.get();
    }

    /** The municipality a request's row was written in, whoever asks. */
    static String ofRequest(JdbcClient jdbc, String requestId) {
        return Tenancy.callAcross(() -> jdbc.sql("select tenant_id from purchase_request where id = ?")
                .param(UUID.fromString(requestId)).query(String.class).single());
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
