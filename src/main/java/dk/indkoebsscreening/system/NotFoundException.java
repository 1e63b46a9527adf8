package dk.indkoebsscreening.system;

/** What was asked for does not exist, or this user may not know that it does: a 404, on a page or in the API. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
