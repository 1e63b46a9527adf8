package dk.indkoebsscreening.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A page's upload larger than the servlet container takes loses its form fields, the CSRF token with them, so
 * Spring Security refuses it as forged. Such a request is answered as what it is, 413 "Filen er for stor", and
 * every other refusal by the given handler. Either way nothing was read into the application.
 */
final class TooLargeUploadHandler implements AccessDeniedHandler {

    private final AccessDeniedHandler refusal;

    TooLargeUploadHandler(AccessDeniedHandler refusal) {
        this.refusal = refusal;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof CsrfException && isMultipart(request) && partsTooLarge(request)) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        refusal.handle(request, response, denied);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The container throws IllegalStateException when a part or the whole request exceeds its limits. */
    private static boolean partsTooLarge(HttpServletRequest request) {
        try {
            request.getParts();
            return false;
        } catch (IllegalStateException tooLarge) {
            return true;
        } catch (IOException | ServletException unreadable) {
            return false;
        }
    }
}
