package dk.indkoebsscreening.task;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.triage.AreaQuestions;
import dk.indkoebsscreening.triage.QuestionForm;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * "Spørg anmoder" from the task of an area: whoever may work on the open task (and has not left it to a colleague who
 * took it) asks the requester. The task stays open; the question is the triage module's ({@link AreaQuestions}).
 */
@Service
class TaskQuestions {

    private final WorkTaskService tasks;
    private final AreaQuestions questions;
    private final FormBinder binder;

    TaskQuestions(WorkTaskService tasks, AreaQuestions questions, FormBinder binder) {
        this.tasks = tasks;
        this.questions = questions;
        this.binder = binder;
    }

    @Transactional
    public void ask(String taskId, MultiValueMap<String, String> form, CurrentUser user) {
        UUID requestId = tasks.lockRequestOf(taskId);
        Task task = tasks.openTask(taskId);
        tasks.authorize(task, user);
        Area area = Area.byTaskDefinitionKey(task.getTaskDefinitionKey()).orElseThrow(() -> new TaskNotFoundException(taskId));
        WorkTaskService.requireNotClaimedByOthers(task, user);
        QuestionForm question = binder.bindForm(form, QuestionForm.class, bound -> List.of());
        questions.ask(requestId, area, question, user.username());
    }
}
