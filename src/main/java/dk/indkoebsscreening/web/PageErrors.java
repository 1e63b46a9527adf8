package dk.indkoebsscreening.web;

import dk.indkoebsscreening.system.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/**
 * The validation messages of one form, per field, in the order of the form: shown in the error
 * summary at the top (each linking to its field) and next to the field itself. Messages come from
 * the same Bean Validation annotations and service rules as the JSON API's. A line of the summary must say
 * which question it is about on its own: a message several fields share ("Skriv betingelsen.") is given with
 * the field's question or label there, when the page has told which ({@link #labelled}), and no line is
 * repeated.
 */
public class PageErrors {

    public record FieldMessage(String field, String message) {

        /** The id of the field's input: the summary links to it and the input refers back to the message. */
        public String inputId() {
            return PageErrors.inputId(field);
        }
    }

    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();

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
        ordered.labels.putAll(labels);
        fieldOrder.forEach(field -> of(field).forEach(message -> ordered.add(field, message)));
        byField.forEach((field, messages) -> {
            if (!fieldOrder.contains(field)) {
                messages.forEach(message -> ordered.add(field, message));
            }
        });
        return ordered;
    }

    /** A message once per field: two rules that find the same fault say it once. */
    public void add(String field, String message) {
        List<String> messages = byField.computeIfAbsent(field, key -> new ArrayList<>());
        if (!messages.contains(message)) {
            messages.add(message);
        }
    }

    /** The questions or labels of the page's fields by field name, for the summary's lines a message alone leaves unclear. */
    public PageErrors labelled(Map<String, String> fieldLabels) {
        labels.putAll(fieldLabels);
        return this;
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

    /** The summary's lines: a message more than one field has is named by the field's label, and no line comes twice. */
    public List<FieldMessage> all() {
        Map<String, Long> fieldsPerMessage = byField.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(message -> message, Collectors.counting()));
        return byField.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(message -> new FieldMessage(entry.getKey(),
                        fieldsPerMessage.get(message) > 1 && labels.containsKey(entry.getKey())
                                ? labels.get(entry.getKey()) + ": " + message : message)))
                .filter(distinctBy(FieldMessage::message))
                .toList();
    }

    private static <T> Predicate<T> distinctBy(Function<T, Object> key) {
        Set<Object> seen = new HashSet<>();
        return item -> seen.add(key.apply(item));
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
