package dk.indkoebsscreening.web;

import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.LoginDelayResponses;
import dk.indkoebsscreening.security.NoGroupRefusal;
import dk.indkoebsscreening.security.OidcProperties;
import dk.indkoebsscreening.system.InstallationProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page, the front page that sends each user to where their work is, and the page for someone
 * logged in through the municipality's login who is in none of our groups.
 */
@PageController
class LoginPage {

    private final boolean demoUsers;
    private final String oidcLoginUrl;
    private final LoginDelayResponses delays;

    LoginPage(InstallationProperties installation, OidcProperties oidc, LoginDelayResponses delays) {
        this.demoUsers = installation.demo().enabled();
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

    /** Reached directly, or shown (with 403) instead of any page or form refused for want of a group. */
    @RequestMapping(path = NoGroupRefusal.PAGE, method = {RequestMethod.GET, RequestMethod.POST})
    String noGroup(Authentication authentication, Model model) {
        if (!CurrentUser.of(authentication).hasNoGroup()) {
            return "redirect:/";
        }
        model.addAttribute("username", authentication.getName());
        return "no-group";
    }

    @GetMapping("/")
    String home(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return user.takesPartInScreening() ? "redirect:/opgaver" : "redirect:/anmodninger";
    }
}
