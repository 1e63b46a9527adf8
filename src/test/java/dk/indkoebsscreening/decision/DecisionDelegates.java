package dk.indkoebsscreening.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.system.JsonCodec;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Test access to the package-private delegates of the model, wired to a (mock) service. */
public final class DecisionDelegates {

    private DecisionDelegates() {
    }

    public static JavaDelegate recordDecision(DecisionService decisions) {
        return new RecordDecisionDelegate(decisions, new JsonCodec(new ObjectMapper().findAndRegisterModules()));
    }

    public static JavaDelegate decideByRule(DecisionService decisions) {
        return new DecideByRulesDelegate(decisions);
    }

    public static TaskListener recordRecommendation(DecisionService decisions) {
        return new RecordRecommendationListener(decisions);
    }
}
