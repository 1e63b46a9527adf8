package dk.indkoebsscreening.request;

import java.util.UUID;

public class RequestNotFoundException extends RuntimeException {

    public RequestNotFoundException(UUID id) {
        super("No purchase request " + id);
    }
}
