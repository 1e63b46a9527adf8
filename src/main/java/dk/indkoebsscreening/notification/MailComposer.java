package dk.indkoebsscreening.notification;

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
    private final String messageIdDomain;

    MailComposer(ITemplateEngine templates, Clock clock, NotificationProperties properties) {
        this.templates = templates;
        this.clock = clock;
        this.messageIdDomain = domainOf(properties.from());
    }

    OutgoingMail compose(UUID factId, UUID requestId, MailKind kind, Recipient to, MailContent content) {
        return compose(factId, requestId, kind, to, content, DANISH, null);
    }

    /**
     * A mail in the given language; one to a vendor's contact names the invitation whose link the relay mints in place
     * of the placeholder its content holds.
     */
    OutgoingMail compose(UUID factId, UUID requestId, MailKind kind, Recipient to, MailContent content, Locale locale,
                         UUID vendorInvitation) {
        Context context = new Context(locale, Map.of("mail", content));
        UUID id = UUID.randomUUID();
        return new OutgoingMail(id, factId, requestId, kind, to.userId(), to.address(), content.subject(),
                templates.process("mail/notification.txt", context), templates.process("mail/notification", context),
                "<" + id + "@" + messageIdDomain + ">", clock.instant(), 0, null, null, vendorInvitation);
    }

    /** The sender's domain, for Message-IDs that say where a mail came from. */
    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            return address.substring(address.indexOf('@') + 1);
        } catch (AddressException | StringIndexOutOfBoundsException e) {
            throw new IllegalStateException("indkoeb.notifications.from is not an e-mail address: " + from, e);
        }
    }
}
