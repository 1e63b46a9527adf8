package dk.indkoebsscreening.vendor.portal;

import dk.indkoebsscreening.vendor.VendorAnswers;
import dk.indkoebsscreening.vendor.VendorInvitation;
import dk.indkoebsscreening.vendor.Refusal;
import dk.indkoebsscreening.vendor.VendorLinks;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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

    /** A refusal in one language. */
    record Texts(String language, String title, String text, String nothingChanged) {
    }

    private final VendorAnswers answers;
    private final MessageSource messages;

    VendorPageModel(VendorAnswers answers, MessageSource messages) {
        this.answers = answers;
        this.messages = messages;
    }

    String municipality(VendorInvitation invitation) {
        return answers.questionnaire(invitation.id()).municipality();
    }

    /** Unknown: 404, as for any address that leads nowhere; the others existed and are gone: 410. */
    void refused(Refusal refusal, String municipality, HttpServletResponse response, Model model) {
        response.setStatus((refusal == Refusal.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE).value());
        model.addAttribute("municipality", municipality);
        texts(refusal.name().toLowerCase(Locale.ROOT), model);
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
        Locale current = LocaleContextHolder.getLocale();
        List<Locale> order = "en".equals(current.getLanguage()) ? List.of(Locale.ENGLISH, DANISH) : List.of(DANISH, Locale.ENGLISH);
        model.addAttribute("reason", reason);
        model.addAttribute("texts", order.stream().map(locale -> new Texts(locale.getLanguage(),
                messages.getMessage("vendorPage.refused." + reason, null, locale),
                messages.getMessage("vendorPage.refused." + reason + ".text", arguments, locale),
                messages.getMessage("vendorPage.refused.nothingChanged", null, locale))).toList());
    }
}
