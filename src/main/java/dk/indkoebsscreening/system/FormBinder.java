package dk.indkoebsscreening.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Binds and validates a JSON body whose type is known only once the target (e.g. a task) is loaded. */
@Component
public class FormBinder {

    private final ObjectMapper objectMapper;
    private final Validator validator;

    FormBinder(ObjectMapper objectMapper, Validator validator) {
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    public <T> T bind(JsonNode body, Class<T> type) {
        T form;
        try {
            form = objectMapper.treeToValue(body == null || body.isNull() ? objectMapper.createObjectNode() : body, type);
        } catch (JsonMappingException e) {
            throw InvalidInputException.of(JsonPaths.of(e), "field.invalid");
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("", "body.unreadable");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return form;
    }
}
