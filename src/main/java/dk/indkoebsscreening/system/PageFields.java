package dk.indkoebsscreening.system;

import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/** A record component's value from a page's form fields (see {@link FormBinder#bindForm}). */
final class PageFields {

    private PageFields() {
    }

    /** A row of a list of records: {@code conditions[2].text}; at most a thousand rows, which no bound lets through anyway. */
    private static final Pattern ROW_FIELD = Pattern.compile("\\[(\\d{1,3})]\\.(\\w+)");

    /**
     * Refuses a record a page's form cannot fill (a component that is not a text, a choice, a list of them, a list of
     * rows of texts, choices and dates, or a map of texts), so that it stops the start instead of failing the first
     * form posted to it.
     */
    static void requireBindable(Class<? extends Record> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> componentType = component.getType();
            boolean bindable = String.class.equals(componentType) || componentType.isEnum()
                    || List.class.equals(componentType) && (isTextOrChoice(elementType(component, 0)) || isRow(elementType(component, 0)))
                    || Map.class.equals(componentType) && String.class.equals(elementType(component, 0))
                    && String.class.equals(elementType(component, 1));
            if (!bindable) {
                throw new IllegalArgumentException(component + " of " + type.getName() + " cannot be a page's form field");
            }
        }
    }

    private static boolean isTextOrChoice(Class<?> type) {
        return String.class.equals(type) || type.isEnum();
    }

    private static boolean isRow(Class<?> type) {
        return type.isRecord() && Arrays.stream(type.getRecordComponents())
                .allMatch(component -> isTextOrChoice(component.getType()) || LocalDate.class.equals(component.getType()));
    }

    /** @param asTyped the text as typed, for showing the form back; otherwise as it is checked and stored */
    static Object value(MultiValueMap<String, String> form, RecordComponent component, Consumer<FieldProblem> problems, boolean asTyped) {
        String name = component.getName();
        Class<?> type = component.getType();
        if (List.class.equals(type) && isRow(elementType(component, 0))) {
            return rows(form, name, elementType(component, 0), problems, asTyped);
        }
        if (List.class.equals(type)) {
            return list(form, name, elementType(component, 0), problems, asTyped);
        }
        if (Map.class.equals(type) && String.class.equals(elementType(component, 1))) {
            return map(form, name, asTyped);
        }
        String value = form.getFirst(name);
        if (String.class.equals(type)) {
            return asTyped ? value : Text.orNull(value);
        }
        if (type.isEnum()) {
            return choice(type, name, Text.orNull(value), problems);
        }
        throw new IllegalArgumentException(component + " cannot be a page's form field");
    }

    /** A text area's lines, each without surrounding white space, or the options checked in a group of check boxes. */
    private static List<?> list(MultiValueMap<String, String> form, String name, Class<?> element, Consumer<FieldProblem> problems,
                                boolean asTyped) {
        List<String> values = form.get(name);
        if (values == null) {
            return form.containsKey("_" + name) ? List.of() : null;
        }
        if (String.class.equals(element)) {
            return values.stream().flatMap(value -> Arrays.stream(value.split("\\R"))).map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        }
        if (element.isEnum()) {
            List<Object> chosen = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                Object option = choice(element, name + "[" + i + "]", values.get(i), problems);
                if (option != null || !asTyped) {
                    chosen.add(option);
                }
            }
            return chosen;
        }
        throw new IllegalArgumentException(name + " cannot be a page's form field");
    }

    /**
     * The rows of a list of records, from the fields {@code name[i].component} in the order of i. A row left wholly empty
     * is no row (a page offers a few empty rows for new entries); the rows are numbered anew without them, as the page
     * shows them back, so that a problem names the row it stands at. A date is an input of type date (yyyy-mm-dd).
     */
    private static List<Record> rows(MultiValueMap<String, String> form, String name, Class<?> row, Consumer<FieldProblem> problems,
                                     boolean asTyped) {
        SortedMap<Integer, Map<String, String>> fields = new TreeMap<>();
        form.forEach((field, values) -> {
            if (field.startsWith(name + "[")) {
                Matcher matcher = ROW_FIELD.matcher(field.substring(name.length()));
                if (matcher.matches()) {
                    fields.computeIfAbsent(Integer.valueOf(matcher.group(1)), index -> new LinkedHashMap<>())
                            .put(matcher.group(2), values.isEmpty() ? null : values.get(0));
                }
            }
        });
        if (fields.isEmpty()) {
            return form.containsKey("_" + name) ? List.of() : null;
        }
        RecordComponent[] components = row.getRecordComponents();
        List<Record> rows = new ArrayList<>();
        for (Map<String, String> typed : fields.values()) {
            if (typed.values().stream().allMatch(Text::isBlank)) {
                continue;
            }
            String prefix = name + "[" + rows.size() + "].";
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String value = typed.get(components[i].getName());
                Class<?> type = components[i].getType();
                values[i] = String.class.equals(type) ? (asTyped ? value : Text.orNull(value))
                        : type.isEnum() ? choice(type, prefix + components[i].getName(), Text.orNull(value), problems)
                        : date(prefix + components[i].getName(), Text.orNull(value), problems);
            }
            try {
                rows.add((Record) row.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                        .toArray(Class<?>[]::new)).newInstance(values));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot construct " + row.getSimpleName(), e);
            }
        }
        return rows;
    }

    private static LocalDate date(String field, String value, Consumer<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.accept(new FieldProblem(field, "field.date"));
            return null;
        }
    }

    /** The fields named {@code name.key}; those left empty are no answer. */
    private static Map<String, String> map(MultiValueMap<String, String> form, String name, boolean asTyped) {
        String prefix = name + ".";
        Map<String, String> answers = new LinkedHashMap<>();
        form.forEach((field, values) -> {
            String value = values.isEmpty() ? null : values.get(0);
            if (field.startsWith(prefix) && !Text.isBlank(value)) {
                answers.put(field.substring(prefix.length()), asTyped ? value : value.strip());
            }
        });
        return answers;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object choice(Class<?> type, String field, String value, Consumer<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf((Class<? extends Enum>) type, value);
        } catch (IllegalArgumentException e) {
            problems.accept(FormBinder.oneOf(field, type));
            return null;
        }
    }

    private static Class<?> elementType(RecordComponent component, int index) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized) {
            Type argument = parameterized.getActualTypeArguments()[index];
            if (argument instanceof ParameterizedType nested) {
                argument = nested.getRawType();
            }
            if (argument instanceof Class<?> element) {
                return element;
            }
        }
        throw new IllegalArgumentException(component + " has no element type a page can fill");
    }
}
