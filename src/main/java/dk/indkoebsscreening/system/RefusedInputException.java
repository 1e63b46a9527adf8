package dk.indkoebsscreening.system;

/**
 * A request the input boundary refuses before any handler runs: a control character, a malformed encoding, an
 * unreadable or too large body. Thrown where the input is read (also lazily, when a multipart form's fields are
 * first asked for) and answered by the boundary, as a page or as JSON.
 *
 * @param field the parameter or JSON field it concerns, or null for the request as a whole
 */
public class RefusedInputException extends RuntimeException {

    private final int status;
    private final String messageKey;
    private final String field;

    public RefusedInputException(int status, String messageKey, String field) {
        super(messageKey + (field == null ? "" : " (" + field + ")"), null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public String field() {
        return field;
    }
}
