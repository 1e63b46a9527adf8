package dk.indkoebsscreening.system;

/** The step is valid in itself but not now: the task is held by someone else, or already done. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
