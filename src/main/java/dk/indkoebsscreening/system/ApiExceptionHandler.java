package dk.indkoebsscreening.system;

import dk.indkoebsscreening.system.Problems.FieldError;
import dk.indkoebsscreening.system.Problems.Type;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns failures of the JSON API into a status and a problem ({@link Problems}) that says what is wrong, one
 * message per field, in the caller's language (Danish unless the request asks for English). What fails before a
 * controller is found (an unknown route, a method no route takes) is answered by the error dispatch the same way.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler {

    private final Problems problems;
    private final MessageSource messages;
    private final DataSize maxFileSize;

    ApiExceptionHandler(Problems problems, MessageSource messages, MultipartProperties multipart) {
        this.problems = problems;
        this.messages = messages;
        this.maxFileSize = multipart.getMaxFileSize();
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e, HttpServletRequest request) {
        return invalid(request, e.problems().stream()
                .map(problem -> new FieldError(problem.field(), problem.messageIn(messages, LocaleContextHolder.getLocale())))
                .toList());
    }

    /** Bodies are read strictly: malformed JSON, a duplicate key or anything after the object. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, Type.UNREADABLE_BODY, "body.unreadable");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "body.notJson");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(request, HttpStatus.METHOD_NOT_ALLOWED, null, "error.methodNotAllowed");
    }

    /** The caller accepts none of the types the call answers in (e.g. {@code Accept: application/xml}). */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problem(request, HttpStatus.NOT_ACCEPTABLE, null, "error.notAcceptable");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return invalid(request, List.of(new FieldError(e.getName(), message("field.invalid"))));
    }

    @ExceptionHandler(PageOutOfRangeException.class)
    ResponseEntity<ProblemDetail> pageOutOfRange(PageOutOfRangeException e, HttpServletRequest request) {
        // As digits, not "1.000": a program reads them too.
        Object[] bounds = {e.parameter(), String.valueOf(e.min()), String.valueOf(e.max())};
        return answer(problems.problem(HttpStatus.BAD_REQUEST.value(), Type.PAGE_OUT_OF_RANGE, "paging.outOfRange", bounds,
                Problems.pathOf(request), List.of(new FieldError(e.parameter(), message("paging.outOfRange.field", bounds))),
                LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(request, HttpStatus.NOT_FOUND, null, "error.notFound");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return problem(request, HttpStatus.FORBIDDEN, null, "error.forbidden");
    }

    /**
     * A step the state no longer allows names that state (an illegal transition); without a reason of its own, the
     * task was completed or taken by someone else meanwhile (a conflict), as the engine's own refusals say.
     */
    @ExceptionHandler({ConflictException.class, TaskAlreadyClaimedException.class, OptimisticLockingException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e, HttpServletRequest request) {
        if (e instanceof ConflictException known && !ConflictException.SOMEONE_ELSE.equals(known.messageKey())) {
            return problem(request, HttpStatus.CONFLICT, Type.ILLEGAL_TRANSITION, known.messageKey(), known.arguments());
        }
        return problem(request, HttpStatus.CONFLICT, Type.CONFLICT, ConflictException.SOMEONE_ELSE);
    }

    @ExceptionHandler(RepeatedInputException.class)
    ResponseEntity<ProblemDetail> repeated(RepeatedInputException e, HttpServletRequest request) {
        return problem(request, HttpStatus.UNPROCESSABLE_ENTITY, Type.REPEATED_INPUT, e.messageKey(), e.arguments());
    }

    @ExceptionHandler(RefusedFileException.class)
    ResponseEntity<ProblemDetail> refusedFile(RefusedFileException e, HttpServletRequest request) {
        return problem(request, e.status(), Type.REFUSED_FILE, e.messageKey(), e.arguments());
    }

    /** The servlet container refused a part larger than the per-file limit before anything was read. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(request, HttpStatus.PAYLOAD_TOO_LARGE, Type.REFUSED_FILE, "attachment.tooLargeForServer",
                maxFileSize.toMegabytes());
    }

    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    ResponseEntity<ProblemDetail> notAFile(Exception e, HttpServletRequest request) {
        return invalid(request, List.of(new FieldError("file", message("attachment.missing"))));
    }

    private ResponseEntity<ProblemDetail> invalid(HttpServletRequest request, List<FieldError> errors) {
        return answer(problems.problem(HttpStatus.BAD_REQUEST.value(), Type.INVALID_INPUT, "error.invalidInput", null,
                Problems.pathOf(request), errors, LocaleContextHolder.getLocale()));
    }

    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, Type type, String detailKey,
                                                  Object... arguments) {
        return answer(problems.problem(status.value(), type, detailKey, arguments, Problems.pathOf(request), List.of(),
                LocaleContextHolder.getLocale()));
    }

    /**
     * Always problem+json, whatever the caller's {@code Accept} says: letting the header choose made an error met with
     * {@code Accept: text/html} a 500 with an empty body (the handler's own answer was "not acceptable").
     */
    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.MEDIA_TYPE).body(problem);
    }

    private String message(String key, Object... arguments) {
        return problems.message(key, arguments, LocaleContextHolder.getLocale());
    }
}
