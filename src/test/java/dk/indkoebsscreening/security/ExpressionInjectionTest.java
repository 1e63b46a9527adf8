package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.security.EngineDoors.Door;
import dk.indkoebsscreening.security.EngineDoors.Reply;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.RawHttp;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CVE-2026-109432 and its disguises, as every role, through both engine APIs. The probe is an identifier
 * that is defined nowhere: had the engine evaluated it, its answer would name it ("Cannot resolve
 * identifier"). Administrators get the guard's 400 and every other role Spring Security's 403; no answer
 * ever mentions the probe, and clean queries in any charset still work.
 */
class ExpressionInjectionTest extends ApiTestBase {

    static final String PROBE = "indkoebProbeDefinedNowhere";
    static final List<String> ROLES = List.of("anna", "sikkerhed", "koordinator", "admin");

    record Attack(String name, String method, String path, String contentType, byte[] body) {

        static Attack json(String name, String path, String json) {
            return new Attack(name, "POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        static Attack get(String name, String pathAndQuery) {
            return new Attack(name, "GET", pathAndQuery, null, null);
        }

        static Attack encoded(String name, String json, String contentType, Charset charset, boolean byteOrderMark) {
            byte[] text = json.getBytes(charset);
            byte[] body = byteOrderMark ? concat(bom(charset), text) : text;
            return new Attack(name, "POST", "/task/count", contentType, body);
        }
    }

    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filterService;

    EngineDoors doors;
    String filterId;

    @BeforeEach
    void setUp() {
        doors = new EngineDoors(port);
        filterId = filterService.createFilterQuery().filterName("Mine opgaver").singleResult().getId();
    }

    @Test
    void theProbeIsWhatTheEngineWouldEvaluateIfTheQueryReachedIt() {
        // The published bypass, in-process: the engine's own switch does not stop expressions in orQueries.
        assertThatThrownBy(() -> taskService.createTaskQuery().or().dueAfterExpression("${" + PROBE + "}").endOr().count())
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining(PROBE);
    }

    @Test
    void everyDisguiseOfAnExpressionIsRefusedBeforeTheEngineSeesIt() {
        String orQuery = "{\"orQueries\":[{\"dueAfterExpression\":\"${" + PROBE + "}\"}]}";
        List<Attack> attacks = new ArrayList<>(List.of(
                Attack.json("plain ${", "/task/count", orQuery),
                Attack.json("plain #{", "/task/count", "{\"orQueries\":[{\"dueAfterExpression\":\"#{" + PROBE + "}\"}]}"),
                Attack.json("\\u0024 escape", "/task/count", "{\"orQueries\":[{\"dueAfterExpression\":\"\\u0024{" + PROBE + "}\"}]}"),
                Attack.json("\\u0023 escape", "/task/count", "{\"orQueries\":[{\"dueAfterExpression\":\"\\u0023{" + PROBE + "}\"}]}"),
                Attack.json("escaped key", "/task/count", "{\"orQueries\":[{\"dueAfter\\u0045xpression\":\"2026-01-01\"}]}"),
                Attack.json("expression in a plain field", "/task/count", "{\"orQueries\":[{\"assignee\":\"${" + PROBE + "}\"}]}"),
                Attack.json("nested orQueries", "/task/count",
                        "{\"orQueries\":[{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}]}"),
                Attack.json("top-level expression criterion", "/task", "{\"candidateGroupExpression\":\"" + PROBE + "\"}"),
                Attack.json("stored filter", "/filter/create",
                        "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"orQueries\":[{\"assigneeExpression\":\"${" + PROBE + "}\"}]}}"),
                Attack.json("extending a stored filter", "/filter/" + filterId + "/count", orQuery),
                Attack.json("batch query", "/process-instance/delete",
                        "{\"processInstanceQuery\":{\"businessKey\":\"${" + PROBE + "}\"},\"deleteReason\":\"x\"}"),
                Attack.get("query parameter", "/task/count?dueAfterExpression=%24%7B" + PROBE + "%7D"),
                Attack.get("query parameter, lower-case escapes", "/task?assignee=%24%7b" + PROBE + "%7d"),
                Attack.get("double-encoded", "/task?assignee=%2524%257B" + PROBE + "%257D"),
                Attack.get("triple-encoded", "/task?assignee=%252524%25257B" + PROBE + "%25257D"),
                Attack.get("double-encoded behind a malformed escape", "/task?assignee=%25ZZ%2524%257B" + PROBE + "%257D"),
                Attack.get("encoded parameter name", "/task/count?dueAfter%45xpression=2026-01-01"),
                Attack.get("expression parameter without braces", "/task?assigneeExpression=" + PROBE),
                Attack.get("in a variable filter", "/task?processVariables=x_eq_%23%7B" + PROBE + "%7D"),
                new Attack("form body", "POST", "/task/count", "application/x-www-form-urlencoded",
                        ("assigneeExpression=%24%7B" + PROBE + "%7D").getBytes(StandardCharsets.UTF_8))));
        for (Charset charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, Charset.forName("UTF-32BE"),
                Charset.forName("UTF-32LE"))) {
            attacks.add(Attack.encoded(charset + " declared", orQuery, "application/json;charset=" + charset.name(), charset, false));
            attacks.add(Attack.encoded(charset + " detected", orQuery, "application/json", charset, false));
            attacks.add(Attack.encoded(charset + " with BOM", orQuery, "application/json", charset, true));
        }

        for (Door door : Door.values()) {
            for (String role : ROLES) {
                for (Attack attack : attacks) {
                    Reply reply = doors.call(door, role, attack.method(), attack.path(), attack.contentType(), attack.body());
                    String what = door + " " + role + " " + attack.name() + ": " + reply.body();
                    assertThat(reply.status()).as(what).isEqualTo(role.equals("admin") ? 400 : 403);
                    assertThat(reply.body()).as(what).doesNotContain(PROBE).doesNotContainIgnoringCase("resolve");
                    if (role.equals("admin")) {
                        assertThat(reply.body()).as(what).contains("Indkøbsscreening");
                    }
                }
            }
        }
    }

    @Test
    void rawBracesInTheRequestLineNeverReachTheEngine() {
        RawHttp.Reply reply = new RawHttp(port).get("admin", "/engine-rest/task?assigneeExpression=${" + PROBE + "}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).doesNotContain(PROBE);
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void bodiesThatCannotBeReadAreRefusedNotPassedOnAndNeverA500() {
        byte[] notUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Map<String, Object[]> bad = Map.of(
                "truncated JSON", new Object[] {"application/json", "{\"orQueries\":[".getBytes(StandardCharsets.UTF_8), 400},
                "invalid UTF-8", new Object[] {"application/json;charset=UTF-8", notUtf8, 400},
                "duplicate key", new Object[] {"application/json", "{\"assignee\":\"a\",\"assignee\":\"b\"}".getBytes(StandardCharsets.UTF_8), 400},
                "trailing JSON", new Object[] {"application/json", "{} {\"assigneeExpression\":\"x\"}".getBytes(StandardCharsets.UTF_8), 400},
                "unknown charset", new Object[] {"application/json;charset=x-no-such-charset", "{}".getBytes(StandardCharsets.UTF_8), 415},
                "wildcard type", new Object[] {"*/*", "{}".getBytes(StandardCharsets.UTF_8), 415},
                "no type", new Object[] {null, "{}".getBytes(StandardCharsets.UTF_8), 415},
                "multipart", new Object[] {"multipart/form-data; boundary=x", "--x--".getBytes(StandardCharsets.UTF_8), 415},
                "too large", new Object[] {"application/json", new byte[(1 << 20) + 1], 413});
        for (Door door : Door.values()) {
            bad.forEach((what, request) -> {
                Reply reply = doors.call(door, "admin", "POST", "/task/count", (String) request[0], (byte[]) request[1]);
                assertThat(reply.status()).as(door + " " + what + ": " + reply.body()).isEqualTo(request[2]);
            });
        }
    }

    @Test
    void cleanQueriesPassInAnyCharsetTheyDeclareOrAreWrittenIn() {
        String query = "{\"orQueries\":[{\"assignee\":\"ingen-sådan-bruger\",\"name\":\"Triagér anmodning\"}],\"processDefinitionKey\":\"PurchaseScreeningProcess\"}";
        long expected = taskService.createTaskQuery().processDefinitionKey("PurchaseScreeningProcess")
                .or().taskAssignee("ingen-sådan-bruger").taskName("Triagér anmodning").endOr().count();
        assertThat(expected).as("the demo request waits for triage").isPositive();
        for (Door door : Door.values()) {
            for (Attack clean : List.of(
                    Attack.json("UTF-8", "/task/count", query),
                    Attack.encoded("UTF-16LE with BOM", query, "application/json", StandardCharsets.UTF_16LE, true),
                    Attack.encoded("UTF-16BE declared", query, "application/json;charset=UTF-16BE", StandardCharsets.UTF_16BE, false),
                    Attack.encoded("UTF-32BE detected", query, "application/json", Charset.forName("UTF-32BE"), false))) {
                Reply reply = doors.call(door, "admin", clean.method(), clean.path(), clean.contentType(), clean.body());
                assertThat(reply.status()).as(door + " " + clean.name() + ": " + reply.body()).isEqualTo(200);
                assertThat(reply.body()).isEqualTo("{\"count\":" + expected + "}");
            }
            assertThat(doors.call(door, "admin", "GET", "/task/count?assignee=50%25", null).status()).isEqualTo(200);
        }
    }

    private static byte[] bom(Charset charset) {
        return switch (charset.name()) {
            case "UTF-16BE" -> new byte[] {(byte) 0xFE, (byte) 0xFF};
            case "UTF-16LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE};
            case "UTF-32BE" -> new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF};
            case "UTF-32LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0};
            default -> new byte[0];
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
