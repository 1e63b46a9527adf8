package dk.indkoebsscreening.request;

import dk.indkoebsscreening.system.NotFoundException;
import java.util.UUID;

/** No request with that id, or not one this user may read. */
public class RequestNotFoundException extends NotFoundException {

    public RequestNotFoundException(UUID id) {
        super("No purchase request " + id);
    }
}
