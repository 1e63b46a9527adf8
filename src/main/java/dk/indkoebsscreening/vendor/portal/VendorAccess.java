package dk.indkoebsscreening.vendor.portal;

import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.vendor.VendorLanguage;
import dk.indkoebsscreening.vendor.VendorLinks;
import dk.indkoebsscreening.vendor.LinkCheck;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The vendor's link. Opening it shows a landing page and changes nothing (mail scanners fetch links before people
 * do); its button exchanges the token for a fresh vendor's session, after which no address holds the token. A link
 * that is unknown (404), expired, revoked or whose request is closed (410) gets a page that says so in Danish and
 * English; an address that has presented too many such links gets no link checked for a while (429).
 */
@Controller
class VendorAccess {

    private final VendorLinks links;
    private final VendorRateLimit limit;
    private final VendorPageModel pages;
    private final LocaleResolver locales;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    VendorAccess(VendorLinks links, VendorRateLimit limit, VendorPageModel pages, LocaleResolver locales) {
        this.links = links;
        this.limit = limit;
        this.pages = pages;
        this.locales = locales;
    }

    /** The landing page: whose questionnaire it is and the button; a staff member signed in here is told what it does. */
    @GetMapping(VendorLinks.PATH + "{token}")
    String landing(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                   Authentication authentication, Model model) {
        Optional<LinkCheck.Valid> valid = check(token, request, response, model);
        if (valid.isEmpty()) {
            return VendorPageModel.REFUSED;
        }
        // In the invitation's language unless the vendor picked the other one with the page's language switch.
        if (request.getParameter("lang") == null) {
            locales.setLocale(request, response, valid.get().invitation().language().locale());
        }
        model.addAttribute("municipality", pages.municipality(valid.get().invitation()));
        model.addAttribute("token", token);
        model.addAttribute("sentAt", valid.get().invitation().submittedAt());
        model.addAttribute("contact", pages.contact(valid.get().invitation().invitedBy()));
        model.addAttribute("staffSignedIn", authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
                && !(authentication instanceof VendorAuthentication));
        return "vendor/landing";
    }

    /**
     * The exchange: any session in this browser ends (a staff member's too), and a new one is the vendor's, for this
     * invitation only, in the language the landing page showed.
     */
    @PostMapping("/leverandoer/adgang")
    String exchange(@RequestParam(name = "token", defaultValue = "") String token,
                    @RequestParam(name = "sprog", defaultValue = "") String language,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<LinkCheck.Valid> valid = check(token, request, response, model);
        if (valid.isEmpty()) {
            return VendorPageModel.REFUSED;
        }
        var invitation = valid.get().invitation();
        // Each exchange writes the history: counted with the invitation's other writes, so a link cannot flood it.
        Optional<Duration> wait = limit.write(invitation.id());
        if (wait.isPresent()) {
            pages.tooMany("tooManyWrites", wait.get(), response, model);
            return VendorPageModel.REFUSED;
        }
        // The same invitation's session pressing the button again (back to the landing page, its language switch) is
        // no new opening for the history.
        boolean alreadyOpen = contexts.loadDeferredContext(request).get().getAuthentication() instanceof VendorAuthentication open
                && open.invitationId().equals(invitation.id());
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        // This request runs in the municipality of the token's invitation (VendorMunicipalityFilter): the session's is the same.
        context.setAuthentication(new VendorAuthentication(invitation.id(), invitation.requestId(), Tenancy.currentTenant().orElseThrow()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        if (!alreadyOpen) {
            links.opened(invitation.id());
        }
        locales.setLocale(request, response, language(language, invitation.language()).locale());
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + VendorPageModel.QUESTIONNAIRE);
        return null;
    }

    /** A browser on a vendor's page without a vendor's session (it ended, or never began): open the link again. */
    @RequestMapping(path = "/leverandoer/ingen-session", method = {RequestMethod.GET, RequestMethod.POST})
    String noSession(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        pages.texts("noSession", model);
        return VendorPageModel.REFUSED;
    }

    /** The link's invitation, or empty with the refusal page's model and status set. */
    private Optional<LinkCheck.Valid> check(String token, HttpServletRequest request, HttpServletResponse response,
                                           Model model) {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = limit.linkWait(address);
        if (wait.isPresent()) {
            pages.tooMany("tooMany", wait.get(), response, model);
            return Optional.empty();
        }
        boolean shaped = VendorLinks.wellFormed(token);
        LinkCheck check = links.check(token);
        if (check instanceof LinkCheck.Valid valid) {
            return Optional.of(valid);
        }
        LinkCheck.Refused refused = (LinkCheck.Refused) check;
        // Only a token that could have been one of ours is a guess; anything else is refused unread and costs nothing.
        if (shaped) {
            limit.linkRefused(address);
        }
        pages.refused(refused, response, model);
        return Optional.empty();
    }

    /** @param chosen the language the landing page was shown in ("da", "en"); anything else is the invitation's */
    private static VendorLanguage language(String chosen, VendorLanguage invited) {
        return switch (chosen) {
            case "da" -> VendorLanguage.DA;
            case "en" -> VendorLanguage.EN;
            default -> invited;
        };
    }
}
