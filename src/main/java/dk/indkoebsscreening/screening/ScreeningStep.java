package dk.indkoebsscreening.screening;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.web.Choices;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** An expert group's screening of its area: the checklist, a verdict, findings and conditions. One task per area. */
@Component
class ScreeningStep implements TaskStep<ScreeningForm> {

    private final ScreeningService screening;
    private final Choices choices;

    ScreeningStep(ScreeningService screening, Choices choices) {
        this.screening = screening;
        this.choices = choices;
    }

    @Override
    public TaskType type() {
        return TaskType.SCREENING;
    }

    @Override
    public Class<ScreeningForm> form() {
        return ScreeningForm.class;
    }

    @Override
    public List<FieldProblem> problems(UUID requestId, String taskDefinitionKey, ScreeningForm form) {
        return screening.problems(area(taskDefinitionKey), form);
    }

    @Override
    public Map<String, Object> complete(UUID requestId, String taskDefinitionKey, ScreeningForm form, String username) {
        Area area = area(taskDefinitionKey);
        screening.record(requestId, area, form, username);
        return Map.of(area.verdictVariable(), form.verdict().name());
    }

    @Override
    public String template() {
        return "screening/step";
    }

    /** The area's checklist; its help texts' placeholders are filled in on the page, which knows the request's value. */
    @Override
    public Map<String, Object> pageAttributes(Page page) {
        return Map.of("checklist", screening.checklist(area(page.taskDefinitionKey())),
                "verdicts", choices.of("verdict.", Verdict.values()));
    }

    @Override
    public List<Question> questions(UUID requestId, String taskDefinitionKey) {
        return screening.checklist(area(taskDefinitionKey)).stream()
                .map(question -> new Question("checklist." + question.id(), question.id(), question.text(),
                        question.isFreeText() ? AnswerType.FREE_TEXT : AnswerType.ONE_OF, question.options(), question.required()))
                .toList();
    }

    @Override
    public List<String> fieldOrder(String taskDefinitionKey) {
        return Stream.concat(screening.checklist(area(taskDefinitionKey)).stream().map(question -> "checklist." + question.id()),
                Stream.of("verdict", "findings", "conditions")).toList();
    }

    /** A checklist is long, and an expert may need an answer or a colleague before finishing it. */
    @Override
    public boolean keepsDrafts() {
        return true;
    }

    @Override
    public String savedMessage(String reference, String taskDefinitionKey, ScreeningForm form) {
        return choices.message("task.saved.screening", choices.message("area." + area(taskDefinitionKey)), reference);
    }

    private static Area area(String taskDefinitionKey) {
        return Area.byTaskDefinitionKey(taskDefinitionKey).orElseThrow();
    }
}
