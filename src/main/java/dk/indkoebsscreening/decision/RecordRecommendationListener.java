package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.Verdict;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creation of {@code Task_Decide}: stores the recommendation table's result for the coordinator. */
@Component
class RecordRecommendationListener implements TaskListener {

    private final DecisionService decisions;

    RecordRecommendationListener(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        Verdict recommendation = Verdict.valueOf(ScreeningProcess.string(task, ScreeningProcess.RECOMMENDATION));
        decisions.recordRecommendation(ScreeningProcess.requestId(task), recommendation);
    }
}
