package dk.indkoebsscreening.screening;

import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.web.Choices;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The coordinator's handling of a missed screening deadline. */
@Component
class EscalationStep implements TaskStep<EscalationForm> {

    private final ScreeningService screening;
    private final Choices choices;

    EscalationStep(ScreeningService screening, Choices choices) {
        this.screening = screening;
        this.choices = choices;
    }

    @Override
    public TaskType type() {
        return TaskType.ESCALATION;
    }

    @Override
    public Class<EscalationForm> form() {
        return EscalationForm.class;
    }

    @Override
    public Map<String, Object> complete(UUID requestId, String taskDefinitionKey, EscalationForm form, String username) {
        screening.handleEscalation(requestId, form, username);
        return Map.of();
    }

    @Override
    public String template() {
        return "screening/escalation";
    }

    @Override
    public String savedMessage(String reference, String taskDefinitionKey, EscalationForm form) {
        return choices.message("task.saved.escalation", reference);
    }
}
