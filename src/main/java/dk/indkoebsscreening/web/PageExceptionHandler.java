package dk.indkoebsscreening.web;

import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.RefusedFileException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.MultipartException;

/** Failures on a page become a page in the user's language; it runs before the JSON API's handler. */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageExceptionHandler {

    private final Choices choices;

    PageExceptionHandler(Choices choices) {
        this.choices = choices;
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

    @ExceptionHandler({ConflictException.class, TaskAlreadyClaimedException.class, OptimisticLockingException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(Model model, HttpServletRequest request) {
        return errorPage(model, request, HttpStatus.CONFLICT);
    }

    /** A refused file: the page says why (too large, a type that is not allowed) and that nothing was stored. */
    @ExceptionHandler(RefusedFileException.class)
    String refusedFile(RefusedFileException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("detail", choices.message(e.messageKey(), e.arguments()));
        return errorPage(model, request, HttpStatus.valueOf(e.status().value()), "error.page.file");
    }

    @ExceptionHandler({MultipartException.class, MissingServletRequestParameterException.class})
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
