package dk.indkoebsscreening.web;

import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.OidcProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and the front page that sends each user to where their work is. */
@PageController
class LoginPage {

    private final boolean demoUsers;
    private final String oidcLoginUrl;

    LoginPage(@Value("${indkoeb.demo.enabled:false}") boolean demoUsers, OidcProperties oidc) {
        this.demoUsers = demoUsers;
        this.oidcLoginUrl = oidc.enabled() ? "/oauth2/authorization/" + oidc.registrationId() : null;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demoUsers", demoUsers);
        model.addAttribute("oidcLoginUrl", oidcLoginUrl);
        return "login";
    }

    @GetMapping("/")
    String home(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return user.takesPartInScreening() ? "redirect:/opgaver" : "redirect:/anmodninger";
    }
}
