package dk.indkoebsscreening.overview;

import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.municipality.MunicipalityForm;
import dk.indkoebsscreening.municipality.MunicipalitySettings;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.request.Requests.StatusCount;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.MadeUpMunicipalities;
import dk.indkoebsscreening.testsupport.WebSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard per municipality: each municipality's figures count its own requests only, all together sum them, and
 * only the shared organisation's administrators choose whose they see; a coordinator who names another municipality
 * in the address still sees their own. A second municipality with requests of its own is made here, and one more
 * request of the installation's municipality, so the three sets of figures differ; all are removed after.
 */
class OverviewMunicipalitiesTest extends ApiTestBase {

    private static final String OTHER = "test-overblik-oestby";
    private static final String OTHER_NAME = "Østby Kommune";
    private static final Pattern IN_SCREENING_ROW = Pattern.compile("<td>Under screening</td><td class=\"number\">(\\d+)</td>");

    @Autowired
    IdentityService identity;
    @Autowired
    MunicipalitySettings settings;
    @Autowired
    OverviewService overview;
    @Autowired
    InstallationProperties installation;
    @Autowired
    Municipalities municipalities;

    private final List<UUID> ours = new ArrayList<>();
    private final List<UUID> theirs = new ArrayList<>();
    private long oursInScreening;

    @BeforeEach
    void addMunicipalityWithRequests() {
        settings.create(new MunicipalityForm(OTHER, OTHER_NAME, null, null, "Østby Indkøb <indkoeb@oestby.example>", null,
                10, BigDecimal.ZERO, null, "urn:indkoebsscreening:oestby", Map.of(), Set.of()));
        // At least one of ours, so that no two of the three sets of figures can be alike.
        ours.add(insertRequestInScreening());
        oursInScreening = inScreening(overview.figuresOf(installation.municipalityId()));
        Tenancy.runAs(OTHER, () -> {
            for (long i = 0; i < oursInScreening + 3; i++) {
                theirs.add(insertRequestInScreening());
            }
        });
    }

    @AfterEach
    void removeMunicipalityAndRequests() {
        ours.forEach(this::deleteRequest);
        Tenancy.runAs(OTHER, () -> theirs.forEach(this::deleteRequest));
        MadeUpMunicipalities.remove(jdbc, identity, OTHER);
    }

    @Test
    void eachMunicipalityCountsItsOwnRequestsAndAllTogetherSumsThem() {
        long theirsInScreening = oursInScreening + 3;

        assertThat(oursInScreening).isEqualTo(jdbc.sql("select count(*) from purchase_request where status = 'IN_SCREENING'")
                .query(Long.class).single());
        assertThat(inScreening(overview.figuresOf(OTHER))).isEqualTo(theirsInScreening);
        assertThat(inScreening(overview.figuresOfAll())).isEqualTo(inScreeningAcross())
                .isEqualTo(municipalities.all().stream().mapToLong(each -> inScreening(overview.figuresOf(each.id()))).sum())
                .isGreaterThanOrEqualTo(oursInScreening + theirsInScreening);
    }

    @Test
    void anAdministratorChoosesOneMunicipalityOrAllTogether() {
        WebSession admin = new WebSession(port);
        admin.login("admin");

        String all = admin.get("/overblik").body();
        assertThat(all).contains("Overblik: Alle kommuner", "<option value=\"" + OTHER + "\">" + OTHER_NAME + "</option>");
        assertThat(inScreening(all)).isEqualTo(inScreeningAcross()).isGreaterThanOrEqualTo(2 * oursInScreening + 3);

        String theirs = admin.get("/overblik?kommune=" + OTHER).body();
        assertThat(theirs).contains("Overblik: " + OTHER_NAME).doesNotContain("id=\"renewals\"")
                .as("the tests' maximum age of 0 s said in whole minutes").contains("de er aldrig mere end ét minut gamle");
        assertThat(inScreening(theirs)).isEqualTo(oursInScreening + 3);

        String ours = admin.get("/overblik?kommune=" + installation.municipalityId()).body();
        assertThat(ours).as("the shared organisation's administrator has no municipality of their own: no work lists")
                .contains("Overblik: Nordby Kommune").doesNotContain("id=\"renewals\"", "id=\"supervisions\"");
        assertThat(inScreening(ours)).isEqualTo(oursInScreening);

        for (String unknown : List.of("ingen-saadan", "%3Cscript%3E", "a".repeat(2000), OTHER + "&kommune=" + OTHER)) {
            HttpResponse<String> refused = admin.get("/overblik?kommune=" + unknown);
            assertThat(refused.statusCode()).as(unknown).isEqualTo(404);
        }
    }

    /** The attacker's test: a coordinator of the installation's municipality names the other one in the address. */
    @Test
    void aCoordinatorSeesOnlyTheirOwnMunicipalityWhateverTheAddressSays() {
        WebSession coordinator = new WebSession(port);
        coordinator.login("koordinator");

        for (String path : List.of("/overblik", "/overblik?kommune=" + OTHER, "/overblik?kommune=", "/overblik?kommune=x%25")) {
            HttpResponse<String> page = coordinator.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("Overblik: Nordby Kommune").doesNotContain(OTHER_NAME, OTHER, "Alle kommuner");
            assertThat(inScreening(page.body())).as(path).isEqualTo(oursInScreening);
        }
    }

    private UUID insertRequestInScreening() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into purchase_request (id, reference, title, system_name, vendor, need, department, requester,
                            one_off_cost_dkk, annual_cost_dkk, contract_years, expected_users, personal_data_categories,
                            hosting, status, submitted_at, deadline)
                        values (?, ?, 'Overblikkets indkøb', 'System', 'Leverandør', 'Behov', 'Afdeling', 'anna', 0, 9600, 1, 5,
                            array['NONE'], 'CLOUD_EU', 'IN_SCREENING', now(), now() + interval '10 days')
                        """)
                .params(id, "OVB-" + id.toString().substring(0, 8)).update();
        return id;
    }

    /** Every municipality's requests under screening, read past the row-level security as the shared organisation may. */
    private long inScreeningAcross() {
        return Tenancy.callAcross(() -> jdbc.sql("select count(*) from purchase_request where status = 'IN_SCREENING'")
                .query(Long.class).single());
    }

    private void deleteRequest(UUID id) {
        jdbc.sql("delete from purchase_request where id = ?").param(id).update();
    }

    private static long inScreening(OverviewService.Figures figures) {
        return figures.byStatus().stream().filter(row -> row.status() == RequestStatus.IN_SCREENING)
                .mapToLong(StatusCount::count).sum();
    }

    /** The page's figure of requests under screening, from the table that says the chart's figures in words. */
    private static long inScreening(String page) {
        Matcher row = IN_SCREENING_ROW.matcher(page);
        return row.find() ? Long.parseLong(row.group(1)) : 0;
    }
}
