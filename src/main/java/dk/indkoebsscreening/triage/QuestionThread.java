package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.request.Requests;
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
    private final Requests requests;

    QuestionThread(ClarificationRepository clarifications, Requests requests) {
        this.clarifications = clarifications;
        this.requests = requests;
    }

    /** Every question, oldest first. */
    public List<Clarification> thread(UUID requestId) {
        return clarifications.findByRequest(requestId);
    }

    /**
     * The questions the requester has not answered yet, oldest first; none once the request is decided or withdrawn,
     * when an expert's unanswered question no longer waits for anything.
     */
    public List<Clarification> openForRequester(UUID requestId) {
        if (requests.findById(requestId).map(request -> request.status().isClosed()).orElse(true)) {
            return List.of();
        }
        return thread(requestId).stream().filter(Clarification::open).toList();
    }
}
