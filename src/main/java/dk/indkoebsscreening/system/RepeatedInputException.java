package dk.indkoebsscreening.system;

/**
 * Valid input that was used before for something else, e.g. an idempotency key for a different request:
 * a 422 whose message (a key with arguments) says what was made the first time.
 */
public class RepeatedInputException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public RepeatedInputException(String message, String messageKey, Object... arguments) {
        super(message);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
