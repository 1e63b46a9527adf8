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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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

    /** The tables an attack could add a row to anywhere in a municipality. */
    private static final List<String> TENANT_TABLES = List.of("purchase_request", "registered_system", "data_processor",
            "processor_supervision", "user_absence", "group_stand_in", "vendor_invitation");
    /** The tables of a request's rows. */
    private static final List<String> REQUEST_TABLES = List.of("area_screening", "attachment", "case_history", "clarification",
            "condition_item", "decision", "escalation", "request_handling", "request_scope", "task_draft", "triage_note",
            "vendor_invitation");

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
        processor.put("nextDue", LocalDate.now().plusMonths(6).toString());
        ApiClient.Response added = api.post(coordinator, "/api/systems/" + systemId + "/processors", processor);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        // Other tests' requests may have titles like the demo's: the demo request is the one of exactly its title.
        List<JsonNode> demo = new ArrayList<>();
        api.get(coordinator, "/api/requests/search?q=" + WebSession.encode(demoTitle)).body().get("items")
                .forEach(item -> {
                    if (item.get("title").asText().equals(demoTitle)) {
                        demo.add(item);
                    }
                });
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
     * What an attack anywhere in this municipality would add: how many requests, systems, data processors, absences and
     * stand-ins it has. The other tests' requests are this municipality's too, so their work, which may still be going
     * on, is not counted in any more detail.
     */
    List<String> rows(JdbcClient jdbc) {
        return Tenancy.callAcross(() -> TENANT_TABLES.stream().map(table -> table + " " + jdbc.sql(
                "select count(*) from " + table + " where tenant_id = ?").param(id).query(Long.class).single()).toList());
    }

    /**
     * What an attack could change of what this municipality's people made, and what it could add anywhere in the
     * municipality ({@link #rows}): each request's rows of each table, status, conditions' status and owner, the
     * system's name and retirement, its data processors, and the engine's tasks, assignees and variables of the requests.
     */
    List<String> rows(JdbcClient jdbc, Made made) {
        return Tenancy.callAcross(() -> {
            List<String> rows = new ArrayList<>(rows(jdbc));
            Object[] requests = made.requests().stream().map(UUID::fromString).toArray();
            String in = String.join(", ", Collections.nCopies(requests.length, "?"));
            for (String table : REQUEST_TABLES) {
                // The mail relay records each mail it delivers in the history, whenever it gets to it: not the attack's.
                String notDelivered = table.equals("case_history") ? " and kind <> 'MAIL_SENT'" : "";
                rows.add(table + " " + jdbc.sql("select count(*) from " + table + " where request_id in (" + in + ")" + notDelivered)
                        .params(requests).query(Long.class).single());
            }
            rows.addAll(jdbc.sql("select id || ' ' || status from purchase_request where id in (" + in + ") order by id")
                    .params(requests).query(String.class).list());
            rows.addAll(jdbc.sql("select id || ' ' || status || ' ' || coalesce(owner, '') from condition_item where request_id in ("
                    + in + ") order by id").params(requests).query(String.class).list());
            rows.add("condition_change " + jdbc.sql("select count(*) from condition_change where condition_id = ?")
                    .param(UUID.fromString(made.condition())).query(Long.class).single());
            rows.addAll(jdbc.sql("select name || ' ' || coalesce(retired_at::text, '') from registered_system where id = ?")
                    .param(UUID.fromString(made.system())).query(String.class).list());
            rows.addAll(jdbc.sql("select name || ' ' || next_due || ' ' || coalesce(removed_at::text, '') from data_processor where system_id = ? order by id")
                    .param(UUID.fromString(made.system())).query(String.class).list());
            Object[] keys = made.requests().toArray();
            rows.addAll(jdbc.sql("select t.id_ || ' ' || coalesce(t.assignee_, '') from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
                    + " where e.business_key_ in (" + in + ") order by t.id_").params(keys).query(String.class).list());
            rows.add("variables " + jdbc.sql("select count(*) || ' ' || coalesce(sum(v.rev_), 0) from act_ru_variable v join act_ru_execution e"
                    + " on e.id_ = v.proc_inst_id_ where e.business_key_ in (" + in + ")").params(keys).query(String.class).single());
            return rows;
        });
    }

    /**
     * What this municipality's people made once the work their last steps started has ended (the follow-up of an
     * approval, a task's mails): what attacks that come after must leave as it is.
     */
    List<String> settledRows(JdbcClient jdbc, Made made) {
        AtomicReference<List<String>> last = new AtomicReference<>(rows(jdbc, made));
        Eventually.until(id + "'s rows settle", () -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return last.getAndSet(rows(jdbc, made)).equals(last.get());
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
