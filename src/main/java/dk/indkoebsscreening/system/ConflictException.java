package dk.indkoebsscreening.system;

/**
 * A step that the state of its task or request no longer allows: a 409 whose message (a key with arguments) says
 * why; without one, the task has been completed or taken by someone else.
 */
public class ConflictException extends RuntimeException {

    /** The message of a conflict without a reason of its own: someone else completed or took the task meanwhile. */
    public static final String SOMEONE_ELSE = "error.conflict";

    private final String messageKey;
    private final Object[] arguments;

    public ConflictException(String message) {
        this(message, SOMEONE_ELSE);
    }

    public ConflictException(String message, String messageKey, Object... arguments) {
        super(message);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
