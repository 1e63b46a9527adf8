package dk.indkoebsscreening.task;

import dk.indkoebsscreening.attachment.Attachment;
import dk.indkoebsscreening.attachment.AttachmentService;
import dk.indkoebsscreening.attachment.AttachmentStep;
import dk.indkoebsscreening.attachment.Upload;
import dk.indkoebsscreening.casefile.CaseFileService;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestRepository;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private final RequestRepository requests;

    AttachmentSteps(WorkTaskService tasks, CaseFileService caseFiles, AttachmentService attachments, RequestRepository requests) {
        this.tasks = tasks;
        this.caseFiles = caseFiles;
        this.attachments = attachments;
        this.requests = requests;
    }

    /**
     * Holds the request's lock while the file streams in, so a decision cannot commit in between (and leave the
     * file out of {@code decision.made.v2}).
     *
     * @param taskId the task the file belongs to; needed only when the user has several on the request
     */
    @Transactional
    public Attachment add(UUID requestId, String taskId, Upload upload, CurrentUser user) {
        PurchaseRequest request = open(requestId, user);
        List<WorkTask> mine = tasks.openTasks(user).stream()
                .filter(task -> task.requestId().equals(requestId))
                .filter(task -> taskId == null || taskId.isBlank() || task.id().equals(taskId))
                .toList();
        if (mine.size() > 1) {
            throw new InvalidInputException(List.of(new FieldProblem("taskId", "attachment.taskRequired")));
        }
        if (mine.isEmpty()) {
            boolean submitting = request.requester().equals(user.username()) && request.status() == RequestStatus.IN_TRIAGE
                    && (taskId == null || taskId.isBlank());
            if (!submitting) {
                throw new AccessDeniedException(user.username() + " has no task on request " + requestId);
            }
            return attachments.add(requestId, request.reference(), AttachmentStep.SUBMISSION, null, user.username(), upload);
        }
        WorkTask task = mine.get(0);
        Area area = task.type() == TaskType.SCREENING ? task.area() : null;
        return attachments.add(requestId, request.reference(), stepOf(task.type()), area, user.username(), upload);
    }

    @Transactional
    public void remove(UUID requestId, UUID attachmentId, CurrentUser user) {
        PurchaseRequest request = open(requestId, user);
        attachments.remove(requestId, request.reference(), attachmentId, user.username());
    }

    /** The request of a task the user may work on, for the task pages' upload form. */
    public UUID requestOfTask(String taskId, CurrentUser user) {
        return tasks.find(taskId, user).requestId();
    }

    private PurchaseRequest open(UUID requestId, CurrentUser user) {
        caseFiles.readable(requestId, user);
        PurchaseRequest request = requests.lock(requestId);
        if (request.status().isClosed()) {
            throw new ConflictException("Request " + requestId + " is decided; its files can no longer change");
        }
        return request;
    }

    private static AttachmentStep stepOf(TaskType type) {
        return switch (type) {
            case TRIAGE -> AttachmentStep.TRIAGE;
            case MORE_INFORMATION -> AttachmentStep.ANSWER;
            case SCREENING -> AttachmentStep.SCREENING;
            case ESCALATION -> AttachmentStep.ESCALATION;
            case DECISION -> AttachmentStep.DECISION;
        };
    }
}
