package dk.indkoebsscreening.task;

import dk.indkoebsscreening.attachment.Attachment;
import dk.indkoebsscreening.attachment.AttachmentService;
import dk.indkoebsscreening.attachment.AttachmentStep;
import dk.indkoebsscreening.attachment.CheckedUpload;
import dk.indkoebsscreening.attachment.Upload;
import dk.indkoebsscreening.casefile.CaseFileService;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestLifecycle;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may add a file to a request, and in which step: whoever has an open task on it (the requester's
 * question, a coordinator's triage, escalation or decision, an expert's screening of their area), and the
 * requester while the request waits for triage. Only the one who added a file removes it, while the request
 * is open. Anyone else who may read the request is refused (403); anyone who may not learns nothing (404).
 */
@Service
public class AttachmentSteps {

    private final WorkTaskService tasks;
    private final CaseFileService caseFiles;
    private final AttachmentService attachments;
    private final RequestLifecycle lifecycle;
    private final TransactionTemplate transactions;
    /** Read once at start-up, so that a step naming an attachment step that does not exist stops the start, not an upload. */
    private final Map<TaskType, AttachmentStep> attachmentSteps = new EnumMap<>(TaskType.class);

    AttachmentSteps(WorkTaskService tasks, TaskSteps steps, CaseFileService caseFiles, AttachmentService attachments,
                    RequestLifecycle lifecycle, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.tasks = tasks;
        this.caseFiles = caseFiles;
        this.attachments = attachments;
        this.lifecycle = lifecycle;
        for (TaskType type : TaskType.values()) {
            String step = steps.of(type).attachmentStep();
            if (step != null) { // a task about a system adds no files to a request
                attachmentSteps.put(type, AttachmentStep.valueOf(step));
            }
        }
    }

    /**
     * Finds the file's type before any transaction (a crafted file costs seconds to read, which must hold no connection
     * and no lock), once the user is known to have a step to add it in; then, in one transaction, holds the request's
     * lock while the file streams in, so a decision cannot commit in between (and leave the file out of
     * {@code decision.made.v1}).
     *
     * @param taskId the task the file belongs to; needed only when the user has several on the request
     */
    public Attachment add(UUID requestId, String taskId, Upload upload, CurrentUser user) {
        transactions.executeWithoutResult(status -> stepFor(requestId, taskId, user)); // a short one: who may add it
        CheckedUpload checked = attachments.check(upload);
        return transactions.execute(status -> {
            Step step = stepFor(requestId, taskId, user); // again: the request may have been decided meanwhile
            return attachments.add(requestId, step.reference(), step.step(), step.area(), user.username(), checked);
        });
    }

    /** Where a file the user adds now belongs. */
    private record Step(String reference, AttachmentStep step, Area area) {
    }

    private Step stepFor(UUID requestId, String taskId, CurrentUser user) {
        // A colleague a condition was handed to has its task without reading the request; it is no secret to them.
        PurchaseRequest request = open(requestId, user, true, !tasksOn(requestId, taskId, user).isEmpty());
        List<WorkTask> mine = tasksOn(requestId, taskId, user); // again, under the request's lock
        if (mine.size() > 1) {
            throw new InvalidInputException(List.of(new FieldProblem("taskId", "attachment.taskRequired")));
        }
        if (mine.isEmpty()) {
            boolean submitting = request.requester().equals(user.username()) && request.status() == RequestStatus.IN_TRIAGE
                    && (taskId == null || taskId.isBlank());
            if (!submitting) {
                throw new AccessDeniedException(user.username() + " has no task on request " + requestId);
            }
            return new Step(request.reference(), AttachmentStep.SUBMISSION, null);
        }
        WorkTask task = mine.get(0);
        return new Step(request.reference(), attachmentSteps.get(task.type()), task.area());
    }

    private List<WorkTask> tasksOn(UUID requestId, String taskId, CurrentUser user) {
        return tasks.openTasks(user).stream()
                .filter(task -> requestId.equals(task.requestId()))
                .filter(task -> taskId == null || taskId.isBlank() || task.id().equals(taskId))
                .toList();
    }

    /**
     * The file the user could remove now, for the page that asks them to confirm it: refused as {@link #remove} would
     * refuse it (404 unread or gone, 403 added by someone else, 409 decided), changing nothing.
     */
    @Transactional(readOnly = true)
    public Attachment removable(UUID requestId, UUID attachmentId, CurrentUser user) {
        requireChangeable(caseFiles.readable(requestId, user), false);
        Attachment attachment = attachments.find(requestId, attachmentId);
        if (!attachment.addedBy().equals(user.username())) {
            throw new AccessDeniedException(user.username() + " did not add attachment " + attachmentId);
        }
        return attachment;
    }

    @Transactional
    public void remove(UUID requestId, UUID attachmentId, CurrentUser user) {
        PurchaseRequest request = open(requestId, user, false, false);
        attachments.remove(requestId, request.reference(), attachmentId, user.username());
    }

    /** The request of a task the user may work on, for the task pages' upload form. */
    public UUID requestOfTask(String taskId, CurrentUser user) {
        return tasks.find(taskId, user).requestId();
    }

    /**
     * @param adding while an approval's conditions are followed up, whoever has a condition's task adds the files that
     *               show it is met; the files the decision was made on stay as they were
     * @param hasTask whether the user has an open task on the request, which lets them add its files unread
     */
    private PurchaseRequest open(UUID requestId, CurrentUser user, boolean adding, boolean hasTask) {
        if (!hasTask) {
            caseFiles.readable(requestId, user);
        }
        return requireChangeable(lifecycle.lock(requestId), adding);
    }

    private static PurchaseRequest requireChangeable(PurchaseRequest request, boolean adding) {
        boolean followingUp = adding && request.status() == RequestStatus.APPROVED_WITH_CONDITIONS;
        if (request.status().isClosed() && !followingUp) {
            throw new ConflictException("Request " + request.id() + " is decided; its files can no longer change", "conflict.decidedFiles");
        }
        return request;
    }
}
