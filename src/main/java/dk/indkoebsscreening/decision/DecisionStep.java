package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.decision.DecisionForm.Handling;
import dk.indkoebsscreening.decision.DecisionForm.OwnCondition;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.system.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The coordinator's decision; the model records it ({@link RecordDecisionDelegate}) from the variables it sets. */
@Component
class DecisionStep implements TaskStep<DecisionForm> {

    /** Empty rows the page offers for the coordinator's own conditions (a page without scripts adds no rows). */
    private static final int OWN_ROWS = 3;

    private final DecisionService decisions;
    private final Choices choices;
    private final JsonCodec json;
    private final Requests requests;

    DecisionStep(DecisionService decisions, Choices choices, JsonCodec json, Requests requests) {
        this.decisions = decisions;
        this.choices = choices;
        this.json = json;
        this.requests = requests;
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
        Map<String, Object> variables = new HashMap<>(ScreeningProcess.decisionVariables(form.outcome(), form.reason(), username));
        variables.put(ScreeningProcess.DECISION_CONDITIONS,
                json.write(decisions.plan(requestId, form, new ArrayList<>())).getBytes(StandardCharsets.UTF_8));
        return variables;
    }

    @Override
    public String template() {
        return "decision/step";
    }

    /**
     * The recommendation chosen and every area condition kept as set, until the coordinator chooses otherwise; the
     * coordinator's own conditions with a few empty rows after them.
     */
    @Override
    public DecisionForm shown(UUID requestId, DecisionForm form) {
        List<OwnCondition> own = new ArrayList<>(form.ownConditions() == null ? List.of() : form.ownConditions());
        while (own.size() < Math.max(OWN_ROWS, (form.ownConditions() == null ? 0 : form.ownConditions().size()) + 1)) {
            own.add(new OwnCondition(null, null, null));
        }
        return new DecisionForm(form.outcome() != null ? form.outcome() : decisions.recommendation(requestId).orElse(null),
                form.reason(), form.areaConditions() != null ? form.areaConditions() : ConditionPlan.keepAll(decisions.setConditions(requestId)),
                own);
    }

    /** The conditions the areas set, by reference, for each row's original text; the requester and go-live date for the hints. */
    @Override
    public Map<String, Object> pageAttributes(Page page) {
        PurchaseRequest request = requests.findById(page.requestId()).orElseThrow();
        Map<String, ConditionPlan.SetCondition> set = new LinkedHashMap<>();
        decisions.setConditions(page.requestId()).forEach(condition -> set.put(condition.ref(), condition));
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("outcomes", choices.of("verdict.", Verdict.values()));
        attributes.put("handlings", choices.of("decision.handling.", Handling.values()));
        attributes.put("setConditions", set);
        attributes.put("requester", request.requester());
        attributes.put("goLive", request.desiredStartDate());
        return attributes;
    }

    /**
     * Each condition an area set, as a row of {@code areaConditions} to keep, merge or drop ({@link DecisionForm.AreaCondition});
     * left out of the body, every one is kept as set.
     */
    @Override
    public List<Question> questions(UUID requestId, String taskDefinitionKey) {
        List<ConditionPlan.SetCondition> set = decisions.setConditions(requestId);
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            questions.add(new Question("areaConditions[" + i + "].handling", set.get(i).ref(),
                    choices.message("area." + set.get(i).area()) + ": " + set.get(i).text(), AnswerType.ONE_OF,
                    Arrays.stream(Handling.values()).map(Enum::name).toList(), false));
        }
        return questions;
    }

    @Override
    public String savedMessage(String reference, String taskDefinitionKey, DecisionForm form) {
        return choices.message("task.saved.decision", reference, choices.message("verdict." + form.outcome()));
    }
}
