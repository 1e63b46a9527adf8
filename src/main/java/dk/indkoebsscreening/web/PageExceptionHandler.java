package dk.indkoebsscreening.web;

import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.RefusedFileException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.multipart.MultipartException;

/** Failures on a page become a page in the user's language; it runs before the JSON API's handler. */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageExceptionHandler {

    /** The lifecycle's refusal (IllegalTransitionException), which names the request's status. */
    private static final String REQUEST_STATUS = "error.request.transition";

    private final Choices choices;
    private final MessageSource messages;

    PageExceptionHandler(Choices choices, MessageSource messages) {
        this.choices = choices;
        this.messages = messages;
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model, HttpServletRequest request) {
        return errorPage(model, request, HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model, HttpServletRequest request) {
        return errorPage(model, request, HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler({TaskAlreadyClaimedException.class, OptimisticLockingException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(Model model, HttpServletRequest request) {
        return errorPage(model, request, HttpStatus.CONFLICT);
    }

    /**
     * A refused step: the task is gone or taken by someone else; otherwise the page says why, as the API does (the
     * request's or a condition's status, the user's absence, a retired system).
     */
    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model, HttpServletRequest request) {
        if (ConflictException.SOMEONE_ELSE.equals(e.messageKey())) {
            return errorPage(model, request, HttpStatus.CONFLICT);
        }
        model.addAttribute("detail", choices.message(e.messageKey(), e.arguments()));
        return errorPage(model, request, HttpStatus.CONFLICT,
                REQUEST_STATUS.equals(e.messageKey()) ? "error.page.409.request" : "error.page.409.refused");
    }

    /** A refused file: the page says why (too large, a type that is not allowed) and that nothing was stored. */
    @ExceptionHandler(RefusedFileException.class)
    String refusedFile(RefusedFileException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("detail", choices.message(e.messageKey(), e.arguments()));
        return errorPage(model, request, HttpStatus.valueOf(e.status().value()), "error.page.file");
    }

    /**
     * Input a page's own form handling did not expect (a parameter typed into the address, not the form): the page
     * names the first problem, in the user's language, and that nothing was stored.
     */
    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalidInput(InvalidInputException e, Model model, HttpServletRequest request) {
        model.addAttribute("detail", e.problems().get(0).messageIn(messages, LocaleContextHolder.getLocale()));
        return errorPage(model, request, HttpStatus.BAD_REQUEST, "error.page.400");
    }

    /** An address with a malformed id is no page; a malformed parameter is a request that cannot be used. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String malformed(MethodArgumentTypeMismatchException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = e.getParameter().hasParameterAnnotation(PathVariable.class) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        response.setStatus(status.value());
        return status == HttpStatus.NOT_FOUND ? errorPage(model, request, status) : errorPage(model, request, status, "error.page.400");
    }

    /** A form field that cannot be read as what it stands for (a text where the form sends a list), sent by hand. */
    @ExceptionHandler(BindException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String unbindable(Model model, HttpServletRequest request) {
        return errorPage(model, request, HttpStatus.BAD_REQUEST, "error.page.400");
    }

    @ExceptionHandler({MultipartException.class, MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String notAFile(Model model, HttpServletRequest request) {
        model.addAttribute("detail", choices.message("attachment.missing"));
        return errorPage(model, request, HttpStatus.BAD_REQUEST, "error.page.file");
    }

    private static String errorPage(Model model, HttpServletRequest request, HttpStatus status, String page) {
        errorPage(model, request, status);
        model.addAttribute("page", page);
        return "error";
    }

    /** The one error template, as Spring Boot's error controller renders it too. */
    private static String errorPage(Model model, HttpServletRequest request, HttpStatus status) {
        model.addAllAttributes(LayoutModel.of(request));
        model.addAttribute("status", status.value());
        model.addAttribute("page", ErrorPage.titleKey(status.value()));
        return "error";
    }
}
