package dk.indkoebsscreening.system;

import java.util.List;

/**
 * Input that breaks a rule the annotations cannot express (it depends on other fields or on the
 * request). Carries a message key per field, resolved in the caller's language at the edge.
 */
public class InvalidInputException extends RuntimeException {

    public record FieldProblem(String field, String messageKey, Object... arguments) {
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super("Invalid input: " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String messageKey, Object... arguments) {
        return new InvalidInputException(List.of(new FieldProblem(field, messageKey, arguments)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
