package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.process.TriageOutcome;
import dk.indkoebsscreening.request.DuplicateCheck;
import dk.indkoebsscreening.scope.Scope;
import dk.indkoebsscreening.scope.ScopeFlag;
import dk.indkoebsscreening.scope.ScopeRepository;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.Text;
import dk.indkoebsscreening.web.Choices;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The coordinator's triage as a task: accept with a scope, ask the requester, or reject. */
@Component
class TriageStep implements TaskStep<TriageForm> {

    private final TriageService triage;
    private final TriageNoteRepository notes;
    private final ScopeRepository scopes;
    private final DuplicateCheck duplicates;
    private final Choices choices;
    private final Clock clock;

    TriageStep(TriageService triage, TriageNoteRepository notes, ScopeRepository scopes, DuplicateCheck duplicates,
               Choices choices, Clock clock) {
        this.triage = triage;
        this.notes = notes;
        this.scopes = scopes;
        this.duplicates = duplicates;
        this.choices = choices;
        this.clock = clock;
    }

    @Override
    public TaskType type() {
        return TaskType.TRIAGE;
    }

    @Override
    public Class<TriageForm> form() {
        return TriageForm.class;
    }

    @Override
    public List<FieldProblem> problems(UUID requestId, String taskDefinitionKey, TriageForm form) {
        return triage.problems(requestId, form);
    }

    @Override
    public Map<String, Object> complete(UUID requestId, String taskDefinitionKey, TriageForm form, String username) {
        Map<String, Object> variables = triage.record(requestId, form, username);
        if (!Text.isBlank(form.note())) {
            notes.add(requestId, form.note().strip(), username, clock.instant());
        }
        return variables;
    }

    @Override
    public String template() {
        return "triage/step";
    }

    /** The scope as proposed, until the coordinator changes it. */
    @Override
    public TriageForm shown(UUID requestId, TriageForm form) {
        Scope proposal = scopes.find(requestId).current();
        return new TriageForm(form.outcome(), form.comment(),
                form.areas() != null ? form.areas() : proposal.areas(),
                form.flags() != null ? form.flags() : proposal.flags(), form.scopeReason(), form.note());
    }

    @Override
    public Map<String, Object> pageAttributes(Page page) {
        return Map.of("outcomes", choices.of("triageOutcome.", TriageOutcome.values()),
                "scopeAreas", choices.of("area.", Area.values()),
                "scopeFlags", choices.of("scopeFlag.", ScopeFlag.values()),
                "duplicates", duplicates.like(page.systemName(), page.vendor(), page.requestId(),
                        new CurrentUser(page.username(), page.groups())),
                "triageNotes", notes.findByRequest(page.requestId()));
    }

    @Override
    public String savedMessage(String reference, String taskDefinitionKey, TriageForm form) {
        return choices.message("task.saved.triage." + form.outcome(), reference);
    }
}
