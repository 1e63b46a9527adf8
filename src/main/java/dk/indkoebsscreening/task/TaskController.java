package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.system.FormBinder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tasks", description = "The caller's inbox: the open tasks of their groups, claiming, handing over and completing them.")
@RequestMapping("/api/tasks")
class TaskController {

    private final WorkTaskService tasks;
    private final HandOver handOver;
    private final FormBinder binder;
    private final TaskSteps steps;

    TaskController(WorkTaskService tasks, HandOver handOver, FormBinder binder, TaskSteps steps) {
        this.tasks = tasks;
        this.handOver = handOver;
        this.binder = binder;
        this.steps = steps;
    }

    @Operation(operationId = "openTasks", summary = "The caller's open tasks", description = """
            The open tasks the caller may work on (their groups' and those assigned to them), soonest due first. `area` is \
            set for screening tasks only.""")
    @GetMapping
    List<WorkTask> openTasks(Authentication authentication) {
        return tasks.openTasks(CurrentUser.of(authentication));
    }

    @Operation(operationId = "task", summary = "One open task, with what completing it takes", description = """
            The task as in the inbox, with `form`, the name of the schema its completion body follows (one of those \
            `POST /api/tasks/{id}/complete` lists), and `questions`, what the body answers besides that schema's fields: for \
            a screening, the area's checklist, each answered in `checklist` under its `id` with one of its `options` (or \
            free text where there are none); a required one must be answered; for a decision, each condition an area set, \
            answered as a row of `areaConditions` (its `ref` the question's `id`, its `handling` one of the `options`), \
            every one kept as set when the body leaves `areaConditions` out. For whoever may work on the task, and for \
            coordinators.""")
    @ApiResponse(responseCode = "200", description = "The task.", content = @Content(schema = @Schema(implementation = TaskToComplete.class), examples = @ExampleObject(name = "a screening task", value = """
            {"id": "5c1ae5d8-d3a4-11f0-8b7c-0242ac120002", "type": "SCREENING", "area": "SECURITY",
             "requestId": "0f8fad5b-d9cb-469f-a165-70867728950e", "reference": "IND-2026-0042",
             "title": "Tidsbestilling i Borgerservice", "systemName": "BookPlus Borger", "vendor": "Eksempel Software A/S",
             "due": "2026-12-14T22:59:59Z", "created": "2026-12-07T09:12:40Z", "assignee": null, "form": "ScreeningForm",
             "questions": [
               {"field": "checklist.dataProcessingAgreement", "id": "dataProcessingAgreement",
                "text": "Foreligger der en databehandleraftale, der opfylder GDPR art. 28, stk. 3?",
                "answerType": "ONE_OF", "options": ["JA", "NEJ", "IKKE_RELEVANT"], "required": true},
               {"field": "checklist.nis2SupplyChain", "id": "nis2SupplyChain",
                "text": "Er krav til forsyningskædesikkerhed og MFA efter NIS2-loven § 6 opfyldt?",
                "answerType": "ONE_OF", "options": ["JA", "NEJ", "IKKE_RELEVANT"], "required": false}]}""")))
    @GetMapping("/{id}")
    TaskToComplete task(@PathVariable String id, Authentication authentication) {
        WorkTask task = tasks.find(id, CurrentUser.of(authentication));
        return TaskToComplete.of(task, steps.of(task.taskDefinitionKey()));
    }

    @Operation(operationId = "claimTask", summary = "Take a task", description = "For the task's group; not while the caller is away (409).")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PostMapping("/{id}/claim")
    ResponseEntity<Void> claim(@PathVariable String id, Authentication authentication) {
        tasks.claim(id, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "unclaimTask", summary = "Hand a task back to its group", description = """
            By the one who has it, or a coordinator. A question to the requester stays theirs (409).""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PostMapping("/{id}/unclaim")
    ResponseEntity<Void> unclaim(@PathVariable String id, Authentication authentication) {
        tasks.unclaim(id, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    /** {@code {assignee}}: a member of the task's group; the one who has claimed it, or a coordinator. */
    @Operation(operationId = "assignTask", summary = "Hand a task to a colleague", description = """
            By the one who has claimed it, or a coordinator (any task): `assignee` must be a member of the task's group who is \
            not away (else 400). Recorded in the request's history.""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PostMapping("/{id}/assign")
    ResponseEntity<Void> assign(@PathVariable String id, @BindsTo(AssignForm.class) @RequestBody(required = false) JsonNode body,
                                Authentication authentication) {
        handOver.assign(id, binder.bind(body, AssignForm.class).assignee(), CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    /** The body of the task's step ({@link TaskStep#form()}), the same record its page's form binds to. */
    @Operation(operationId = "completeTask", summary = "Complete a task", description = """
            The body follows the schema the task names in `form` (`GET /api/tasks/{id}`): triage `TriageForm`, more information \
            `InformationForm`, screening `ScreeningForm` (with the checklist's answers), escalation `EscalationForm`, decision \
            `DecisionForm`, a system's contract renewal `RenewalForm`, a data processor's supervision `SupervisionForm`. A \
            condition's tasks (`FULFIL_CONDITION`, `VERIFY_CONDITION`) are done at the condition's own address, which names the \
            condition (`POST /api/requests/{id}/conditions/{conditionId}/report`, `verify`, `send-back`): here they answer 409. \
            For the task's group or assignee (403 for another group's task); 404 once completed.""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PostMapping("/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id,
                                  @BindsTo(stepsOf = TaskStep.class) @RequestBody(required = false)
                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(examples = {
                                          @ExampleObject(name = "a screening", value = """
                                                  {"verdict": "APPROVED_WITH_CONDITIONS", "findings": "Databehandleraftalen er på plads.",
                                                   "conditions": ["Leverandøren dokumenterer MFA for administratorer."],
                                                   "checklist": {"dataProcessingAgreement": "JA", "dpiaNeeded": "NEJ",
                                                                 "transferOutsideEu": "NEJ", "iso27001": "UKENDT"}}"""),
                                          @ExampleObject(name = "a triage", value = """
                                                  {"outcome": "NEED_MORE_INFORMATION", "comment": "Hvor mange borgere forventes at bruge løsningen?"}"""),
                                          @ExampleObject(name = "a decision", value = """
                                                  {"outcome": "APPROVED", "reason": null}""")}))
                                  JsonNode body,
                                  Authentication authentication) {
        tasks.complete(id, body, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
