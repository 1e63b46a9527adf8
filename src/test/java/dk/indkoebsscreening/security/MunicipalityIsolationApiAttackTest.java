package dk.indkoebsscreening.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.security.Municipality.Made;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.WebSession;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 31's isolation, attacked through the JSON API: each role of one demo municipality goes after what the other's
 * people made (a request approved with a condition and a file, one in screening, one in triage, their tasks, a system
 * with a data processor, the demo's own requests) by id, in other spellings of the id, by search (the demo's references
 * are the same in both municipalities), through the duplicate check, the task list and the register, and by writing.
 * Every attack is refused or finds nothing, shows nothing of the other municipality, and leaves its rows as they were;
 * a municipality smuggled into a new request is ignored.
 */
class MunicipalityIsolationApiAttackTest extends ApiTestBase {

    /** A refusal or nothing found: which of the two depends on whether the door checks the role before the row. */
    private static final List<Integer> REFUSED = List.of(403, 404);
    /** An address spelled with an encoded hyphen or a session id is refused before it is read: 400. */
    private static final List<Integer> REFUSED_SPELLING = List.of(400, 403, 404);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sydbysPeopleGetAndChangeNothingOfNordbys() {
        attack(Municipality.SYDBY);
    }

    @Test
    void nordbysPeopleGetAndChangeNothingOfSydbys() {
        attack(Municipality.NORDBY);
    }

    @Test
    void aMunicipalitySmuggledIntoANewRequestIsIgnored() {
        long before = Tenancy.callAcross(() -> jdbc.sql("select count(*) from purchase_request where tenant_id = 'nordby'")
                .query(Long.class).single());
        String tag = UUID.randomUUID().toString().substring(0, 8);

        Map<String, Object> form = ApiClient.validRequest("Smuglet kommune " + tag);
        ApiClient.Response byParameter = api.post("sofie", "/api/requests?municipality=nordby&tenantId=nordby&tenant_id=nordby", form);
        assertThat(byParameter.status()).as(byParameter.toString()).isEqualTo(201);
        assertThat(Municipality.ofRequest(jdbc, byParameter.body().get("id").asText())).isEqualTo("sydby");

        form.put("municipality", "nordby");
        form.put("tenantId", "nordby");
        ApiClient.Response byField = api.post("sofie", "/api/requests", form);
        // The API takes no field it does not know; were it ever to, the row must still be the caller's municipality's.
        if (byField.status() == 201) {
            assertThat(Municipality.ofRequest(jdbc, byField.body().get("id").asText())).isEqualTo("sydby");
        } else {
            assertThat(byField.status()).as(byField.toString()).isEqualTo(400);
        }
        assertThat(Tenancy.callAcross(() -> jdbc.sql("select count(*) from purchase_request where tenant_id = 'nordby'")
                .query(Long.class).single())).as("nothing new in nordby").isEqualTo(before);
        assertThat(api.get("koordinator", "/api/requests/search?q=" + tag).body().get("items")).as("nordby's search").isEmpty();
    }

    /**
     * Both municipalities' people are in groups of the same names (coordinators, screening-security, ...): a group's
     * members, to whom a task is handed, who stands in for a group or an absent person, and who is mailed about a request,
     * are the request's municipality's people, never the other's.
     */
    @Test
    void aMunicipalitysWorkGoesToItsOwnPeopleOnly() {
        String request = api.submit("anna", "Kun egne folk " + UUID.randomUUID().toString().substring(0, 8)).get("id").asText();
        String triage = api.awaitTask("koordinator", request, "TRIAGE").get("id").asText();
        String from = LocalDate.now().plusDays(10).toString();
        String to = LocalDate.now().plusDays(12).toString();
        List<String> before = Municipality.NORDBY.rows(jdbc);

        ApiClient.Response handed = api.post("koordinator", "/api/tasks/" + triage + "/assign", Map.of("assignee", "sydby-koordinator"));
        assertThat(handed.status()).as("a triage handed to sydby's coordinator " + handed.body()).isEqualTo(400);
        ApiClient.Response standIn = api.post("koordinator", "/api/stand-ins",
                Map.of("group", "screening-security", "username", "sydby-sikkerhed", "from", from, "to", to));
        assertThat(standIn.status()).as("sydby's expert standing in for nordby's group " + standIn.body()).isEqualTo(400);
        ApiClient.RawResponse absence = api.raw("sikkerhed", "PUT", "/api/me/absence", "application/json",
                bytes(Map.of("from", from, "to", to, "standIn", "sydby-sikkerhed")));
        assertThat(absence.status()).as("sydby's expert standing in for nordby's " + absence.body()).isEqualTo(400);
        assertThat(api.get("koordinator", "/api/stand-ins").body().toString()).as("nordby's cover")
                .doesNotContain(Municipality.SYDBY.roles().toArray(String[]::new));

        // The coordinators' group is mailed about a new request: nordby's coordinators, not sydby's.
        Eventually.until("the triage's mail", () -> Tenancy.callAcross(() -> jdbc.sql(
                "select count(*) from mail_outbox where request_id = ? and kind = 'TRIAGE_NEEDED'")
                .param(UUID.fromString(request)).query(Long.class).single()) > 0);
        assertThat(recipientsOf(request)).as("who is mailed about nordby's request")
                .doesNotContainAnyElementsOf(Municipality.SYDBY.roles());
        assertThat(Municipality.NORDBY.rows(jdbc)).as("no absence or stand-in was recorded").isEqualTo(before);
    }

    /** The steps in the approved request's history: the mails the relay delivers meanwhile are recorded there too. */
    private long stepsInHistory(Municipality victim, Made theirs) {
        List<JsonNode> steps = new ArrayList<>();
        api.details(victim.coordinator(), theirs.approved()).get("history").forEach(steps::add);
        return steps.stream().filter(step -> !step.get("kind").asText().equals("MAIL_SENT")).count();
    }

    private List<String> recipientsOf(String request) {
        return Tenancy.callAcross(() -> jdbc.sql("select coalesce(recipient_user, recipient) from mail_outbox where request_id = ?")
                .param(UUID.fromString(request)).query(String.class).list());
    }

    private void attack(Municipality attackers) {
        Municipality victim = attackers.other();
        Made theirs = victim.make(api, lifecycle);
        List<String> before = victim.settledRows(jdbc, theirs);
        long history = stepsInHistory(victim, theirs);

        // References are numbered per municipality: the attackers' municipality has a request of the same reference.
        String ours = Tenancy.callAcross(() -> jdbc.sql("select id::text from purchase_request where tenant_id = ? and reference = ?")
                .params(attackers.id(), theirs.demoReference()).query(String.class).single());
        assertTheAttacksWouldReach(victim, theirs);
        for (String attacker : attackers.roles()) {
            readNothing(attacker, theirs);
            findNothing(attacker, attackers, theirs, ours);
            changeNothing(attacker, theirs);
        }

        assertThat(victim.rows(jdbc, theirs)).as(victim.id() + "'s rows after the attacks").isEqualTo(before);
        assertThat(stepsInHistory(victim, theirs)).as("the history's length").isEqualTo(history);
    }

    /** The doors the attacks use do open for the victim's own people: a refusal below is the municipality's. */
    private void assertTheAttacksWouldReach(Municipality victim, Made theirs) {
        for (String door : readDoors(theirs)) {
            assertThat(api.download(victim.coordinator(), door).statusCode()).as(victim.coordinator() + " " + door).isEqualTo(200);
        }
        for (String spelling : spellings(theirs.approved()).subList(0, 2)) {
            assertThat(api.get(victim.coordinator(), "/api/requests/" + spelling).status()).as(spelling).isEqualTo(200);
        }
        assertThat(api.get(victim.coordinator(), "/api/tasks/" + theirs.triageTask()).status()).isEqualTo(200);
        assertThat(api.get(victim.experts().get(Area.SECURITY), "/api/tasks/" + theirs.screeningTask()).status()).isEqualTo(200);
        assertThat(api.get(victim.coordinator(), "/api/register/" + theirs.system()).status()).isEqualTo(200);
        assertThat(api.get(victim.coordinator(), "/api/systems/" + theirs.system() + "/processors").status()).isEqualTo(200);
        assertThat(api.get(victim.coordinator(), "/api/requests/search?q=" + WebSession.encode(theirs.reference())).body().get("items"))
                .extracting(item -> item.get("id").asText()).containsExactly(theirs.approved());
        assertThat(similar(victim.requester(), theirs.systemName())).contains(theirs.reference());
    }

    private List<String> readDoors(Made theirs) {
        String request = "/api/requests/" + theirs.approved();
        return List.of(request, request + "/report.pdf", request + "/attachments/" + theirs.attachment(),
                request + "/conditions/" + theirs.condition(), request + "/vendor",
                "/api/requests/" + theirs.inScreening(), "/api/requests/" + theirs.inTriage(),
                "/api/requests/" + theirs.demoRequest(), "/api/requests/" + theirs.demoRequest() + "/report.pdf",
                "/api/register/" + theirs.system(), "/api/systems/" + theirs.system() + "/processors",
                "/api/systems/" + theirs.system() + "/processors/" + theirs.processor(),
                "/api/systems/" + theirs.system() + "/processors/supervisions");
    }

    /** The request's id as given, upper-case, with its hyphens encoded, with a trailing slash, with a session id. */
    private static List<String> spellings(String id) {
        return List.of(id, id.toUpperCase(Locale.ROOT), id.replace("-", "%2D"), id + "/", id + ";jsessionid=x");
    }

    private void readNothing(String attacker, Made theirs) {
        List<String> doors = new ArrayList<>(readDoors(theirs));
        spellings(theirs.approved()).forEach(spelling -> doors.add("/api/requests/" + spelling));
        doors.add("/api/requests/" + theirs.approved().toUpperCase(Locale.ROOT) + "/report.pdf");
        doors.add("/api/tasks/" + theirs.triageTask());
        doors.add("/api/tasks/" + theirs.screeningTask());
        doors.add("/api/municipalities/" + theirs.of().id());
        doors.add("/api/municipalities");
        for (String door : doors) {
            HttpResponse<byte[]> refused = api.download(attacker, door);
            String body = new String(refused.body(), StandardCharsets.UTF_8);
            assertThat(refused.statusCode()).as(attacker + " " + door + " " + body).isIn(refusal(door));
            assertThat(body).as(attacker + " " + door).doesNotContain(theirs.secretsBeyond(door)).doesNotStartWith("%PDF");
        }
    }

    private void findNothing(String attacker, Municipality own, Made theirs, String ours) {
        for (String query : List.of(theirs.tag(), theirs.title(), theirs.reference(), theirs.systemName(), own.other().demoTitle(),
                theirs.demoReference())) {
            ApiClient.Response found = api.get(attacker, "/api/requests/search?q=" + WebSession.encode(query));
            assertThat(found.status()).as(attacker + " search " + query).isEqualTo(200);
            assertThat(found.body().get("items")).as(attacker + " search " + query)
                    .allSatisfy(item -> assertThat(Municipality.ofRequest(jdbc, item.get("id").asText())).isEqualTo(own.id()));
            assertThat(found.body().toString()).as(attacker + " search " + query).doesNotContain(theirs.secretsBeyond(query));
        }
        // The same reference is in both municipalities: a coordinator finds their own and only their own.
        if (attacker.equals(own.coordinator())) {
            assertThat(api.get(attacker, "/api/requests/search?q=" + WebSession.encode(theirs.demoReference())).body().get("items"))
                    .extracting(item -> item.get("id").asText()).containsExactly(ours);
        }
        for (String name : List.of(theirs.systemName(), "Registreret " + theirs.tag())) {
            assertThat(similar(attacker, name)).as(attacker + " duplicate check " + name).doesNotContain(theirs.secretsBeyond(name));
        }
        assertThat(api.get(attacker, "/api/register?q=" + WebSession.encode(theirs.tag())).body().toString())
                .as(attacker + " register").doesNotContain(theirs.secretsBeyond(theirs.tag()));
        assertThat(api.get(attacker, "/api/register/renewals").body().toString()).as(attacker + " renewals")
                .doesNotContain(theirs.secrets());
        Set<String> theirIds = new HashSet<>(List.of(theirs.secrets()));
        assertThat(api.tasks(attacker)).as(attacker + "'s tasks").noneSatisfy(task -> {
            assertThat(theirIds).contains(task.path("requestId").asText());
        }).noneSatisfy(task -> assertThat(theirIds).contains(task.path("subjectId").asText()));
    }

    private void changeNothing(String attacker, Made theirs) {
        String request = "/api/requests/" + theirs.approved();
        String condition = request + "/conditions/" + theirs.condition();
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("name", "Overtaget " + theirs.tag());
        system.put("vendor", "Angriber A/S");
        Map<String, Object> processor = new LinkedHashMap<>();
        processor.put("name", "Angriber A/S");
        processor.put("processing", "Alt");
        processor.put("method", "ISAE_3402_TYPE_2");
        processor.put("intervalMonths", 12);
        processor.put("nextDue", LocalDate.now().plusMonths(1).toString());
        Map<String, Object> approval = lifecycle.approval(Area.SECURITY);

        Map<String, Object> writes = new LinkedHashMap<>();
        writes.put("/api/tasks/" + theirs.triageTask() + "/claim", null);
        writes.put("/api/tasks/" + theirs.triageTask() + "/complete", Map.of("outcome", "ACCEPT"));
        writes.put("/api/tasks/" + theirs.triageTask() + "/assign", Map.of("assignee", attacker));
        writes.put("/api/tasks/" + theirs.screeningTask() + "/claim", null);
        writes.put("/api/tasks/" + theirs.screeningTask() + "/complete", approval);
        writes.put("/api/tasks/" + theirs.screeningTask().toUpperCase(Locale.ROOT) + "/claim", null);
        writes.put("/api/requests/" + theirs.inScreening() + "/withdraw", Map.of("reason", "Angreb"));
        writes.put("/api/requests/" + theirs.inTriage().replace("-", "%2D") + "/withdraw", Map.of("reason", "Angreb"));
        writes.put("/api/requests/" + theirs.inScreening() + "/fast-track/step-in", null);
        writes.put("/api/requests/" + theirs.inScreening() + "/vendor/invitations", Map.of("email", "angriber@example.com"));
        writes.put(condition + "/report", Map.of("text", "Klaret"));
        writes.put(condition + "/verify", null);
        writes.put(condition + "/waive", Map.of("reason", "Angreb"));
        writes.put(condition + "/owner", Map.of("owner", attacker));
        writes.put("/api/register/" + theirs.system() + "/retire", null);
        writes.put("/api/systems/" + theirs.system() + "/processors", processor);
        writes.put("/api/systems/" + theirs.system() + "/processors/" + theirs.processor() + "/remove", null);
        writes.forEach((path, body) -> {
            ApiClient.Response refused = api.post(attacker, path, body);
            assertThat(refused.status()).as(attacker + " POST " + path + " " + refused.body()).isIn(refusal(path));
            assertThat(String.valueOf(refused.body())).as(attacker + " POST " + path).doesNotContain(theirs.secretsBeyond(path));
        });
        for (String put : List.of("/api/register/" + theirs.system(), "/api/requests/" + theirs.inTriage() + "/vendor-contact",
                "/api/systems/" + theirs.system() + "/processors/" + theirs.processor(), "/api/municipalities/" + theirs.of().id())) {
            Object body = put.contains("vendor-contact") ? Map.of("name", "Angriber", "email", "angriber@example.com")
                    : put.contains("/processors/") ? processor : put.contains("/municipalities/") ? Map.of("name", "Overtaget") : system;
            ApiClient.RawResponse refused = api.raw(attacker, "PUT", put, "application/json", bytes(body));
            assertThat(refused.status()).as(attacker + " PUT " + put + " " + refused.body()).isIn(REFUSED);
        }
        Files.Multipart file = Files.file("angreb.pdf", "application/pdf", Files.pdf("angreb"));
        ApiClient.RawResponse upload = api.upload(attacker, request + "/attachments", file.contentType(), file.body());
        assertThat(upload.status()).as(attacker + " upload " + upload.body()).isIn(REFUSED);
        ApiClient.RawResponse remove = api.raw(attacker, "DELETE", request + "/attachments/" + theirs.attachment(), "application/json", null);
        assertThat(remove.status()).as(attacker + " delete a file " + remove.body()).isIn(REFUSED);
    }

    private static List<Integer> refusal(String path) {
        return path.contains(";") || path.contains("%2D") ? REFUSED_SPELLING : REFUSED;
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String similar(String user, String systemName) {
        ApiClient.Response response = api.get(user, "/api/register/similar?systemName=" + WebSession.encode(systemName));
        assertThat(response.status()).as(user + " " + response).isEqualTo(200);
        return response.body().toString();
    }
}
