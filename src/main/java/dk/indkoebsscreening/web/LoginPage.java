package dk.indkoebsscreening.web;

import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.LoginDelayResponses;
import dk.indkoebsscreening.security.OidcProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page, and the front page that sends each user to where their work is. */
@PageController
class LoginPage {

    private final boolean demoUsers;
    private final String oidcLoginUrl;
    private final LoginDelayResponses delays;

    LoginPage(@Value("${indkoeb.demo.enabled:false}") boolean demoUsers, OidcProperties oidc, LoginDelayResponses delays) {
        this.demoUsers = demoUsers;
        this.oidcLoginUrl = oidc.enabled() ? "/oauth2/authorization/" + oidc.registrationId() : null;
        this.delays = delays;
    }

    /** @param wait seconds to wait before the next attempt, when repeated failures have made the login wait */
    @GetMapping("/login")
    String login(@RequestParam(name = "vent", required = false) Long wait, Model model) {
        model.addAttribute("demoUsers", demoUsers);
        model.addAttribute("oidcLoginUrl", oidcLoginUrl);
        if (wait != null && wait > 0) {
            model.addAttribute("waitingTime", delays.waitingTime(wait, LocaleContextHolder.getLocale()));
        }
        return "login";
    }

    @GetMapping("/")
    String home(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return user.takesPartInScreening() ? "redirect:/opgaver" : "redirect:/anmodninger";
    }
}
