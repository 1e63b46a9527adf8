package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.notification.Recipients.Recipient;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Lays a mail's content out as HTML and as plain text, from the same templates for every kind of mail. */
@Component
class MailComposer {

    static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private final ITemplateEngine templates;
    private final Clock clock;
    private final Municipalities municipalities;

    MailComposer(ITemplateEngine templates, Clock clock, Municipalities municipalities) {
        this.templates = templates;
        this.clock = clock;
        this.municipalities = municipalities;
    }

    OutgoingMail compose(UUID factId, UUID requestId, MailKind kind, Recipient to, MailContent content) {
        return compose(factId, requestId, kind, to, content, DANISH, null);
    }

    /**
     * A mail in the given language, from the municipality the step acts for (its sender, kept with the mail for the
     * relay, which sends later and for every municipality); one to a vendor's contact names the invitation whose link
     * the relay mints in place of the placeholder its content holds.
     */
    OutgoingMail compose(UUID factId, UUID requestId, MailKind kind, Recipient to, MailContent content, Locale locale,
                         UUID vendorInvitation) {
        Context context = new Context(locale, Map.of("mail", content));
        UUID id = UUID.randomUUID();
        String sender = municipalities.current().mailSender();
        return new OutgoingMail(id, factId, requestId, kind, to.userId(), to.address(), content.subject(),
                templates.process("mail/notification.txt", context), templates.process("mail/notification", context),
                "<" + id + "@" + domainOf(sender) + ">", sender, clock.instant(), 0, null, null, vendorInvitation);
    }

    /** The sender's domain, for Message-IDs that say where a mail came from. */
    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            return address.substring(address.indexOf('@') + 1);
        } catch (AddressException | StringIndexOutOfBoundsException e) {
            throw new IllegalStateException("The municipality's mail sender is not an e-mail address: " + from, e);
        }
    }
}
