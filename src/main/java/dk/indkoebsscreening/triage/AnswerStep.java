package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.web.Choices;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The requester's answer to the coordinator's question (the model's "provide information" task). It is answered on
 * the request's page (fragment {@code triage/answer}), not on the task page, and stays the requester's own.
 */
@Component
class AnswerStep implements TaskStep<InformationForm> {

    private final TriageService triage;
    private final Choices choices;

    AnswerStep(TriageService triage, Choices choices) {
        this.triage = triage;
        this.choices = choices;
    }

    @Override
    public TaskType type() {
        return TaskType.MORE_INFORMATION;
    }

    @Override
    public Class<InformationForm> form() {
        return InformationForm.class;
    }

    @Override
    public Map<String, Object> complete(UUID requestId, String taskDefinitionKey, InformationForm form, String username) {
        triage.answer(requestId, form, username);
        return Map.of();
    }

    @Override
    public String template() {
        return null;
    }

    @Override
    public String savedMessage(String reference, String taskDefinitionKey, InformationForm form) {
        return choices.message("task.saved.answer", reference);
    }

    /** The events call the step of the requester's files ANSWER (a value of the attachment schemas' step), not MORE_INFORMATION. */
    @Override
    public String attachmentStep() {
        return "ANSWER";
    }

    @Override
    public boolean mayBeHandedOn() {
        return false;
    }
}
