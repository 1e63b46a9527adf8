package dk.indkoebsscreening.system;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

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
    private final DataSize maxFileSize;

    ApiExceptionHandler(MessageSource messages, MultipartProperties multipart) {
        this.messages = messages;
        this.maxFileSize = multipart.getMaxFileSize();
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalidInput(InvalidInputException e) {
        return badRequest(e.problems().stream()
                .map(problem -> new FieldError(problem.field(), problem.messageIn(messages, LocaleContextHolder.getLocale())))
                .toList());
    }

    /** Bodies are read strictly: malformed JSON, a duplicate key or anything after the object. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, message("body.unreadable"), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message("body.notJson"), List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, message("error.methodNotAllowed"), List.of());
    }

    /** The caller accepts none of the types the call answers in (e.g. {@code Accept: application/xml}). */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return error(HttpStatus.NOT_ACCEPTABLE, message("error.notAcceptable"), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldError(e.getName(), message("field.invalid"))));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, message("error.notFound"), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, message("error.forbidden"), List.of());
    }

    @ExceptionHandler({ConflictException.class, TaskAlreadyClaimedException.class,
            OptimisticLockingException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e) {
        String text = e instanceof ConflictException known ? message(known.messageKey(), known.arguments())
                : message("error.conflict");
        return error(HttpStatus.CONFLICT, text, List.of());
    }

    @ExceptionHandler(RepeatedInputException.class)
    ResponseEntity<ApiError> repeated(RepeatedInputException e) {
        return error(HttpStatus.UNPROCESSABLE_ENTITY, message(e.messageKey(), e.arguments()), List.of());
    }

    @ExceptionHandler(RefusedFileException.class)
    ResponseEntity<ApiError> refusedFile(RefusedFileException e) {
        return error(e.status(), message(e.messageKey(), e.arguments()), List.of());
    }

    /** The servlet container refused a part larger than the per-file limit before anything was read. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, message("attachment.tooLargeForServer", maxFileSize.toMegabytes()), List.of());
    }

    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    ResponseEntity<ApiError> notAFile(Exception e) {
        return badRequest(List.of(new FieldError("file", message("attachment.missing"))));
    }

    private ResponseEntity<ApiError> badRequest(List<FieldError> errors) {
        return error(HttpStatus.BAD_REQUEST, message("error.invalidInput"),
                errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
    }

    /**
     * Always JSON, whatever the caller's {@code Accept} says: letting the header choose made an error met with
     * {@code Accept: text/html} a 500 with an empty body (the handler's own answer was "not acceptable").
     */
    private ResponseEntity<ApiError> error(HttpStatus status, String message, List<FieldError> errors) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(status.value(), message, errors));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
