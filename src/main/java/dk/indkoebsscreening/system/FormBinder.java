package dk.indkoebsscreening.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Binds a JSON object to an input record and reports every problem of it at once: unknown fields, values
 * of the wrong type (the application's ObjectMapper coerces nothing: no numbers for enums, no strings for
 * numbers, no fractions for whole numbers, no numbers for dates), Bean Validation's violations and the
 * caller's own rules, each with its field, in one {@link InvalidInputException}. Binding field by field is
 * what lets a wrong enum value and a missing title be reported together.
 */
@Component
public class FormBinder {

    private final ObjectMapper objectMapper;
    private final Validator validator;

    FormBinder(ObjectMapper objectMapper, Validator validator) {
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    public <T extends Record> T bind(JsonNode body, Class<T> type) {
        return bind(body, type, form -> List.of());
    }

    /** @param rules problems the annotations cannot express; they see nulls where a field is missing or wrong */
    public <T extends Record> T bind(JsonNode body, Class<T> type, Function<T, List<FieldProblem>> rules) {
        JsonNode object = body == null || body.isNull() || body.isMissingNode() ? objectMapper.createObjectNode() : body;
        if (!object.isObject()) {
            throw InvalidInputException.of("", "body.notObject");
        }
        RecordComponent[] components = type.getRecordComponents();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> known = new HashSet<>();
        Arrays.stream(components).map(RecordComponent::getName).forEach(known::add);
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new FieldProblem(name, "field.unknown"));
            }
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            JsonNode value = object.get(components[i].getName());
            if (value != null && !value.isNull()) {
                try {
                    values[i] = objectMapper.treeToValue(value, objectMapper.constructType(components[i].getGenericType()));
                } catch (JsonMappingException e) {
                    problems.add(typeProblem(components[i].getName(), e));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    problems.add(new FieldProblem(components[i].getName(), "field.invalid"));
                }
            }
        }
        return validated(type, components, values, problems, rules);
    }

    /**
     * Binds a page's form to the same record its JSON door takes, with the same checks and the same messages: a text
     * is taken without surrounding white space and blank is none; a list of texts is a text area's lines, a list of
     * choices a group of check boxes (whose hidden {@code _name} makes "none checked" an empty list), a map the fields
     * named {@code name.key} that were filled in. Fields the record does not have (the CSRF token) are the page's own.
     */
    public <T extends Record> T bindForm(MultiValueMap<String, String> form, Class<T> type, Function<T, List<FieldProblem>> rules) {
        RecordComponent[] components = type.getRecordComponents();
        List<FieldProblem> problems = new ArrayList<>();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = PageFields.value(form, components[i], problems::add, false);
        }
        return validated(type, components, values, problems, rules);
    }

    /** @throws IllegalArgumentException the record has a component no page's form can fill */
    public void requirePageForm(Class<? extends Record> type) {
        PageFields.requireBindable(type);
    }

    /** The record as a page shows the form back, unchecked: texts as they were typed, a choice that is none of the options left out. */
    public <T extends Record> T shownForm(MultiValueMap<String, String> form, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = PageFields.value(form, components[i], problem -> { }, true);
        }
        return construct(type, components, values);
    }

    /**
     * Checks the form as its page posted it against the record's bounds (sizes, plain text) but not against what is
     * required: a form saved half-done (a task's draft) may still miss answers.
     */
    public <T extends Record> void checkBoundsOnly(MultiValueMap<String, String> form, Class<T> type) {
        InvalidInputException.throwIfAny(validator.validate(shownForm(form, type)).stream()
                .filter(violation -> !(violation.getConstraintDescriptor().getAnnotation() instanceof NotNull
                        || violation.getConstraintDescriptor().getAnnotation() instanceof NotBlank))
                .map(violation -> FieldProblem.resolved(fieldOf(violation), violation.getMessage()))
                .toList());
    }

    private <T extends Record> T validated(Class<T> type, RecordComponent[] components, Object[] values, List<FieldProblem> problems,
                                           Function<T, List<FieldProblem>> rules) {
        T form = construct(type, components, values);
        Set<String> wrongType = new HashSet<>();
        problems.forEach(problem -> wrongType.add(root(problem.field())));
        validator.validate(form).stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> violation) -> violation.getPropertyPath().toString()))
                .filter(violation -> !wrongType.contains(root(violation.getPropertyPath().toString())))
                .forEach(violation -> problems.add(FieldProblem.resolved(fieldOf(violation), violation.getMessage())));
        Set<String> reported = new HashSet<>();
        problems.forEach(problem -> reported.add(problem.field()));
        rules.apply(form).stream()
                .filter(problem -> !reported.contains(problem.field()) && !wrongType.contains(root(problem.field())))
                .forEach(problems::add);
        InvalidInputException.throwIfAny(problems);
        return form;
    }

    private <T extends Record> T construct(Class<T> type, RecordComponent[] components, Object[] values) {
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + type.getSimpleName(), e);
        }
    }

    /** The message says what the field should have been, from the type Jackson expected there. */
    private FieldProblem typeProblem(String component, JsonMappingException e) {
        String inner = JsonPaths.of(e);
        String field = inner.isEmpty() ? component : inner.startsWith("[") ? component + inner : component + "." + inner;
        Class<?> expected = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (expected == null) {
            return new FieldProblem(field, "field.invalid");
        }
        if (expected.isEnum()) {
            return oneOf(field, expected);
        }
        if (expected == Integer.class || expected == int.class || expected == Long.class || expected == long.class) {
            return new FieldProblem(field, "field.wholeNumber");
        }
        if (Number.class.isAssignableFrom(expected) || expected == BigDecimal.class) {
            return new FieldProblem(field, "field.number");
        }
        if (CharSequence.class.isAssignableFrom(expected)) {
            return new FieldProblem(field, "field.text");
        }
        if (Temporal.class.isAssignableFrom(expected)) {
            return new FieldProblem(field, "field.date");
        }
        if (expected == Boolean.class || expected == boolean.class) {
            return new FieldProblem(field, "field.boolean");
        }
        if (Collection.class.isAssignableFrom(expected) || expected.isArray()) {
            return new FieldProblem(field, "field.list");
        }
        if (Map.class.isAssignableFrom(expected)) {
            return new FieldProblem(field, "field.object");
        }
        return new FieldProblem(field, "field.invalid");
    }

    /** A value that is none of the enum's constants: the message lists them. */
    static FieldProblem oneOf(String field, Class<?> enumType) {
        return new FieldProblem(field, "field.oneOf", String.join(", ",
                Arrays.stream(enumType.getEnumConstants()).map(Object::toString).toList()));
    }

    /** "conditions[1]" for an element of a list, "checklist.dpiaNeeded" for a value of a map. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString()
                .replaceAll("<[KV]>\\[([^\\]]*)]\\.<map (value|key)>", ".$1")
                .replaceAll("\\[([^\\]\\d][^\\]]*)]\\.<map (value|key)>", ".$1")
                .replace(".<list element>", "").replace(".<iterable element>", "");
    }

    private static String root(String field) {
        int end = field.length();
        for (char separator : new char[] {'.', '['}) {
            int index = field.indexOf(separator);
            if (index >= 0 && index < end) {
                end = index;
            }
        }
        return field.substring(0, end);
    }
}
