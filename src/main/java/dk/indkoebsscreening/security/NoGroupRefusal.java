package dk.indkoebsscreening.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * A page refused to someone who is logged in but in none of our groups (their token from the municipality's
 * login carried only other groups) shows them {@link #PAGE}, in Danish, with status 403: what is wrong and whom
 * to ask. Every other refusal is the usual 403, also a vendor's session (which is in none of our groups either, but
 * has nothing to ask the municipality's staff about).
 */
public final class NoGroupRefusal implements AccessDeniedHandler {

    /** The page that tells a person without any of our groups why they cannot get in. */
    public static final String PAGE = "/ingen-adgang";

    private final AccessDeniedHandler toPage = pageHandler();
    private final AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean noGroup = authentication != null && CurrentUser.of(authentication).hasNoGroup()
                && !CurrentUser.of(authentication).isVendor();
        (noGroup ? toPage : refusal).handle(request, response, denied);
    }

    private static AccessDeniedHandler pageHandler() {
        AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage(PAGE);
        return handler;
    }
}
