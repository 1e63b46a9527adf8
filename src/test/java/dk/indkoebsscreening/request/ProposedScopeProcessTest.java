package dk.indkoebsscreening.request;

import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.scope.FastTrackHandling;
import dk.indkoebsscreening.scope.Scope;
import dk.indkoebsscreening.scope.ScopeFlag;
import dk.indkoebsscreening.scope.ScopeRules;
import dk.indkoebsscreening.testsupport.InMemoryEngine;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope proposed at submission, from the request and the EU threshold in force on its submission day, through
 * the deployed {@code ScreeningScope.dmn} on an in-memory engine (its own JVM, with the process tests). The
 * thresholds are the shipped ones, as in application.yml: 2024-25 in kroner, 2026-27 in euro.
 */
@Deployment(resources = "bpmn/ScreeningScope.dmn")
@InMemoryEngine
class ProposedScopeProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final ProcurementProperties SHIPPED = ContractValueTest.SHIPPED;
    /** A municipality with the policy figures a new installation's first municipality gets. */
    static final Municipality FIRST = new Municipality("kommune", "Demo Kommune", null, null, "indkoeb@demo.kommune.dk", null,
            1000, BigDecimal.valueOf(100_000), null, URI.create("urn:indkoebsscreening:demo-kommune"), Map.of(), Set.of(), Instant.EPOCH, Instant.EPOCH);

    private Scope proposed(PurchaseRequest request) {
        return new ProposedScope(new ScopeRules(engine.getDecisionService(), () -> FIRST), SHIPPED, COPENHAGEN).of(request);
    }

    private static PurchaseRequest request(String submittedOn, PersonalData data, Hosting hosting, String oneOff,
                                           String annual, int years, int users, String integrations) {
        ZonedDateTime at = LocalDate.parse(submittedOn).atTime(10, 0).atZone(COPENHAGEN);
        return new PurchaseRequest(UUID.randomUUID(), "IND-2025-0001", "Titel", "System", "Leverandør", "Behov", "Afdeling",
                "anna", new BigDecimal(oneOff), new BigDecimal(annual), years, users, List.of(data), hosting, null, integrations,
                null, null, RequestStatus.IN_TRIAGE, at.toInstant(), at.toInstant().plusSeconds(7 * 86400), null, null, null, null, null);
    }

    @Test
    @DisplayName("The fast track is handled fast (no triage, 2 working days, decided by the rule); another request the normal way")
    void theFastTrackIsHandledFast() {
        ProposedScope proposals = new ProposedScope(new ScopeRules(engine.getDecisionService(), () -> FIRST), SHIPPED, COPENHAGEN);
        PurchaseRequest small = request("2025-06-02", PersonalData.NONE, Hosting.CLOUD_EU, "0", "9600", 1, 15, null);
        PurchaseRequest large = request("2025-06-02", PersonalData.CPR, Hosting.CLOUD_EU, "85000", "60000", 4, 25, "MitID");

        assertThat(proposals.handling(small, proposals.of(small)))
                .isEqualTo(new FastTrackHandling("Rule_FastTrackHandling_Automatic", true, 2, true));
        assertThat(proposals.handling(large, proposals.of(large)))
                .isEqualTo(new FastTrackHandling("Rule_FastTrackHandling_Normal", false, null, false));
    }

    @Test
    @DisplayName("A small request without personal data or integrations goes the fast track with three areas")
    void smallRequestGoesTheFastTrack() {
        Scope scope = proposed(request("2025-06-02", PersonalData.NONE, Hosting.CLOUD_EU, "20000", "10000", 3, 15, null));

        assertThat(scope.flags()).containsExactly(ScopeFlag.FAST_TRACK);
        assertThat(scope.areas()).containsExactly(Area.USER_MANAGEMENT, Area.SUPPORT, Area.CONTRACT);
        assertThat(scope.notRelevant()).containsExactly(Area.SECURITY, Area.INSTALLATION, Area.IMPLEMENTATION);
    }

    @Test
    @DisplayName("A large cloud request with CPR numbers outside the EU, submitted in 2025: all areas, DPIA, third country, EU tender (above 1 644 638 kr.)")
    void largeCloudRequestWithCprOutsideTheEu() {
        Scope scope = proposed(request("2025-11-03", PersonalData.CPR, Hosting.CLOUD_OUTSIDE_EU, "600000", "400000", 4,
                2500, "CPR-opslag via Serviceplatformen"));

        assertThat(scope.areas()).containsExactly(Area.values());
        assertThat(scope.flags()).containsExactly(ScopeFlag.DPIA_LIKELY, ScopeFlag.THIRD_COUNTRY_TRANSFER,
                ScopeFlag.EU_TENDER_REQUIRED, ScopeFlag.FRAMEWORK_AGREEMENT);
    }

    @Test
    @DisplayName("The threshold is the one in force on the submission day: 1 644 638 kr. is not exceeded by exactly that, and a day without a configured threshold says so")
    void thresholdOfTheSubmissionDay() {
        assertThat(proposed(request("2025-12-31", PersonalData.ORDINARY, Hosting.ON_PREMISES, "1644638", "0", 1, 10, "AD"))
                .flags()).doesNotContain(ScopeFlag.EU_TENDER_REQUIRED, ScopeFlag.EU_THRESHOLD_UNKNOWN);
        assertThat(proposed(request("2025-12-31", PersonalData.ORDINARY, Hosting.ON_PREMISES, "1644639", "0", 1, 10, "AD"))
                .flags()).contains(ScopeFlag.EU_TENDER_REQUIRED);
        assertThat(proposed(request("2026-01-01", PersonalData.ORDINARY, Hosting.ON_PREMISES, "1644639", "0", 1, 10, "AD"))
                .flags()).contains(ScopeFlag.EU_THRESHOLD_UNKNOWN).doesNotContain(ScopeFlag.EU_TENDER_REQUIRED);
        assertThat(proposed(request("2028-01-03", PersonalData.ORDINARY, Hosting.ON_PREMISES, "9600", "0", 1, 10, "AD"))
                .flags()).contains(ScopeFlag.EU_THRESHOLD_UNKNOWN);
    }

    @Test
    @DisplayName("Without the 2026-27 kroner value the krone's band decides: a 9,600 kr. purchase is below, 2 million above, only a value inside the band is unknown")
    void theKroneBandDecidesWithoutTheKronerValue() {
        assertThat(proposed(request("2026-12-01", PersonalData.NONE, Hosting.CLOUD_EU, "0", "9600", 1, 5, null))
                .flags()).containsExactly(ScopeFlag.FAST_TRACK);
        assertThat(proposed(request("2026-12-01", PersonalData.ORDINARY, Hosting.ON_PREMISES, "2000000", "0", 1, 10, "AD"))
                .flags()).contains(ScopeFlag.EU_TENDER_REQUIRED).doesNotContain(ScopeFlag.EU_THRESHOLD_UNKNOWN);
        assertThat(proposed(request("2026-12-01", PersonalData.ORDINARY, Hosting.ON_PREMISES, "1600000", "0", 1, 10, "AD"))
                .flags()).contains(ScopeFlag.EU_THRESHOLD_UNKNOWN).doesNotContain(ScopeFlag.EU_TENDER_REQUIRED);
    }
}
