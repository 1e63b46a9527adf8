package dk.indkoebsscreening.web;

import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
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

/** Failures on a page become a page in the user's language; it runs before the JSON API's handler. */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageExceptionHandler {

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

    /** The one error template, as Spring Boot's error controller renders it too. */
    private static String errorPage(Model model, HttpServletRequest request, HttpStatus status) {
        model.addAllAttributes(LayoutModel.of(request));
        model.addAttribute("status", status.value());
        model.addAttribute("page", ErrorPage.titleKey(status.value()));
        return "error";
    }
}
