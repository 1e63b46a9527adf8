package dk.indkoebsscreening.web;

import dk.indkoebsscreening.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page: who is logged in (for the menu) and where we are. */
@ControllerAdvice(annotations = PageController.class)
class LayoutModel {

    @ModelAttribute("currentUser")
    CurrentUser currentUser(Authentication authentication) {
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                ? null : CurrentUser.of(authentication);
    }

    /** The language switch links to the same page in the other language. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
