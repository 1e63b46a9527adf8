package dk.indkoebsscreening.municipality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.LogCapture;
import dk.indkoebsscreening.testsupport.MadeUpMunicipalities;
import dk.indkoebsscreening.testsupport.WebSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The municipalities' settings: the first one as the configuration had them, new ones and changes by the installation's
 * administrators through the API and the pages, refusals that change nothing, and nobody else let in. The
 * municipalities made up here ({@code test-…}) are removed after each test.
 */
@RecordApplicationEvents
class MunicipalitySettingsTest extends ApiTestBase {

    @Autowired
    IdentityService identity;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/municipalities";
    private static final String PAGE = "/admin/kommuner";
    /** Every demo user who is no administrator of the installation. */
    private static final List<String> NOT_ADMINS = List.of("anna", "sikkerhed", "brugerstyring", "support", "kontrakt",
            "installation", "implementering", "koordinator");

    @Autowired
    Municipalities municipalities;
    @Autowired
    MunicipalitySettings settings;
    @Autowired
    InstallationProperties installation;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ApplicationEvents events;
    @Autowired
    FirstMunicipality first;

    @RegisterExtension
    final LogCapture firstStartLog = new LogCapture(FirstMunicipality.class.getName());

    @AfterEach
    void removeMadeUpMunicipalities() {
        MadeUpMunicipalities.remove(jdbc, identity, "test-%");
    }

    static Map<String, Object> settings(String id, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("cvr", "29189897");
        body.put("mailSender", "Indkøbsscreening <indkoeb@" + id + ".example>");
        body.put("dpiaMinUsers", 250);
        body.put("fastTrackMaxValueDkk", 50000);
        body.put("accessibilityContact", "web@" + id + ".example");
        body.put("eventsSource", "urn:indkoebsscreening:" + id);
        body.put("groupMailboxes", Map.of("screening-security", "sikkerhed@" + id + ".example"));
        return body;
    }

    private ApiClient.RawResponse put(String user, String path, Object body) throws IOException {
        return api.raw(user, "PUT", path, "application/json", JSON.writeValueAsBytes(body));
    }

    private long count() {
        return jdbc.sql("select count(*) from municipality").query(Long.class).single();
    }

    @Test
    void theFirstMunicipalityHasTheSettingsTheConfigurationHad() {
        Municipality first = municipalities.current();
        assertThat(first.id()).isEqualTo(installation.municipalityId());
        assertThat(first.name()).isEqualTo("Nordby Kommune");
        assertThat(first.mailSender()).isEqualTo("Indkøbsscreening <indkoebsscreening@demo.kommune.dk>");
        assertThat(first.eventsSource()).isEqualTo(URI.create("urn:indkoebsscreening:nordby"));
        assertThat(first.dpiaMinUsers()).isEqualTo(1000);
        assertThat(first.fastTrackMaxValueDkk()).isEqualByComparingTo("100000");
        assertThat(Tenancy.callAcross(municipalities::current)).isEqualTo(first);
    }

    @Test
    void anAdministratorAddsAMunicipalityThatIsCurrentForItsWork() throws IOException {
        ApiClient.Response created = api.post("admin", API, settings("test-nordby", "Nordby Kommune"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("fastTrackMaxValueDkk").decimalValue()).isEqualByComparingTo("50000");
        assertThat(created.body().get("groupMailboxes").get("screening-security").asText()).isEqualTo("sikkerhed@test-nordby.example");

        Map<String, Object> changed = settings("test-nordby", "Nordby Kommune");
        changed.remove("id");
        changed.put("dpiaMinUsers", 400);
        changed.put("groupMailboxes", Map.of());
        assertThat(put("admin", API + "/test-nordby", changed).status()).isEqualTo(200);
        JsonNode read = api.get("admin", API + "/test-nordby").body();
        assertThat(read.get("dpiaMinUsers").asInt()).isEqualTo(400);
        assertThat(read.get("groupMailboxes").size()).isZero();
        assertThat(api.get("admin", API).body().findValuesAsText("id")).contains("test-nordby", installation.municipalityId());

        Municipality nordby = Tenancy.callAs("test-nordby", municipalities::current);
        assertThat(nordby.mailSender()).isEqualTo("Indkøbsscreening <indkoeb@test-nordby.example>");
        assertThat(nordby.eventsSource()).isEqualTo(URI.create("urn:indkoebsscreening:test-nordby"));
    }

    /** After the first start the settings apply; a configuration that says otherwise is named in the log, once a setting. */
    @Test
    void aStartWhoseConfigurationDiffersFromTheSettingsSaysWhichSettingsApply() {
        String id = installation.municipalityId();
        String configuredSender = municipalities.byId(id).mailSender();
        first.writeIfAbsent();
        assertThat(firstStartLog.messages()).as("configuration and settings agree").isEmpty();

        jdbc.sql("update municipality set mail_sender = 'Indkøb <ny@kommune.example>' where id = ?").param(id).update();
        try {
            first.writeIfAbsent();
            assertThat(firstStartLog.messages()).singleElement().asString()
                    .contains("indkoeb.notifications.from", configuredSender, "Indkøb <ny@kommune.example>", "/admin/kommuner");
            assertThat(municipalities.byId(id).mailSender()).as("the settings apply").isEqualTo("Indkøb <ny@kommune.example>");
        } finally {
            jdbc.sql("update municipality set mail_sender = ? where id = ?").params(configuredSender, id).update();
        }
    }

    @Test
    void aNewMunicipalityIsAnnouncedAfterItsCommitOnly() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> {
            settings.create(form("test-sydby"));
            assertThat(events.stream(MunicipalityAdded.class)).isEmpty();
        });
        assertThat(events.stream(MunicipalityAdded.class)).containsExactly(new MunicipalityAdded("test-sydby", "Sydby Kommune"));
        assertThat(identity.createTenantQuery().tenantId("test-sydby").singleResult().getName())
                .as("its tenant in the engine, at once").isEqualTo("Sydby Kommune");

        transaction.executeWithoutResult(status -> {
            settings.create(form("test-rulled-tilbage"));
            status.setRollbackOnly();
        });
        assertThat(events.stream(MunicipalityAdded.class)).hasSize(1);
        assertThat(municipalities.find("test-rulled-tilbage")).isEmpty();
        assertThat(identity.createTenantQuery().tenantId("test-rulled-tilbage").count()).isZero();
    }

    private static MunicipalityForm form(String id) {
        return new MunicipalityForm(id, "Sydby Kommune", null, null, "indkoeb@sydby.example", null, 10, BigDecimal.ZERO,
                null, "urn:indkoebsscreening:" + id, Map.of(), Set.of());
    }

    @Test
    void badSettingsAreRefusedFieldByFieldAndChangeNothing() throws IOException {
        assertThat(api.post("admin", API, settings("test-vestby", "Vestby Kommune")).status()).isEqualTo(201);
        long before = count();
        Municipality vestby = municipalities.byId("test-vestby");

        Map<String, Object> bad = settings("Test Østby", " ");
        bad.put("cvr", "1234");
        bad.put("mailSender", "ikke en adresse");
        bad.put("dpiaMinUsers", "mange");
        bad.put("fastTrackMaxValueDkk", -1);
        bad.put("accessibilityContact", "nej");
        bad.put("eventsSource", "uden skema");
        bad.put("groupMailboxes", Map.of("screening-security", "nej"));
        bad.put("unknown", true);
        ApiClient.Response refused = api.post("admin", API, bad);
        assertThat(refused.status()).isEqualTo(400);
        String problem = refused.body().toString();
        assertThat(problem).contains("Id'et må kun have små bogstaver", "Skriv kommunens navn.", "CVR-nummeret er 8 cifre.",
                "Beløbet kan ikke være negativt.", "unknown");
        assertThat(refused.body().findValuesAsText("field")).contains("id", "name", "cvr", "dpiaMinUsers",
                "fastTrackMaxValueDkk", "accessibilityContact", "groupMailboxes.screening-security", "unknown");

        Map<String, Object> rulesOnly = settings("test-oestby", "Østby Kommune");
        rulesOnly.put("mailSender", "ikke en adresse");
        rulesOnly.put("eventsSource", "uden skema");
        ApiClient.Response rules = api.post("admin", API, rulesOnly);
        assertThat(rules.status()).isEqualTo(400);
        assertThat(rules.body().findValuesAsText("field")).containsExactlyInAnyOrder("mailSender", "eventsSource");

        ApiClient.Response taken = api.post("admin", API, settings("test-vestby", "Anden Vestby"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body().toString()).contains("Der er allerede en kommune med id'et test-vestby.");

        Map<String, Object> renamed = settings("test-andet-id", "Vestby Kommune");
        assertThat(put("admin", API + "/test-vestby", renamed).status()).isEqualTo(400);
        Map<String, Object> badChange = settings("test-vestby", "");
        assertThat(put("admin", API + "/test-vestby", badChange).status()).isEqualTo(400);
        assertThat(put("admin", API + "/test-findes-ikke", settings("test-findes-ikke", "X")).status()).isEqualTo(404);
        assertThat(api.get("admin", API + "/test-findes-ikke").status()).isEqualTo(404);

        assertThat(count()).isEqualTo(before);
        assertThat(municipalities.byId("test-vestby")).isEqualTo(vestby);
        assertThatThrownBy(() -> settings.create(form(null))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void nobodyButTheInstallationsAdministratorsReadsOrChangesTheSettings() throws IOException {
        String first = installation.municipalityId();
        Municipality before = municipalities.byId(first);
        long count = count();
        for (String user : NOT_ADMINS) {
            assertThat(api.get(user, API).status()).as(user).isEqualTo(403);
            assertThat(api.get(user, API + "/" + first).status()).as(user).isEqualTo(403);
            assertThat(api.post(user, API, settings("test-indsneget", "Indsneget")).status()).as(user).isEqualTo(403);
            assertThat(put(user, API + "/" + first, settings(first, "Overtaget")).status()).as(user).isEqualTo(403);
            for (String path : List.of(API + "/", API + "/" + first + "/", "/api/municipalities/./" + first)) {
                assertThat(put(user, path, settings(first, "Overtaget")).status()).as(user + " " + path).isIn(400, 403, 404);
            }

            WebSession session = new WebSession(port);
            session.login(user);
            assertThat(session.get(PAGE).statusCode()).as(user).isEqualTo(403);
            assertThat(session.get(PAGE + "/" + first).statusCode()).as(user).isEqualTo(403);
            assertThat(session.postForm("/indstillinger", PAGE + "/ny", "id=test-indsneget&name=Indsneget").statusCode())
                    .as(user).isEqualTo(403);
            assertThat(session.postForm("/indstillinger", PAGE + "/" + first, "name=Overtaget").statusCode()).as(user).isEqualTo(403);
            assertThat(session.postForm("/indstillinger", PAGE + "/" + first + "/", "name=Overtaget").statusCode()).as(user).isIn(400, 403, 404);
            assertThat(session.send("POST", PAGE + "/" + first, "application/x-www-form-urlencoded",
                    "name=Overtaget".getBytes()).statusCode()).as(user + " without CSRF token").isEqualTo(403);
        }
        assertThat(api.get(null, API).status()).isEqualTo(401);
        assertThat(count()).isEqualTo(count);
        assertThat(municipalities.byId(first)).isEqualTo(before);
    }

    @Test
    void theAccessibilityStatementNamesTheMunicipalitysContact() {
        Municipality first = municipalities.current();
        MunicipalityForm withContact = new MunicipalityForm(null, first.name(), first.logoText(), first.cvr(), first.mailSender(),
                first.kitosOrganisationUuid(), first.dpiaMinUsers(), first.fastTrackMaxValueDkk(), "tilgaengelighed@demo.example",
                first.eventsSource().toString(), first.groupMailboxes(), first.sharedAreas());
        try {
            settings.update(first.id(), withContact);
            assertThat(new WebSession(port).get("/tilgaengelighed").body()).contains("mailto:tilgaengelighed@demo.example");
        } finally {
            jdbc.sql("update municipality set accessibility_contact = ?, updated_at = ? where id = ?")
                    .params(first.accessibilityContact(), Timestamp.from(first.updatedAt()), first.id()).update();
        }
        assertThat(municipalities.current()).isEqualTo(first);
    }

    @Test
    void anAdministratorKeepsTheSettingsOnThePagesInDanish() {
        WebSession session = new WebSession(port);
        session.login("admin");
        assertThat(session.get(PAGE).body()).contains("Nordby Kommune");

        HttpResponse<String> refused = session.postForm(PAGE + "/ny", PAGE + "/ny",
                "id=Test+Nord&name=&mailSender=nej&dpiaMinUsers=mange&fastTrackMaxValueDkk=100.000&eventsSource=urn%3Ax");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Id&#39;et må kun have små bogstaver", "Skriv kommunens navn.",
                "Angiv én e-mailadresse", "value=\"mange\"");
        assertThat(municipalities.find("test-nord")).isEmpty();

        HttpResponse<String> added = session.postForm(PAGE + "/ny", PAGE + "/ny",
                "id=test-nord&name=Nord+Kommune&mailSender=indkoeb%40nord.example&dpiaMinUsers=1.500"
                        + "&fastTrackMaxValueDkk=75.000%2C50&eventsSource=urn%3Aindkoebsscreening%3Atest-nord");
        assertThat(added.statusCode()).isEqualTo(302);
        Municipality nord = municipalities.byId("test-nord");
        assertThat(nord.dpiaMinUsers()).isEqualTo(1500);
        assertThat(nord.fastTrackMaxValueDkk()).isEqualByComparingTo("75000.50");

        jdbc.sql("insert into municipality_group_mailbox values ('test-nord', 'screening-support', 'support@nord.example')").update();
        assertThat(session.get(PAGE + "/test-nord").body()).contains("75000,5");
        HttpResponse<String> saved = session.postForm(PAGE + "/test-nord", PAGE + "/test-nord",
                "name=Nord+Kommune&logoText=IT+og+Digitalisering&mailSender=indkoeb%40nord.example&dpiaMinUsers=900"
                        + "&fastTrackMaxValueDkk=0&eventsSource=urn%3Aindkoebsscreening%3Atest-nord");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(municipalities.byId("test-nord").logoText()).isEqualTo("IT og Digitalisering");
        assertThat(municipalities.byId("test-nord").groupMailboxes()).containsEntry("screening-support", "support@nord.example");
    }
}
