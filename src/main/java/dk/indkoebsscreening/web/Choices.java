package dk.indkoebsscreening.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The options of a radio group (value to visible text, in order), with texts from the message bundles. */
@Component
public class Choices {

    private final MessageSource messages;

    Choices(MessageSource messages) {
        this.messages = messages;
    }

    /** E.g. {@code of("verdict.", Verdict.values())}: each value's text is the message {@code verdict.APPROVED}. */
    public Map<String, String> of(String messagePrefix, Enum<?>... values) {
        return of(messagePrefix, Arrays.stream(values).map(Enum::name).toList());
    }

    public Map<String, String> of(String messagePrefix, List<String> values) {
        Map<String, String> options = new LinkedHashMap<>();
        values.forEach(value -> options.put(value, message(messagePrefix + value)));
        return options;
    }

    public Map<String, String> yesNo() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("true", message("yes"));
        options.put("false", message("no"));
        return options;
    }

    public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
