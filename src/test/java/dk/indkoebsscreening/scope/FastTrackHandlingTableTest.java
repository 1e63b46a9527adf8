package dk.indkoebsscreening.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.ScreeningProcess;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of the fast track's handling (Decision_FastTrackHandling at the end of {@code bpmn/ScreeningScope.dmn}) on
 * Camunda's DMN engine, for every hosting; each rule names itself as the rule recorded, and each matched in some case.
 */
class FastTrackHandlingTableTest {

    private static final Set<String> MATCHED = new HashSet<>();
    private static DmnEngine engine;
    private static DmnDecision handling;

    @BeforeAll
    static void parse() throws Exception {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        DmnDecisionTableEvaluationListener recordMatches = (DmnDecisionTableEvaluationEvent event) ->
                event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(MATCHED::add);
        configuration.customPostDecisionTableEvaluationListeners(List.of(recordMatches));
        engine = configuration.buildEngine();
        try (InputStream stream = resource()) {
            handling = engine.parseDecisions(stream).stream()
                    .filter(d -> d.getKey().equals(ScreeningProcess.HANDLING_DECISION_KEY)).findFirst().orElseThrow();
        }
    }

    private static InputStream resource() {
        return FastTrackHandlingTableTest.class.getClassLoader().getResourceAsStream("bpmn/ScreeningScope.dmn");
    }

    @ParameterizedTest(name = "fast track {0}, {1}: skip triage {2}, {3} working days, automatic {4} by {5}")
    @CsvSource(nullValues = "none", value = {
            "true,  ON_PREMISES,      true,  2,    true,  Rule_FastTrackHandling_Automatic",
            "true,  CLOUD_EU,         true,  2,    true,  Rule_FastTrackHandling_Automatic",
            "true,  CLOUD_OUTSIDE_EU, true,  3,    false, Rule_FastTrackHandling_OutsideEu",
            "false, ON_PREMISES,      false, none, false, Rule_FastTrackHandling_Normal",
            "false, CLOUD_EU,         false, none, false, Rule_FastTrackHandling_Normal",
            "false, CLOUD_OUTSIDE_EU, false, none, false, Rule_FastTrackHandling_Normal"})
    void handling(boolean fastTrack, String hosting, boolean skipTriage, Integer days, boolean automatic, String rule) {
        Map<String, Object> result = engine.evaluateDecisionTable(handling, Variables.createVariables()
                        .putValue(ScreeningProcess.SCOPE_FAST_TRACK, fastTrack)
                        .putValue(ScreeningProcess.SCOPE_HOSTING, hosting))
                .getSingleResult().getEntryMap();

        // An empty output (the configured week) is left out of the result.
        assertThat(result.get(ScreeningProcess.HANDLING_DEADLINE_WORKING_DAYS)).isEqualTo(days);
        assertThat(result).containsEntry(ScreeningProcess.SKIP_TRIAGE, skipTriage)
                .containsEntry(ScreeningProcess.AUTOMATIC_DECISION, automatic)
                .containsEntry(ScreeningProcess.HANDLING_RULE, rule);
    }

    @AfterAll
    static void everyRuleMatchedInSomeCaseAndNamesItself() throws Exception {
        DmnModelInstance model;
        try (InputStream stream = resource()) {
            model = Dmn.readModelFromStream(stream);
        }
        Decision decision = model.getModelElementById(ScreeningProcess.HANDLING_DECISION_KEY);
        Set<String> rules = ((DecisionTable) decision.getExpression()).getRules().stream().map(Rule::getId)
                .collect(Collectors.toSet());
        assertThat(rules).hasSize(3).allSatisfy(id -> assertThat(id).startsWith("Rule_FastTrackHandling_"));
        assertThat(MATCHED).as("rules matched by the cases above").containsAll(rules);
    }
}
