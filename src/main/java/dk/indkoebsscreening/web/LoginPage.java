package dk.indkoebsscreening.web;

import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.LoginDelayResponses;
import dk.indkoebsscreening.security.NoGroupRefusal;
import dk.indkoebsscreening.security.MunicipalityNames;
import dk.indkoebsscreening.security.SignOnProviders;
import dk.indkoebsscreening.system.InstallationProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page, the front page that sends each user to where their work is, and the page for someone
 * logged in through the municipality's login who is in none of our groups.
 */
@PageController
class LoginPage {

    /** Where the login page sends a work e-mail address, to find its municipality's login. */
    static final String BY_EMAIL = "/login/kommune";

    /** A municipality's (or the shared organisation's) login, as the page offers it. */
    record Choice(String name, String url) {
    }

    private final InstallationProperties installation;
    private final SignOnProviders signOn;
    private final MunicipalityNames names;
    private final LoginDelayResponses delays;

    LoginPage(InstallationProperties installation, SignOnProviders signOn, MunicipalityNames names, LoginDelayResponses delays) {
        this.installation = installation;
        this.signOn = signOn;
        this.names = names;
        this.delays = delays;
    }

    /** @param wait seconds to wait before the next attempt, when repeated failures have made the login wait */
    @GetMapping("/login")
    String login(@RequestParam(name = "vent", required = false) Long wait, Model model) {
        if (wait != null && wait > 0) {
            model.addAttribute("waitingTime", delays.waitingTime(wait, LocaleContextHolder.getLocale()));
        }
        return page(model);
    }

    /**
     * With several municipalities' logins, a person may give their work e-mail address instead of finding their
     * municipality in the list; its domain leads to their municipality's login. One no municipality named gets the page
     * again, saying so.
     */
    @PostMapping(BY_EMAIL)
    String loginByEmail(@RequestParam(name = "email", defaultValue = "") String email, Model model,
                        HttpServletResponse response) {
        Optional<SignOnProviders.SignOn> found = signOn.forEmail(email);
        if (found.isPresent()) {
            return "redirect:" + found.get().loginUrl();
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("email", email.strip());
        model.addAttribute("unknownEmail", true);
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("demoUsers", installation.demo().enabled());
        List<SignOnProviders.SignOn> logins = signOn.all();
        if (logins.size() == 1) {
            model.addAttribute("oidcLoginUrl", logins.get(0).loginUrl());
        } else if (logins.size() > 1) {
            model.addAttribute("signOnChoices", logins.stream().map(login -> new Choice(nameOf(login), login.loginUrl()))
                    .sorted(Comparator.comparing(Choice::name)).toList());
            model.addAttribute("emailChoice", logins.stream().anyMatch(login -> !login.emailDomains().isEmpty()));
        }
        return "login";
    }

    private String nameOf(SignOnProviders.SignOn login) {
        return login.sharedOrganisation() ? installation.sharedOrganisation().name()
                : names.nameOf(login.organisation()).orElse(login.organisation());
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
