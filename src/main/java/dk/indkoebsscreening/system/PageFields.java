package dk.indkoebsscreening.system;

import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.util.MultiValueMap;

/** A record component's value from a page's form fields (see {@link FormBinder#bindForm}). */
final class PageFields {

    private PageFields() {
    }

    /**
     * Refuses a record a page's form cannot fill (a component that is not a text, a choice, a list of them or a map of
     * texts), so that it stops the start instead of failing the first form posted to it.
     */
    static void requireBindable(Class<? extends Record> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> componentType = component.getType();
            boolean bindable = String.class.equals(componentType) || componentType.isEnum()
                    || List.class.equals(componentType) && isTextOrChoice(elementType(component, 0))
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

    /** @param asTyped the text as typed, for showing the form back; otherwise as it is checked and stored */
    static Object value(MultiValueMap<String, String> form, RecordComponent component, Consumer<FieldProblem> problems, boolean asTyped) {
        String name = component.getName();
        Class<?> type = component.getType();
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
