package dk.indkoebsscreening.system;

import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A setting its class refuses ({@code @NotBlank}, {@code @DurationMin}, …), named as it is written. Spring Boot's own
 * report names a setting of a record by its Java name ({@code indkoeb.events.relay.pollInterval}); this one by its
 * key ({@code indkoeb.events.relay.poll-interval}), with the value as given and where it was given.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class WrongSettingFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
        ValidationErrors errors = cause.getValidationErrors();
        String settings = errors.getAllErrors().stream().map(error -> describe(errors, error))
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis("A setting is wrong:\n" + settings,
                "Correct it (docs/configuration.md says what each setting takes) and start again.", cause);
    }

    private static String describe(ValidationErrors errors, ObjectError error) {
        String key = error instanceof FieldError field
                ? errors.getName() + "." + DataObjectPropertyName.toDashedForm(field.getField())
                : errors.getName().toString();
        StringBuilder line = new StringBuilder("\n    Property: ").append(key);
        ConfigurationProperty given = errors.getBoundProperties().stream()
                .filter(property -> property.getName().toString().equals(key)).findFirst().orElse(null);
        if (given != null) {
            line.append("\n    Value: \"").append(given.getValue()).append('"');
            if (given.getOrigin() != null) {
                line.append("\n    Origin: ").append(given.getOrigin());
            }
        } else {
            line.append("\n    Value: not set");
        }
        return line.append("\n    Reason: ").append(error.getDefaultMessage()).toString();
    }
}
