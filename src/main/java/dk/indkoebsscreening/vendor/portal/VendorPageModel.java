package dk.indkoebsscreening.vendor.portal;

import dk.indkoebsscreening.vendor.VendorAnswers;
import dk.indkoebsscreening.vendor.VendorInvitation;
import dk.indkoebsscreening.vendor.LinkCheck;
import dk.indkoebsscreening.vendor.Refusal;
import dk.indkoebsscreening.vendor.VendorLinks;
import jakarta.servlet.http.HttpServletResponse;
import dk.indkoebsscreening.security.People;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the vendor's pages share: their addresses and the refusal page (a link or session that no longer works). */
@Component
class VendorPageModel {

    static final String QUESTIONNAIRE = "/leverandoer/spoergeskema";
    static final String REFUSED = "vendor/refused";
    private static final Locale DANISH = Locale.forLanguageTag("da");

    /** A refusal in one language, with the page's footer in it. */
    record Texts(String language, String title, String text, String nothingChanged, String footer) {
    }

    private final VendorAnswers answers;
    private final MessageSource messages;
    private final People people;

    VendorPageModel(VendorAnswers answers, MessageSource messages, People people) {
        this.answers = answers;
        this.messages = messages;
        this.people = people;
    }

    /** Whom the vendor can write to: the inviting person's name and address (their name alone without one), or null. */
    String contact(String invitedBy) {
        return invitedBy == null ? null : people.person(invitedBy)
                .map(person -> person.email() == null || person.email().isBlank() ? person.name() : person.name() + " (" + person.email() + ")")
                .orElse(null);
    }

    String municipality(VendorInvitation invitation) {
        return answers.questionnaire(invitation.id()).municipality();
    }

    /**
     * Unknown: 404, as for any address that leads nowhere, in both languages, the page's first; the others existed and
     * are gone: 410, in the invitation's language first.
     */
    void refused(LinkCheck.Refused refused, HttpServletResponse response, Model model) {
        Refusal refusal = refused.refusal();
        response.setStatus((refusal == Refusal.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE).value());
        model.addAttribute("municipality", refused.municipality());
        Locale first = refused.language() == null ? LocaleContextHolder.getLocale() : refused.language().locale();
        // an unknown link names nobody
        texts(refusal.name().toLowerCase(Locale.ROOT), first, refusal == Refusal.UNKNOWN ? null : contact(refused.invitedBy()), model);
    }

    /** @param reason tooMany (links from one address) or tooManyWrites (of one invitation) */
    void tooMany(String reason, Duration wait, HttpServletResponse response, Model model) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        texts(reason, model, (seconds + 59) / 60);
    }

    /**
     * The refusal page's texts, in the page's language and then the other one.
     *
     * @param reason    unknown, expired, revoked, closed, noSession, tooMany, tooManyWrites, notFound, conflict
     * @param arguments of the text (minutes to wait)
     */
    void texts(String reason, Model model, Object... arguments) {
        texts(reason, LocaleContextHolder.getLocale(), null, model, arguments);
    }

    private void texts(String reason, Locale current, String contact, Model model, Object... arguments) {
        List<Locale> order = "en".equals(current.getLanguage()) ? List.of(Locale.ENGLISH, DANISH) : List.of(DANISH, Locale.ENGLISH);
        model.addAttribute("reason", reason);
        model.addAttribute("texts", order.stream().map(locale -> new Texts(locale.getLanguage(),
                messages.getMessage("vendorPage.refused." + reason, null, locale),
                messages.getMessage("vendorPage.refused." + reason + ".text", arguments, locale),
                messages.getMessage("vendorPage.refused.nothingChanged", null, locale),
                contact == null ? messages.getMessage("vendorPage.footer", null, locale)
                        : messages.getMessage("vendorPage.footer.contact", new Object[] {contact}, locale))).toList());
        // a link we do not know, no session or too many guesses name no language: the title and footer in both
        model.addAttribute("bothLanguages", Set.of("unknown", "noSession", "tooMany").contains(reason));
    }
}
