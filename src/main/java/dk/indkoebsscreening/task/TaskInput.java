package dk.indkoebsscreening.task;

import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.system.Text;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task page posts: the fields of every kind of task, of which each kind uses its own. Turned
 * into the same body the JSON API takes, so the service validates both the same way.
 */
public class TaskInput {

    private static final String CHECKLIST_PREFIX = "checklist.";

    private String outcome;
    private String comment;
    private String reason;
    private String verdict;
    private String findings;
    /** One condition per line. */
    private String conditions;
    private Map<String, String> checklist = new HashMap<>();
    /** The triage's scope: the areas and flags checked (null until the page shows them), and why they differ from the proposal. */
    private List<String> areas;
    private List<String> flags;
    private String scopeReason;

    Map<String, Object> toBody(TaskType type) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (type) {
            case TRIAGE -> {
                body.put("outcome", Text.orNull(outcome));
                body.put("comment", Text.orNull(comment));
                body.put("areas", areas);
                body.put("flags", flags);
                body.put("scopeReason", Text.orNull(scopeReason));
            }
            case SCREENING -> {
                body.put("verdict", Text.orNull(verdict));
                body.put("findings", Text.orNull(findings));
                body.put("conditions", conditionLines());
                Map<String, String> answers = new LinkedHashMap<>();
                checklist.forEach((question, answer) -> {
                    if (!Text.isBlank(answer)) {
                        answers.put(question, answer.strip());
                    }
                });
                body.put("checklist", answers);
            }
            case DECISION -> {
                body.put("outcome", Text.orNull(outcome));
                body.put("reason", Text.orNull(reason));
            }
            case ESCALATION -> body.put("comment", Text.orNull(comment));
            case MORE_INFORMATION -> body.put("answer", Text.orNull(comment));
        }
        return body;
    }

    /**
     * Checklist answers arrive as {@code checklist.<questionId>} (the same names the validation
     * errors use), which data binding cannot put into a map by itself.
     */
    void takeChecklistAnswers(Map<String, String> parameters) {
        parameters.forEach((name, value) -> {
            if (name.startsWith(CHECKLIST_PREFIX)) {
                checklist.put(name.substring(CHECKLIST_PREFIX.length()), value);
            }
        });
    }

    private List<String> conditionLines() {
        return conditions == null ? List.of()
                : Arrays.stream(conditions.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }


    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getVerdict() { return verdict; }
    public void setVerdict(String verdict) { this.verdict = verdict; }
    public String getFindings() { return findings; }
    public void setFindings(String findings) { this.findings = findings; }
    public String getConditions() { return conditions; }
    public void setConditions(String conditions) { this.conditions = conditions; }
    public List<String> getAreas() { return areas; }
    public void setAreas(List<String> areas) { this.areas = areas; }
    public List<String> getFlags() { return flags; }
    public void setFlags(List<String> flags) { this.flags = flags; }
    public String getScopeReason() { return scopeReason; }
    public void setScopeReason(String scopeReason) { this.scopeReason = scopeReason; }
    public Map<String, String> getChecklist() { return checklist; }
    public void setChecklist(Map<String, String> checklist) { this.checklist = checklist; }
}
