package dk.indkoebsscreening.register;

import dk.indkoebsscreening.process.RenewalChoice;
import dk.indkoebsscreening.process.RenewalProcess;
import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.web.Choices;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Task_ConsiderRenewal: the coordinators choose what happens to a system's contract; its id is the task's subject. */
@Component
class RenewalStep implements TaskStep<RenewalForm> {

    private final Renewals renewals;
    private final SystemRegister register;
    private final Choices choices;

    RenewalStep(Renewals renewals, SystemRegister register, Choices choices) {
        this.renewals = renewals;
        this.register = register;
        this.choices = choices;
    }

    @Override
    public TaskType type() {
        return TaskType.RENEWAL;
    }

    @Override
    public Class<RenewalForm> form() {
        return RenewalForm.class;
    }

    @Override
    public List<FieldProblem> problems(UUID systemId, String taskDefinitionKey, RenewalForm form) {
        return renewals.problems(form);
    }

    @Override
    public Map<String, Object> complete(UUID systemId, String taskDefinitionKey, RenewalForm form, String username) {
        renewals.record(systemId, form, username);
        return RenewalProcess.choiceVariables(form.choice());
    }

    @Override
    public String template() {
        return "register/renewal-step";
    }

    @Override
    public Map<String, Object> pageAttributes(Page page) {
        return Map.of("system", register.find(page.requestId()),
                "renewalChoices", choices.of("renewalChoice.", RenewalChoice.values()));
    }

    @Override
    public String savedMessage(String label, String taskDefinitionKey, RenewalForm form) {
        return choices.message("task.saved.renewal." + form.choice(), label);
    }

    /** A system has no request to file documents under. */
    @Override
    public String attachmentStep() {
        return null;
    }
}
