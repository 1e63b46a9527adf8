package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.municipality.MunicipalityForm;
import dk.indkoebsscreening.municipality.MunicipalitySettings;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.MadeUpMunicipalities;
import dk.indkoebsscreening.testsupport.WebSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vendor's link of a second municipality works as the installation's: the job reminds and expires its rounds acting
 * for it (its history, mails with its sender, events), and its vendor opens the link and answers in it, the pages showing
 * its name; a link reaches its own municipality's round only, also in a browser holding another's vendor session. A
 * municipality and its requests made here, removed after.
 */
class VendorMunicipalityTest extends ApiTestBase {

    private static final String OTHER = "test-vendor-oestby";
    private static final String SENDER = "Østby Indkøb <indkoeb@oestby.example>";

    @Autowired
    IdentityService identity;
    @Autowired
    MunicipalitySettings settings;
    @Autowired
    InvitationRepository repository;
    @Autowired
    VendorLinkTimes times;
    @Autowired
    VendorLinks links;
    @Autowired
    VendorInvitations invitations;

    private final List<UUID> requests = new ArrayList<>();

    @BeforeEach
    void addMunicipality() {
        settings.create(new MunicipalityForm(OTHER, "Østby Kommune", null, null, SENDER, null,
                10, BigDecimal.ZERO, null, "urn:indkoebsscreening:oestby", Map.of(), Set.of()));
    }

    @AfterEach
    void removeMunicipalityAndItsRequests() {
        Tenancy.runAs(OTHER, () -> requests.forEach(request -> {
            jdbc.sql("delete from mail_outbox where request_id = ?").param(request).update();
            jdbc.sql("delete from outbox_event where request_id = ?").param(request).update();
            jdbc.sql("delete from purchase_request where id = ?").param(request).update();
        }));
        MadeUpMunicipalities.remove(jdbc, identity, OTHER);
    }

    @Test
    void theJobRemindsAndExpiresAnotherMunicipalitysRoundsActingForIt() {
        Instant now = Instant.now();
        UUID reminded = openRound(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(2)));
        UUID expired = openRound(now.minus(Duration.ofDays(3)), now.minus(Duration.ofMinutes(1)));

        times.run();

        Tenancy.runAs(OTHER, () -> {
            assertThat(jdbc.sql("select reminded_at is not null from vendor_invitation where id = ?").param(reminded)
                    .query(Boolean.class).single()).as("reminded").isTrue();
            assertThat(jdbc.sql("select state from vendor_invitation where id = ?").param(expired).query(String.class).single())
                    .isEqualTo("EXPIRED");
            assertThat(jdbc.sql("select kind || '@' || tenant_id from case_history where request_id in (?, ?) order by kind")
                    .params(requestOf(reminded), requestOf(expired)).query(String.class).list())
                    .containsExactly("VENDOR_EXPIRED@" + OTHER, "VENDOR_REMINDED@" + OTHER);
            assertThat(jdbc.sql("select sender || '@' || tenant_id from mail_outbox where vendor_invitation_id = ? and kind = 'VENDOR_REMINDER'")
                    .param(reminded).query(String.class).list()).containsExactly(SENDER + "@" + OTHER);
            assertThat(jdbc.sql("select tenant_id from outbox_event where request_id = ? and type like '%vendor.expired%'")
                    .param(requestOf(expired)).query(String.class).list()).containsExactly(OTHER);
        });
    }

    @Test
    void anotherMunicipalitysVendorOpensTheLinkInItsMunicipality() {
        Instant now = Instant.now();
        UUID invitation = openRound(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)));
        String token = token(invitation);

        WebSession browser = new WebSession(port);
        HttpResponse<String> landing = browser.get(VendorLinks.PATH + token);
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("Østby Kommune");
        assertThat(browser.postForm(VendorLinks.PATH + token, "/leverandoer/adgang", "token=" + token).statusCode()).isEqualTo(303);
        HttpResponse<String> questionnaire = browser.get("/leverandoer/spoergeskema");
        assertThat(questionnaire.statusCode()).isEqualTo(200);
        assertThat(questionnaire.body()).contains("Østby Kommune", "Østbys indkøb");
        assertThat(Tenancy.callAs(OTHER, () -> jdbc.sql("select tenant_id from case_history where request_id = ? and kind = 'VENDOR_OPENED'")
                .param(requestOf(invitation)).query(String.class).list())).containsExactly(OTHER);

        Tenancy.runAs(OTHER, () -> jdbc.sql("update vendor_invitation set expires_at = now() - interval '1 minute' where id = ?")
                .param(invitation).update());
        HttpResponse<String> expired = new WebSession(port).get(VendorLinks.PATH + token);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Østby Kommune");
        assertThat(browser.get("/leverandoer/spoergeskema").body()).as("the session ends with its round").contains("Østby Kommune")
                .doesNotContain("Østbys indkøb");
    }

    @Test
    void aLinkReachesOnlyItsOwnMunicipalitysRoundWhateverSessionTheBrowserHolds() {
        Instant now = Instant.now();
        String ours = lifecycle.submitAndAccept("anna", "Kommunens eget indkøb");
        String oursLink = links.mint(invitations.invite(UUID.fromString(ours), new Invite("Lise Leverandør",
                "lise@leverandoer.example", VendorLanguage.DA, List.of()), "koordinator").id());
        String oursToken = oursLink.substring(oursLink.lastIndexOf('/') + 1);
        String theirsToken = token(openRound(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3))));

        WebSession browser = new WebSession(port);
        assertThat(browser.postForm(VendorLinks.PATH + theirsToken, "/leverandoer/adgang", "token=" + theirsToken).statusCode())
                .isEqualTo(303);
        assertThat(browser.get("/leverandoer/spoergeskema").body()).contains("Østbys indkøb").doesNotContain("Kommunens eget indkøb");
        assertThat(browser.postForm(VendorLinks.PATH + oursToken, "/leverandoer/adgang", "token=" + oursToken).statusCode())
                .isEqualTo(303);
        assertThat(browser.get("/leverandoer/spoergeskema").body()).contains("Kommunens eget indkøb").doesNotContain("Østby");
    }

    private String token(UUID invitation) {
        String link = Tenancy.callAs(OTHER, () -> links.mint(invitation));
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** An open first round of a new request of the other municipality, as its id. */
    private UUID openRound(Instant remindAt, Instant expiresAt) {
        UUID request = UUID.randomUUID();
        requests.add(request);
        UUID invitation = UUID.randomUUID();
        Tenancy.runAs(OTHER, () -> {
            jdbc.sql("""
                            insert into purchase_request (id, reference, title, system_name, vendor, need, department, requester,
                                one_off_cost_dkk, annual_cost_dkk, contract_years, expected_users, personal_data_categories,
                                hosting, status, submitted_at, deadline)
                            values (?, ?, 'Østbys indkøb', 'System', 'Leverandør', 'Behov', 'Afdeling', 'anna', 0, 9600, 1, 5,
                                array['NONE'], 'CLOUD_EU', 'IN_SCREENING', now(), now() + interval '10 days')
                            """)
                    .params(request, "IND-2026-" + (9000 + requests.size())).update();
            repository.insert(new VendorInvitation(invitation, request, 1, "Lise Leverandør", "lise@leverandoer.example",
                    VendorLanguage.DA, List.of(), "koordinator", remindAt.minus(Duration.ofDays(5)), expiresAt, null, null, null,
                    null, null, InvitationState.OPEN), remindAt);
        });
        return invitation;
    }

    private UUID requestOf(UUID invitation) {
        return Tenancy.callAs(OTHER, () -> repository.find(invitation).orElseThrow().requestId());
    }
}
