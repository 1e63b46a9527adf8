package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.web.Choices;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The two tasks of a condition's follow-up. Each is about one condition of several, which a task step is not told, so
 * both are done on the condition's page or at its API ({@link ConditionFollowUp}), which completes the task; the task
 * page shows the user's conditions of the request in this task's state, each with its page, and completing the task
 * itself is refused.
 */
abstract class ConditionStep<F extends Record> implements TaskStep<F> {

    private final ConditionFollowUp followUp;
    private final Choices choices;

    ConditionStep(ConditionFollowUp followUp, Choices choices) {
        this.followUp = followUp;
        this.choices = choices;
    }

    /** Whether the page's user has this task about the condition. */
    abstract boolean concerns(ConditionItem condition, ConditionFollowUp.Actions actions);

    @Override
    public Map<String, Object> complete(UUID requestId, String taskDefinitionKey, F form, String username) {
        throw new ConflictException("A condition's task is done on the condition: /api/requests/" + requestId + "/conditions/{id}",
                "conflict.conditionElsewhere");
    }

    @Override
    public String template() {
        return "followup/step";
    }

    @Override
    public Map<String, Object> pageAttributes(Page page) {
        CurrentUser user = new CurrentUser(page.username(), page.groups());
        List<ConditionItem> mine = followUp.of(page.requestId()).stream()
                .filter(condition -> concerns(condition, followUp.actions(condition, user))).toList();
        return Map.of("conditions", mine);
    }

    @Override
    public String attachmentStep() {
        return "CONDITION";
    }

    @Override
    public String savedMessage(String reference, String taskDefinitionKey, F form) {
        return choices.message("followup.saved.task", reference);
    }

    @Component
    static class Fulfil extends ConditionStep<ReportForm> {

        Fulfil(ConditionFollowUp followUp, Choices choices) {
            super(followUp, choices);
        }

        @Override
        public TaskType type() {
            return TaskType.FULFIL_CONDITION;
        }

        @Override
        public Class<ReportForm> form() {
            return ReportForm.class;
        }

        @Override
        boolean concerns(ConditionItem condition, ConditionFollowUp.Actions actions) {
            return actions.report();
        }

        /** The owner hands the condition on, and its task with it, on the condition's page. */
        @Override
        public boolean mayBeHandedOn() {
            return false;
        }
    }

    @Component
    static class Verify extends ConditionStep<ReasonForm> {

        Verify(ConditionFollowUp followUp, Choices choices) {
            super(followUp, choices);
        }

        @Override
        public TaskType type() {
            return TaskType.VERIFY_CONDITION;
        }

        @Override
        public Class<ReasonForm> form() {
            return ReasonForm.class;
        }

        @Override
        boolean concerns(ConditionItem condition, ConditionFollowUp.Actions actions) {
            return actions.verify();
        }
    }
}
