package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.web.PageController;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrators' view of the mails: the newest first with their state, found by a request's reference or an
 * address, and each mail as it was sent (plain-text part). Answers "was I told?" and shows a mail outage; with the
 * embedded SMTP server of the one-command run it is the way to read the mails.
 */
@PageController
class SentMailsPage {

    static final int SHOWN = 200;
    /** A reference or an address is far shorter; longer text is cut, as on the other search fields. */
    static final int MAX_SEARCH_TEXT = 200;

    private final MailOutbox outbox;
    private final Requests requests;
    private final NotificationProperties properties;

    SentMailsPage(MailOutbox outbox, Requests requests, NotificationProperties properties) {
        this.outbox = outbox;
        this.requests = requests;
        this.properties = properties;
    }

    @GetMapping("/admin/mails")
    String mails(@RequestParam(name = "q", defaultValue = "") String typed, Model model) {
        String text = typed.length() > MAX_SEARCH_TEXT ? typed.substring(0, MAX_SEARCH_TEXT) : typed;
        model.addAttribute("q", text);
        model.addAttribute("maxSearchText", MAX_SEARCH_TEXT);
        model.addAttribute("mails", outbox.newest(SHOWN, text));
        model.addAttribute("backlog", outbox.backlog());
        model.addAttribute("shown", SHOWN);
        model.addAttribute("keptDays", properties.keepSent().toDays());
        model.addAttribute("givenUp", outbox.givenUp());
        model.addAttribute("maxAttempts", properties.relay().maxAttempts());
        return "notification/mails";
    }

    @GetMapping("/admin/mails/{id}")
    String mail(@PathVariable UUID id, Model model) {
        OutgoingMail mail = outbox.find(id).orElseThrow(() -> new NotFoundException("No mail " + id));
        model.addAttribute("mail", mail);
        model.addAttribute("maxAttempts", properties.relay().maxAttempts());
        model.addAttribute("aboutRequest", mail.kind().aboutRequest());
        model.addAttribute("reference", requests.findById(mail.requestId()).map(PurchaseRequest::reference).orElse(null));
        return "notification/mail";
    }
}
