package dk.indkoebsscreening.triage;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The request's questions to the requester and their answers, from triage and from the screenings, as one thread:
 * for the task pages, the request page and the requester's "waiting for you". It checks no access: its callers show
 * it only to whoever may read the request.
 */
@Service
public class QuestionThread {

    private final ClarificationRepository clarifications;

    QuestionThread(ClarificationRepository clarifications) {
        this.clarifications = clarifications;
    }

    /** Every question, oldest first. */
    public List<Clarification> thread(UUID requestId) {
        return clarifications.findByRequest(requestId);
    }

    /** The questions the requester has not answered yet, oldest first. */
    public List<Clarification> openForRequester(UUID requestId) {
        return thread(requestId).stream().filter(Clarification::open).toList();
    }
}
