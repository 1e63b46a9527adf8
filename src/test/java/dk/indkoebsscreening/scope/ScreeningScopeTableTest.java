package dk.indkoebsscreening.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.ScreeningProcess;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of {@code bpmn/ScreeningScope.dmn} on Camunda's DMN engine (the same FEEL as in the application), and
 * at the end that each rule matched in at least one case: a rule no case reaches is untested.
 */
class ScreeningScopeTableTest {

    private static final Set<String> MATCHED = new HashSet<>();
    private static DmnEngine engine;
    private static DmnDecision flags;
    private static DmnDecision areas;

    @BeforeAll
    static void parse() throws Exception {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        DmnDecisionTableEvaluationListener recordMatches = (DmnDecisionTableEvaluationEvent event) ->
                event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(MATCHED::add);
        configuration.customPostDecisionTableEvaluationListeners(List.of(recordMatches));
        engine = configuration.buildEngine();
        try (InputStream stream = resource()) {
            List<DmnDecision> decisions = engine.parseDecisions(stream);
            flags = decisions.stream().filter(d -> d.getKey().equals(ScreeningProcess.SCOPE_FLAGS_DECISION_KEY)).findFirst().orElseThrow();
            areas = decisions.stream().filter(d -> d.getKey().equals(ScreeningProcess.SCOPE_AREAS_DECISION_KEY)).findFirst().orElseThrow();
        }
    }

    private static InputStream resource() {
        return ScreeningScopeTableTest.class.getClassLoader().getResourceAsStream("bpmn/ScreeningScope.dmn");
    }

    /** @param personalData the categories that apply, separated by commas, as ScopeRules passes them: a list */
    private static Set<String> flagsFor(String personalData, String hosting, int users, boolean integrations,
                                        double value, Boolean aboveThreshold) {
        VariableMap variables = Variables.createVariables()
                .putValue(ScreeningProcess.SCOPE_PERSONAL_DATA, List.of(personalData.split(",")))
                .putValue(ScreeningProcess.SCOPE_HOSTING, hosting)
                .putValue(ScreeningProcess.SCOPE_EXPECTED_USERS, users)
                .putValue(ScreeningProcess.SCOPE_HAS_INTEGRATIONS, integrations)
                .putValue(ScreeningProcess.SCOPE_CONTRACT_VALUE, value)
                .putValue(ScreeningProcess.SCOPE_ABOVE_EU_THRESHOLD, aboveThreshold)
                .putValue(ScreeningProcess.SCOPE_DPIA_MIN_USERS, 1000)
                .putValue(ScreeningProcess.SCOPE_FAST_TRACK_MAX_VALUE, 100_000.0);
        return engine.evaluateDecisionTable(flags, variables).<String>collectEntries(ScreeningProcess.SCOPE_FLAG)
                .stream().collect(Collectors.toSet());
    }

    private static Set<String> areasFor(boolean fastTrack, String hosting) {
        return engine.evaluateDecisionTable(areas, Variables.createVariables()
                        .putValue(ScreeningProcess.SCOPE_FAST_TRACK, fastTrack)
                        .putValue(ScreeningProcess.SCOPE_HOSTING, hosting))
                .<String>collectEntries(ScreeningProcess.SCOPE_AREA).stream().collect(Collectors.toSet());
    }

    static Stream<Arguments> flagCases() {
        return Stream.of(
                Arguments.of("sensitive data → DPIA", "SENSITIVE", "CLOUD_EU", 20, false, 50_000.0, false,
                        Set.of("DPIA_LIKELY")),
                Arguments.of("CPR numbers → DPIA", "CPR", "ON_PREMISES", 5, true, 90_000.0, false, Set.of("DPIA_LIKELY")),
                Arguments.of("criminal offences (art. 10) → DPIA", "CRIMINAL", "ON_PREMISES", 5, true, 90_000.0, false,
                        Set.of("DPIA_LIKELY")),
                Arguments.of("home care: CPR numbers and health data → DPIA", "CPR,SENSITIVE", "CLOUD_EU", 40, true, 90_000.0,
                        false, Set.of("DPIA_LIKELY")),
                Arguments.of("ordinary data and CPR numbers, few users → DPIA for the CPR numbers", "ORDINARY,CPR", "ON_PREMISES",
                        10, true, 90_000.0, false, Set.of("DPIA_LIKELY")),
                Arguments.of("ordinary data and art. 10, 1000 users → DPIA once", "ORDINARY,CRIMINAL", "ON_PREMISES", 1000,
                        true, 90_000.0, false, Set.of("DPIA_LIKELY")),
                Arguments.of("ordinary data, 1000 users → DPIA", "ORDINARY", "ON_PREMISES", 1000, false, 50_000.0, false,
                        Set.of("DPIA_LIKELY")),
                Arguments.of("ordinary data, 999 users → no DPIA", "ORDINARY", "ON_PREMISES", 999, false, 50_000.0, false,
                        Set.of()),
                Arguments.of("outside the EU → third country", "ORDINARY", "CLOUD_OUTSIDE_EU", 10, false, 50_000.0, false,
                        Set.of("THIRD_COUNTRY_TRANSFER")),
                Arguments.of("above the threshold → tender and framework", "ORDINARY", "ON_PREMISES", 10, true,
                        2_000_000.0, true, Set.of("EU_TENDER_REQUIRED", "FRAMEWORK_AGREEMENT")),
                Arguments.of("no threshold for the day → unknown", "ORDINARY", "ON_PREMISES", 10, true, 2_000_000.0, null,
                        Set.of("EU_THRESHOLD_UNKNOWN")),
                Arguments.of("cloud above 100 000 kr. → framework", "ORDINARY", "CLOUD_EU", 10, true, 100_001.0, false,
                        Set.of("FRAMEWORK_AGREEMENT")),
                Arguments.of("cloud at 100 000 kr. → no framework", "ORDINARY", "CLOUD_EU", 10, true, 100_000.0, false,
                        Set.of()),
                Arguments.of("no data, no integrations, 100 000 kr. → fast track", "NONE", "CLOUD_EU", 300, false,
                        100_000.0, false, Set.of("FAST_TRACK")),
                Arguments.of("ordinary data, no integrations, low value → no fast track", "ORDINARY", "CLOUD_EU", 5, false,
                        10_000.0, false, Set.of()),
                Arguments.of("no data but integrations → no fast track", "NONE", "ON_PREMISES", 3, true, 10_000.0, false,
                        Set.of()),
                Arguments.of("no data, no integrations, above 100 000 kr. → no fast track", "NONE", "ON_PREMISES", 3, false,
                        100_000.01, false, Set.of()),
                Arguments.of("a large cloud purchase with CPR numbers outside the EU", "CPR", "CLOUD_OUTSIDE_EU", 5000, true,
                        3_000_000.0, true, Set.of("DPIA_LIKELY", "THIRD_COUNTRY_TRANSFER", "EU_TENDER_REQUIRED",
                                "FRAMEWORK_AGREEMENT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flagCases")
    void flags(String description, String personalData, String hosting, int users, boolean integrations, double value,
               Boolean aboveThreshold, Set<String> expected) {
        assertThat(flagsFor(personalData, hosting, users, integrations, value, aboveThreshold))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @DisplayName("Not a fast track: all six areas")
    void everyAreaOutsideTheFastTrack() {
        assertThat(areasFor(false, "CLOUD_EU")).containsExactlyInAnyOrder("SECURITY", "USER_MANAGEMENT", "SUPPORT",
                "CONTRACT", "INSTALLATION", "IMPLEMENTATION");
        assertThat(areasFor(false, "ON_PREMISES")).hasSize(6);
    }

    @Test
    @DisplayName("Fast track in the cloud: user management, support and contract")
    void fastTrackInTheCloud() {
        assertThat(areasFor(true, "CLOUD_EU")).containsExactlyInAnyOrder("USER_MANAGEMENT", "SUPPORT", "CONTRACT");
    }

    @Test
    @DisplayName("Fast track hosted outside the EU/EEA: security too, for the transfer")
    void fastTrackOutsideTheEu() {
        assertThat(areasFor(true, "CLOUD_OUTSIDE_EU")).containsExactlyInAnyOrder("SECURITY", "USER_MANAGEMENT", "SUPPORT",
                "CONTRACT");
    }

    @Test
    @DisplayName("Fast track on the municipality's own servers: installation too")
    void fastTrackOnPremises() {
        assertThat(areasFor(true, "ON_PREMISES")).containsExactlyInAnyOrder("USER_MANAGEMENT", "SUPPORT", "CONTRACT",
                "INSTALLATION");
    }

    @Test
    @DisplayName("Both tables keep their history for 400 days and name their outputs as the code does")
    void historyAndOutputs() throws Exception {
        DmnModelInstance model;
        try (InputStream stream = resource()) {
            model = Dmn.readModelFromStream(stream);
        }
        assertThat(model.getModelElementsByType(Decision.class)).hasSize(3)
                .allSatisfy(decision -> assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("P400D"));
        assertThat(flags.getKey()).isEqualTo(ScreeningProcess.SCOPE_FLAGS_DECISION_KEY);
    }

    @AfterAll
    static void everyRuleMatchedInSomeCase() throws Exception {
        DmnModelInstance model;
        try (InputStream stream = resource()) {
            model = Dmn.readModelFromStream(stream);
        }
        // The fast track's handling has its own test (FastTrackHandlingTableTest).
        Set<String> rules = model.getModelElementsByType(Rule.class).stream().map(Rule::getId)
                .filter(id -> !id.startsWith("Rule_FastTrackHandling_")).collect(Collectors.toSet());
        assertThat(rules).hasSize(16);
        assertThat(MATCHED).as("rules matched by the cases above").containsAll(rules);
    }
}
