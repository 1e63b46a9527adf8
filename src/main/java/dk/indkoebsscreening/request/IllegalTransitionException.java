package dk.indkoebsscreening.request;

import dk.indkoebsscreening.system.ConflictException;
import java.util.UUID;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A change of status the lifecycle does not allow from the request's status now: the step comes too late or twice.
 * Its message names the status the request has, in the reader's language.
 */
public class IllegalTransitionException extends ConflictException {

    IllegalTransitionException(UUID requestId, RequestStatus status, Transition transition) {
        super("Request " + requestId + " is " + status + ": " + transition + " needs " + transition.from(),
                "error.request.transition", new DefaultMessageSourceResolvable("status." + status.name()));
    }
}
