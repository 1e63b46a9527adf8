package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.web.Choices;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The coordinator's decision; the model records it ({@link RecordDecisionDelegate}) from the variables it sets. */
@Component
class DecisionStep implements TaskStep<DecisionForm> {

    private final DecisionService decisions;
    private final Choices choices;

    DecisionStep(DecisionService decisions, Choices choices) {
        this.decisions = decisions;
        this.choices = choices;
    }

    @Override
    public TaskType type() {
        return TaskType.DECISION;
    }

    @Override
    public Class<DecisionForm> form() {
        return DecisionForm.class;
    }

    @Override
    public List<FieldProblem> problems(UUID requestId, String taskDefinitionKey, DecisionForm form) {
        return decisions.problems(requestId, form);
    }

    @Override
    public Map<String, Object> complete(UUID requestId, String taskDefinitionKey, DecisionForm form, String username) {
        return ScreeningProcess.decisionVariables(form.outcome(), form.reason(), username);
    }

    @Override
    public String template() {
        return "decision/step";
    }

    /** The recommendation chosen, until the coordinator chooses otherwise. */
    @Override
    public DecisionForm shown(UUID requestId, DecisionForm form) {
        return form.outcome() != null ? form
                : new DecisionForm(decisions.recommendation(requestId).orElse(null), form.reason());
    }

    @Override
    public Map<String, Object> pageAttributes(Page page) {
        return Map.of("outcomes", choices.of("verdict.", Verdict.values()));
    }

    @Override
    public String savedMessage(String reference, String taskDefinitionKey, DecisionForm form) {
        return choices.message("task.saved.decision", reference, choices.message("verdict." + form.outcome()));
    }
}
