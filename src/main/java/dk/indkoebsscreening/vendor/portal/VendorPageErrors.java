package dk.indkoebsscreening.vendor.portal;

import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Failures on the vendor's pages, in the vendor's layout and language (the staff's error page would lead into the
 * staff's product). What the pages expect (a refused answer or file) they show themselves, beside the field.
 */
@ControllerAdvice(assignableTypes = {VendorPages.class, VendorAccess.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class VendorPageErrors {

    private final VendorPageModel pages;

    VendorPageErrors(VendorPageModel pages) {
        this.pages = pages;
    }

    /** The invitation expired or was revoked while the vendor was away: the session ends, the page says why. */
    @ExceptionHandler(VendorSessionEnded.class)
    String ended(VendorSessionEnded ended, HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        pages.refused(ended.refused(), response, model);
        return VendorPageModel.REFUSED;
    }

    /** Another invitation's document, or no document: as if it did not exist. */
    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        pages.texts("notFound", model);
        return VendorPageModel.REFUSED;
    }

    /** Sent meanwhile (in another tab): nothing changed, the questionnaire shows what was sent. */
    @ExceptionHandler(ConflictException.class)
    String conflict(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.CONFLICT.value());
        pages.texts("conflict", model);
        return VendorPageModel.REFUSED;
    }
}
