package dk.indkoebsscreening.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.indkoebsscreening.request.RequestNotFoundException;
import dk.indkoebsscreening.task.TaskNotFoundException;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns failures of the JSON API into a status and a body that says what is wrong, one message per
 * field, in the caller's language (Danish unless the request asks for English).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler {

    record FieldError(String field, String message) {
    }

    record ApiError(int status, String message, List<FieldError> errors) {
    }

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
        return badRequest(e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> invalidForm(ConstraintViolationException e) {
        return badRequest(e.getConstraintViolations().stream()
                .map(violation -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalidInput(InvalidInputException e) {
        return badRequest(e.problems().stream()
                .map(problem -> new FieldError(problem.field(), message(problem.messageKey(), problem.arguments())))
                .toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return badRequest(List.of(new FieldError(JsonPaths.of(unknown), message("field.unknown"))));
        }
        if (e.getCause() instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            String allowed = String.join(", ", Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).toList());
            return badRequest(List.of(new FieldError(JsonPaths.of(invalid), message("field.oneOf", allowed))));
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badRequest(List.of(new FieldError(JsonPaths.of(mapping), message("field.invalid"))));
        }
        return error(HttpStatus.BAD_REQUEST, message("body.unreadable"), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldError(e.getName(), message("field.invalid"))));
    }

    @ExceptionHandler({RequestNotFoundException.class, TaskNotFoundException.class})
    ResponseEntity<ApiError> notFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, message("error.notFound"), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, message("error.forbidden"), List.of());
    }

    @ExceptionHandler({ConflictException.class, TaskAlreadyClaimedException.class,
            OptimisticLockingException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e) {
        return error(HttpStatus.CONFLICT, message("error.conflict"), List.of());
    }

    private ResponseEntity<ApiError> badRequest(List<FieldError> errors) {
        return error(HttpStatus.BAD_REQUEST, message("error.invalidInput"),
                errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
    }

    private ResponseEntity<ApiError> error(HttpStatus status, String message, List<FieldError> errors) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), message, errors));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
