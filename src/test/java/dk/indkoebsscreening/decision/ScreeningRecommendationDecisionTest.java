package dk.indkoebsscreening.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code bpmn/ScreeningRecommendation.dmn}, evaluated by the DMN engine with the six verdicts as a list of strings. */
class ScreeningRecommendationDecisionTest {

    static final String DECISION_KEY = "Decision_ScreeningRecommendation";

    private static final List<String> matchedRules = new ArrayList<>();
    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
            @Override
            public void notify(DmnDecisionTableEvaluationEvent event) {
                event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRules::add);
            }
        }));
        dmnEngine = configuration.buildEngine();
        try (InputStream dmn = ScreeningRecommendationDecisionTest.class.getClassLoader()
                .getResourceAsStream("bpmn/ScreeningRecommendation.dmn")) {
            assertThat(dmn).as("bpmn/ScreeningRecommendation.dmn on the classpath").isNotNull();
            decision = dmnEngine.parseDecision(DECISION_KEY, dmn);
        }
    }

    @BeforeEach
    void clearMatchedRules() {
        matchedRules.clear();
    }

    private static DmnDecisionTableResult evaluate(List<String> verdicts) {
        return dmnEngine.evaluateDecisionTable(decision, Variables.createVariables().putValue("verdicts", verdicts));
    }

    private static String recommendation(List<String> verdicts) {
        DmnDecisionTableResult result = evaluate(verdicts);
        assertThat(result).as("exactly one rule matches %s", verdicts).hasSize(1);
        return result.getSingleResult().getSingleEntry();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("all six approved", List.of("APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED"),
                        "APPROVED", "Rule_AllApproved"),
                Arguments.of("security with conditions", List.of("APPROVED_WITH_CONDITIONS", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED"),
                        "APPROVED_WITH_CONDITIONS", "Rule_ConditionsWithoutRejection"),
                Arguments.of("implementation with conditions", List.of("APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED_WITH_CONDITIONS"),
                        "APPROVED_WITH_CONDITIONS", "Rule_ConditionsWithoutRejection"),
                Arguments.of("all six with conditions", List.of("APPROVED_WITH_CONDITIONS", "APPROVED_WITH_CONDITIONS", "APPROVED_WITH_CONDITIONS",
                                "APPROVED_WITH_CONDITIONS", "APPROVED_WITH_CONDITIONS", "APPROVED_WITH_CONDITIONS"),
                        "APPROVED_WITH_CONDITIONS", "Rule_ConditionsWithoutRejection"),
                Arguments.of("contract rejected, others approved", List.of("APPROVED", "APPROVED", "APPROVED", "REJECTED", "APPROVED", "APPROVED"),
                        "REJECTED", "Rule_AnyRejected"),
                Arguments.of("one rejected together with conditions", List.of("APPROVED_WITH_CONDITIONS", "APPROVED", "REJECTED", "APPROVED",
                                "APPROVED_WITH_CONDITIONS", "APPROVED"),
                        "REJECTED", "Rule_AnyRejected"),
                Arguments.of("all six rejected", List.of("REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"),
                        "REJECTED", "Rule_AnyRejected"));
    }

    @ParameterizedTest(name = "{0} -> {2} ({3})")
    @MethodSource("rules")
    void everyRule(String description, List<String> verdicts, String expected, String rule) {
        assertThat(recommendation(verdicts)).isEqualTo(expected);
        assertThat(matchedRules).containsExactly(rule);
    }

    @Test
    @DisplayName("All 729 combinations of six verdicts match exactly one rule, with the documented precedence")
    void everyCombinationMatchesExactlyOneRule() {
        Verdict[] values = Verdict.values();
        int combinations = (int) Math.pow(values.length, 6);
        for (int n = 0; n < combinations; n++) {
            List<String> verdicts = new ArrayList<>();
            for (int i = 0, rest = n; i < 6; i++, rest /= values.length) {
                verdicts.add(values[rest % values.length].name());
            }
            String expected = verdicts.contains("REJECTED") ? "REJECTED"
                    : verdicts.contains("APPROVED_WITH_CONDITIONS") ? "APPROVED_WITH_CONDITIONS" : "APPROVED";
            assertThat(recommendation(verdicts)).as("%s", verdicts).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("The table's outputs are exactly the Verdict enum's names, so the listener can map them")
    void outputsAreVerdicts() {
        List<String> outputs = Stream.of(
                recommendation(List.of("APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED")),
                recommendation(List.of("APPROVED_WITH_CONDITIONS", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED")),
                recommendation(List.of("REJECTED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED")))
                .toList();
        assertThat(outputs).containsExactlyElementsOf(Arrays.stream(Verdict.values()).map(Verdict::name).toList());
    }
}
