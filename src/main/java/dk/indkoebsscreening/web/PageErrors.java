package dk.indkoebsscreening.web;

import dk.indkoebsscreening.system.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/**
 * The validation messages of one form, per field, in the order of the form: shown in the error
 * summary at the top (each linking to its field) and next to the field itself. Messages come from
 * the same Bean Validation annotations and service rules as the JSON API's.
 */
public class PageErrors {

    public record FieldMessage(String field, String message) {

        /** The id of the field's input: the summary links to it and the input refers back to the message. */
        public String inputId() {
            return PageErrors.inputId(field);
        }
    }

    private final Map<String, List<String>> byField = new LinkedHashMap<>();

    public static PageErrors none() {
        return new PageErrors();
    }

    /** Binding failures (e.g. letters in an amount) and annotation violations, in the form's field order. */
    public static PageErrors of(BindingResult result, List<String> fieldOrder) {
        PageErrors errors = new PageErrors();
        fieldOrder.forEach(field -> result.getFieldErrors(field)
                .forEach(error -> errors.add(field, error.getDefaultMessage())));
        return errors;
    }

    public PageErrors addViolations(Set<? extends ConstraintViolation<?>> violations) {
        violations.stream()
                .sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
                .filter(violation -> !has(fieldOf(violation)))
                .forEach(violation -> add(fieldOf(violation), violation.getMessage()));
        return this;
    }

    public PageErrors addProblems(InvalidInputException problems, MessageSource messages) {
        problems.problems().forEach(problem -> add(problem.field(), problem.messageIn(messages, LocaleContextHolder.getLocale())));
        return this;
    }

    /** The same messages in the order the fields stand on the page; fields not named there come last. */
    public PageErrors inPageOrder(List<String> fieldOrder) {
        PageErrors ordered = new PageErrors();
        fieldOrder.forEach(field -> of(field).forEach(message -> ordered.add(field, message)));
        byField.forEach((field, messages) -> {
            if (!fieldOrder.contains(field)) {
                messages.forEach(message -> ordered.add(field, message));
            }
        });
        return ordered;
    }

    public void add(String field, String message) {
        byField.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    public List<FieldMessage> all() {
        return byField.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(message -> new FieldMessage(entry.getKey(), message)))
                .toList();
    }

    /** "checklist.dpiaNeeded" becomes "field-checklist-dpiaNeeded"; the form fragments build the same ids. */
    public static String inputId(String field) {
        return "field-" + field.replace('.', '-');
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int index = path.indexOf('[');
        return index < 0 ? path : path.substring(0, index);
    }
}
