package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.followup.ConditionRepository.Row;
import dk.indkoebsscreening.process.ScreeningGroups;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.security.Groups;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the model asks about a condition (SubProcess_ConditionFollowUp), read as the condition is now: so a task
 * created after a hand-over goes to the new owner, and one created after a send-back is due when the condition is.
 */
@Component(ScreeningProcess.CONDITION_TASKS)
public class ConditionTasks {

    private final ConditionRepository conditions;
    private final ConditionDates dates;
    private final ScreeningGroups screeningGroups;

    ConditionTasks(ConditionRepository conditions, ConditionDates dates, ScreeningGroups screeningGroups) {
        this.conditions = conditions;
        this.dates = dates;
        this.screeningGroups = screeningGroups;
    }

    /** The conditions to follow up, one instance each: those not yet settled, in their numbers' order. */
    public List<String> ids(DelegateExecution execution) {
        return conditions.rowsOf(ScreeningProcess.requestId(execution)).stream()
                .filter(row -> !row.status().settled()).map(row -> row.id().toString()).toList();
    }

    public String owner(String conditionId) {
        return row(conditionId).owner();
    }

    /** The experts who screen the area that set it (the municipality's or the shared organisation's); the coordinators for their own. */
    public String verifiers(String conditionId) {
        Row row = row(conditionId);
        return row.setBy() == null ? Groups.COORDINATORS : screeningGroups.groupOf(row.setBy());
    }

    public Date due(String conditionId) {
        return Date.from(dates.dueAt(dueDate(conditionId)));
    }

    public Date remindAt(String conditionId) {
        return Date.from(dates.remindAt(dueDate(conditionId)));
    }

    /** Every condition has one: its own, or the request's desired start date for one due before go-live (ConditionFollowUp). */
    private LocalDate dueDate(String conditionId) {
        return row(conditionId).due();
    }

    private Row row(String conditionId) {
        return conditions.find(UUID.fromString(conditionId))
                .orElseThrow(() -> new IllegalStateException("No condition " + conditionId));
    }
}
