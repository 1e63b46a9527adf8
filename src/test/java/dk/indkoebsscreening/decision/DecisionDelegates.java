package dk.indkoebsscreening.decision;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Test access to the package-private delegates of the model, wired to a (mock) service. */
public final class DecisionDelegates {

    private DecisionDelegates() {
    }

    public static JavaDelegate recordDecision(DecisionService decisions) {
        return new RecordDecisionDelegate(decisions);
    }

    public static TaskListener recordRecommendation(DecisionService decisions) {
        return new RecordRecommendationListener(decisions);
    }
}
