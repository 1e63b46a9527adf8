package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.security.People.Person;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.Links;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Mine indstillinger": which mails a person wants (reminders always come) and the address they go to. */
@PageController
class MailSettingsPage {

    private final MailPreferences preferences;
    private final People people;
    private final Choices choices;

    MailSettingsPage(MailPreferences preferences, People people, Choices choices) {
        this.preferences = preferences;
        this.people = people;
        this.choices = choices;
    }

    @GetMapping(Links.SETTINGS)
    String settings(Authentication authentication, Model model) {
        return page(authentication.getName(), String.valueOf(preferences.wantsMail(authentication.getName())),
                PageErrors.none(), model);
    }

    @PostMapping(Links.SETTINGS)
    String choose(@RequestParam(name = "mails", required = false) String mails, Authentication authentication, Model model,
                  RedirectAttributes saved, HttpServletResponse response) {
        if (!"true".equals(mails) && !"false".equals(mails)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            PageErrors errors = PageErrors.none();
            errors.add("mails", choices.message("settings.mails.required"));
            return page(authentication.getName(), null, errors, model);
        }
        boolean on = Boolean.parseBoolean(mails);
        preferences.choose(authentication.getName(), on);
        saved.addFlashAttribute("saved", choices.message(on ? "settings.saved.on" : "settings.saved.off"));
        return "redirect:" + Links.SETTINGS;
    }

    private String page(String userId, String mails, PageErrors errors, Model model) {
        model.addAttribute("email", people.person(userId).map(Person::email).orElse(null));
        model.addAttribute("mails", mails);
        model.addAttribute("yesNo", choices.yesNo());
        model.addAttribute("errors", errors);
        return "notification/settings";
    }
}
