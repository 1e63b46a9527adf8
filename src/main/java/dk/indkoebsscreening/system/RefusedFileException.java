package dk.indkoebsscreening.system;

import org.springframework.http.HttpStatus;

/**
 * A file that is not taken (too large, a type that is not allowed, unreadable), with the status to answer and
 * the message that says why, in the reader's language. Nothing of it has been stored.
 */
public class RefusedFileException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] arguments;

    public RefusedFileException(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
