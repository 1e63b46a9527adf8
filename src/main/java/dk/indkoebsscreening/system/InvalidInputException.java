package dk.indkoebsscreening.system;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Input that cannot be used, with every problem found at once, per field: wrong types, Bean Validation's
 * violations and the rules the annotations cannot express (they depend on other fields or on the request).
 */
public class InvalidInputException extends RuntimeException {

    /**
     * One problem with one field: a message key with arguments, resolved in the caller's language at the
     * edge, or a message already resolved (Bean Validation's).
     */
    public record FieldProblem(String field, String messageKey, Object[] arguments, String message) {

        public FieldProblem(String field, String messageKey, Object... arguments) {
            this(field, messageKey, arguments, null);
        }

        public static FieldProblem resolved(String field, String message) {
            return new FieldProblem(field, null, new Object[0], message);
        }

        public String messageIn(MessageSource messages, Locale locale) {
            return message != null ? message : messages.getMessage(messageKey, arguments, messageKey, locale);
        }
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super("Invalid input: " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String messageKey, Object... arguments) {
        return new InvalidInputException(List.of(new FieldProblem(field, messageKey, arguments)));
    }

    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
