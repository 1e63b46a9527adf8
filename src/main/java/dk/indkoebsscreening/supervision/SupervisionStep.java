package dk.indkoebsscreening.supervision;

import dk.indkoebsscreening.process.SupervisionProcess;
import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.web.Choices;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The security group's supervision of a data processor; the model records it ({@link RecordSupervisionDelegate}) from
 * the variables it sets, as the decision is recorded, since one system may have several processors' tasks open.
 */
@Component
class SupervisionStep implements TaskStep<SupervisionForm> {

    private final Choices choices;

    SupervisionStep(Choices choices) {
        this.choices = choices;
    }

    @Override
    public TaskType type() {
        return TaskType.SUPERVISION;
    }

    @Override
    public Class<SupervisionForm> form() {
        return SupervisionForm.class;
    }

    @Override
    public Map<String, Object> complete(UUID systemId, String taskDefinitionKey, SupervisionForm form, String username) {
        return SupervisionProcess.supervisionVariables(form.result().name(), form.evidence().strip(), username);
    }

    @Override
    public String template() {
        return "supervision/step";
    }

    @Override
    public Map<String, Object> pageAttributes(Page page) {
        return Map.of("results", choices.of("supervision.result.", SupervisionResult.values()));
    }

    /** A supervision's evidence is its text (the request files' boundary serves requests only). */
    @Override
    public String attachmentStep() {
        return null;
    }

    @Override
    public String savedMessage(String label, String taskDefinitionKey, SupervisionForm form) {
        return choices.message("supervision.saved.supervised", label, choices.message("supervision.result." + form.result()));
    }
}
