package dk.indkoebsscreening.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.screening.ChecklistQuestion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Whole steps of a request's life through the JSON API, each by the user whose job it is. */
public final class Lifecycle {

    public static final String COORDINATOR = "koordinator";

    private final ApiClient api;
    private final ChecklistProperties checklists;

    public Lifecycle(ApiClient api, ChecklistProperties checklists) {
        this.api = api;
        this.checklists = checklists;
    }

    public static String expertFor(Area area) {
        return ApiClient.EXPERTS.get(area.ordinal());
    }

    /** Answers every question of the area's checklist with its first option (or a text). */
    public Map<String, String> validChecklist(Area area) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (ChecklistQuestion question : checklists.forArea(area)) {
            answers.put(question.id(), question.isFreeText() ? "Leverandøren, med servicedesk som første linje" : question.options().get(0));
        }
        return answers;
    }

    /** The area rejects with its findings (and any conditions that would change the outcome). */
    public Map<String, Object> rejection(Area area, List<String> conditions, String findings) {
        Map<String, Object> body = ApiClient.screening("REJECTED", conditions, validChecklist(area));
        body.put("findings", findings);
        return body;
    }

    public Map<String, Object> approval(Area area) {
        return ApiClient.screening("APPROVED", List.of(), validChecklist(area));
    }

    /** Submits as the requester and accepts at triage; returns the request id. */
    public String submitAndAccept(String requester, String title) {
        String requestId = api.submit(requester, title).get("id").asText();
        accept(requestId);
        return requestId;
    }

    /** Accepts a submitted request at triage with the proposed scope. */
    public void accept(String requestId) {
        JsonNode triage = api.awaitTask(COORDINATOR, requestId, "TRIAGE");
        api.completeOk(COORDINATOR, triage.get("id").asText(), Map.of("outcome", "ACCEPT"));
    }

    public void screen(String requestId, Area area, Map<String, Object> body) {
        String expert = expertFor(area);
        JsonNode task = api.awaitTask(expert, requestId, "SCREENING");
        api.completeOk(expert, task.get("id").asText(), body);
    }

    public void approveAll(String requestId) {
        for (Area area : Area.values()) {
            screen(requestId, area, approval(area));
        }
    }

    public void decide(String requestId, String outcome, String reason) {
        JsonNode task = api.awaitTask(COORDINATOR, requestId, "DECISION");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("reason", reason);
        api.completeOk(COORDINATOR, task.get("id").asText(), body);
    }

    /** Completes the decision task with the body given (outcome, reason, conditions). */
    public void decideWith(String requestId, Map<String, Object> body) {
        JsonNode task = api.awaitTask(COORDINATOR, requestId, "DECISION");
        api.completeOk(COORDINATOR, task.get("id").asText(), body);
    }

    /** Screens every area: an area given conditions approves with them, the others approve without. */
    public void screenWithConditions(String requestId, Map<Area, List<String>> conditions) {
        for (Area area : Area.values()) {
            List<String> set = conditions.getOrDefault(area, List.of());
            screen(requestId, area, set.isEmpty() ? approval(area) : ApiClient.screening("APPROVED_WITH_CONDITIONS", set, validChecklist(area)));
        }
    }

    /** Submit, accept, the areas' conditions as given (the others approve) and an approval with them; returns the request id. */
    public String runToApprovalWithConditions(String requester, String title, Map<Area, List<String>> conditions) {
        String requestId = submitAndAccept(requester, title);
        screenWithConditions(requestId, conditions);
        decide(requestId, "APPROVED_WITH_CONDITIONS", null);
        return requestId;
    }

    /** Submit, accept, six approvals and the confirmed decision; returns the request id. */
    public String runToApproval(String requester, String title) {
        String requestId = submitAndAccept(requester, title);
        approveAll(requestId);
        decide(requestId, "APPROVED", null);
        return requestId;
    }
}
