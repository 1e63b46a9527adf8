package dk.indkoebsscreening.request;

import dk.indkoebsscreening.system.RepeatedInputException;

/** An idempotency key (or the form's token) was used before, for a request with different content. */
public class SubmissionKeyReusedException extends RepeatedInputException {

    private final String earlierReference;

    public SubmissionKeyReusedException(String earlierReference) {
        super("The submission key was used for " + earlierReference, "submission.keyReused", earlierReference);
        this.earlierReference = earlierReference;
    }

    public String earlierReference() {
        return earlierReference;
    }
}
