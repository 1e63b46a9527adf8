package dk.indkoebsscreening.scope;

import dk.indkoebsscreening.municipality.MunicipalityForm;
import dk.indkoebsscreening.municipality.MunicipalitySettings;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.MadeUpMunicipalities;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope table's policy figures are the municipality's: the same facts give another scope in a municipality with
 * other figures (created here, removed after), and the installation's keep the figures the table had.
 */
class MunicipalityScopeTest extends ApiTestBase {

    @Autowired
    IdentityService identity;

    private static final String STRICT = "test-scope-strengby";

    @Autowired
    ScopeRules rules;
    @Autowired
    MunicipalitySettings settings;

    @AfterEach
    void removeMunicipality() {
        MadeUpMunicipalities.remove(jdbc, identity, STRICT);
    }

    @Test
    void theSameFactsGiveAnotherScopeWhereTheFiguresAreOthers() {
        settings.create(new MunicipalityForm(STRICT, "Strengby Kommune", null, null, "indkoeb@strengby.example", null, 50,
                BigDecimal.valueOf(20_000), null, "urn:indkoebsscreening:strengby", Map.of(), Set.of()));
        ScopeFacts manyUsers = new ScopeFacts(List.of("ORDINARY"), "ON_PREMISES", 200, true, BigDecimal.valueOf(300_000), false);
        ScopeFacts small = new ScopeFacts(List.of("NONE"), "CLOUD_EU", 5, false, BigDecimal.valueOf(50_000), false);

        assertThat(rules.evaluate(manyUsers).flags()).doesNotContain(ScopeFlag.DPIA_LIKELY);
        assertThat(Tenancy.callAs(STRICT, () -> rules.evaluate(manyUsers)).flags()).contains(ScopeFlag.DPIA_LIKELY);

        assertThat(rules.evaluate(small).flags()).contains(ScopeFlag.FAST_TRACK).doesNotContain(ScopeFlag.FRAMEWORK_AGREEMENT);
        assertThat(Tenancy.callAs(STRICT, () -> rules.evaluate(small)).flags())
                .doesNotContain(ScopeFlag.FAST_TRACK).contains(ScopeFlag.FRAMEWORK_AGREEMENT);
    }
}
