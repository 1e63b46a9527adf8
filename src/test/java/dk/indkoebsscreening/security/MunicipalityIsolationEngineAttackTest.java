package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.security.EngineDoors.Door;
import dk.indkoebsscreening.security.EngineDoors.Reply;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 31's isolation at Camunda's two engine APIs ({@code /engine-rest} and the webapps' {@code /camunda/api/**}):
 * every role of both demo municipalities is refused at each, reading or writing the other's (and its own) processes,
 * also after logging in to a webapp the way its scripts do, and the engine is left as it was; the shared organisation's
 * administrator sees both municipalities' processes. What PostgreSQL keeps apart below the engine: RowLevelSecurityTest.
 */
class MunicipalityIsolationEngineAttackTest extends ApiTestBase {

    private record Started(String municipality, String request, String processInstance, String task) {
    }

    @Test
    void aMunicipalitysPeopleAreRefusedAtBothEngineApisAndTheAdministratorSeesBothMunicipalities() {
        List<Started> started = List.of(start(Municipality.NORDBY), start(Municipality.SYDBY));
        List<String> before = engine(started);

        EngineDoors doors = new EngineDoors(port);
        for (Municipality municipality : List.of(Municipality.NORDBY, Municipality.SYDBY)) {
            for (String attacker : municipality.roles()) {
                for (Started target : started) {
                    for (Door door : Door.values()) {
                        calls(target, attacker).forEach(call -> {
                            Reply refused = doors.call(door, attacker, call.get(0), call.get(1), call.get(2));
                            assertThat(refused.status()).as(attacker + " " + door + " " + call).isIn(401, 403);
                            assertThat(refused.body()).as(attacker + " " + door + " " + call).doesNotContain(target.request());
                        });
                    }
                }
                webappLoginGrantsNothing(attacker, started.get(1));
            }
        }
        assertThat(engine(started)).as("the engine after the attacks").isEqualTo(before);

        for (Door door : Door.values()) {
            Reply instances = doors.call(door, "admin", "GET", "/process-instance", null);
            assertThat(instances.status()).as(door + " " + instances.body()).isEqualTo(200);
            Set<String> tenants = new HashSet<>();
            Set<String> requests = new HashSet<>();
            Municipality.json(instances.body()).forEach(instance -> {
                tenants.add(instance.path("tenantId").asText());
                requests.add(instance.path("businessKey").asText());
            });
            assertThat(tenants).as(door + ": the administrator's view").contains("nordby", "sydby");
            assertThat(requests).as(door.name()).contains(started.get(0).request(), started.get(1).request());
            for (Started target : started) {
                Reply task = doors.call(door, "admin", "GET", "/task/" + target.task(), null);
                assertThat(task.status()).as(door + " " + target).isEqualTo(200);
                assertThat(Municipality.json(task.body()).get("tenantId").asText()).isEqualTo(target.municipality());
            }
        }
    }

    /** A request submitted in the municipality, waiting for triage: its process and its task. */
    private Started start(Municipality municipality) {
        String request = api.submit(municipality.requester(), "Motorangreb " + municipality.id()).get("id").asText();
        String task = api.awaitTask(municipality.coordinator(), request, "TRIAGE").get("id").asText();
        String instance = Tenancy.callAcross(() -> jdbc.sql("select proc_inst_id_ from act_ru_task where id_ = ?").param(task)
                .query(String.class).single());
        return new Started(municipality.id(), request, instance, task);
    }

    /** Reading, claiming, completing, changing variables, deleting and starting: method, path and JSON body. */
    private static List<List<String>> calls(Started target, String attacker) {
        List<List<String>> calls = new ArrayList<>();
        calls.add(call("GET", "/process-instance", null));
        calls.add(call("GET", "/process-instance?businessKey=" + target.request(), null));
        calls.add(call("GET", "/process-instance/" + target.processInstance() + "/variables", null));
        calls.add(call("GET", "/task?tenantIdIn=" + target.municipality(), null));
        calls.add(call("GET", "/task/" + target.task(), null));
        calls.add(call("GET", "/history/process-instance?tenantIdIn=" + target.municipality(), null));
        calls.add(call("GET", "/variable-instance?processInstanceIdIn=" + target.processInstance(), null));
        calls.add(call("POST", "/task/" + target.task() + "/claim", "{\"userId\":\"" + attacker + "\"}"));
        calls.add(call("POST", "/task/" + target.task() + "/complete", "{\"variables\":{\"outcome\":{\"value\":\"ACCEPT\"}}}"));
        calls.add(call("POST", "/process-instance/" + target.processInstance() + "/variables",
                "{\"modifications\":{\"requester\":{\"value\":\"" + attacker + "\"}}}"));
        calls.add(call("PUT", "/process-instance/" + target.processInstance() + "/suspended", "{\"suspended\":true}"));
        calls.add(call("DELETE", "/process-instance/" + target.processInstance(), null));
        calls.add(call("POST", "/process-definition/key/" + ScreeningProcess.PROCESS_KEY + "/tenant-id/" + target.municipality() + "/start",
                "{\"businessKey\":\"angreb\"}"));
        return calls;
    }

    private static List<String> call(String method, String path, String json) {
        List<String> call = new ArrayList<>();
        call.add(method);
        call.add(path);
        call.add(json);
        return call;
    }

    /**
     * Logging in to a webapp as its scripts do (Camunda's own login, then its XSRF token echoed) gives a municipality's
     * person no way past the application's refusal.
     */
    private void webappLoginGrantsNothing(String attacker, Started target) {
        WebSession session = new WebSession(port);
        session.login(attacker);
        for (String app : List.of("cockpit", "tasklist", "admin")) {
            HttpResponse<String> login = session.send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
                    "application/x-www-form-urlencoded", ("username=" + attacker + "&password=demo").getBytes(StandardCharsets.UTF_8));
            assertThat(login.statusCode()).as(attacker + " login to " + app).isIn(401, 403);
        }
        for (String path : List.of("/camunda/api/engine/engine/default/task/" + target.task(),
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
                "/camunda/api/tasklist/plugin/tasklist-plugin/default/process-definitions",
                "/camunda/api/admin/auth/user/default")) {
            assertThat(session.get(path).statusCode()).as(attacker + " " + path).isIn(401, 403);
        }
    }

    /**
     * What an attack on the engine could change of the processes attacked: their executions, tasks and assignees,
     * variables; and whether a process was started by an attack.
     */
    private List<String> engine(List<Started> started) {
        return Tenancy.callAcross(() -> {
            List<String> rows = new ArrayList<>();
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("executions", "select id_ || ' ' || coalesce(tenant_id_, '') || ' ' || suspension_state_ || ' ' || rev_ from act_ru_execution where proc_inst_id_ = ? order by 1");
            queries.put("tasks", "select id_ || ' ' || coalesce(tenant_id_, '') || ' ' || coalesce(assignee_, '') || ' ' || rev_ from act_ru_task where proc_inst_id_ = ? order by 1");
            queries.put("variables", "select name_ || ' ' || coalesce(text_, '') || ' ' || rev_ from act_ru_variable where proc_inst_id_ = ? order by 1");
            for (Started target : started) {
                queries.forEach((name, sql) -> rows.add(target.municipality() + " " + name + ": "
                        + jdbc.sql(sql).param(target.processInstance()).query(String.class).list()));
            }
            rows.add("started by an attack: " + jdbc.sql("select count(*) from act_ru_execution where business_key_ = 'angreb'")
                    .query(Long.class).single());
            return rows;
        });
    }
}
