package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.notification.Recipients.Recipient;
import dk.indkoebsscreening.security.PublicAddress;
import dk.indkoebsscreening.supervision.DataProcessor;
import dk.indkoebsscreening.supervision.ProcessorSupervision;
import dk.indkoebsscreening.supervision.SupervisionFellDue;
import dk.indkoebsscreening.web.Formats;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The mails about a registered system's data processors, in the transaction of the supervision's step like every
 * mail ({@link Notifications}); they are about a system, not a request, so their facts name the system and processor.
 */
@Component
class SupervisionNotifications {

    private final Recipients recipients;
    private final MailComposer composer;
    private final MailOutbox outbox;
    private final Formats formats;
    private final MessageSource messages;
    private final PublicAddress address;

    SupervisionNotifications(Recipients recipients, MailComposer composer, MailOutbox outbox, Formats formats,
                             MessageSource messages, PublicAddress address) {
        this.recipients = recipients;
        this.composer = composer;
        this.outbox = outbox;
        this.formats = formats;
        this.messages = messages;
        this.address = address;
    }

    @EventListener
    void supervisionFellDue(SupervisionFellDue fact) {
        UUID factId = UUID.randomUUID();
        var previous = LocaleContextHolder.getLocaleContext();
        // The mail's language, whatever thread the timer's job runs on.
        LocaleContextHolder.setLocale(MailComposer.DANISH);
        try {
            for (Recipient to : recipients.ofGroup(ProcessorSupervision.SECURITY_GROUP, MailKind.SUPERVISION_DUE)) {
                outbox.add(composer.compose(factId, fact.systemId(), MailKind.SUPERVISION_DUE, to, content(fact, to)));
            }
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    private MailContent content(SupervisionFellDue fact, Recipient to) {
        DataProcessor processor = fact.processor();
        return MailContent.about(text("mail.supervisionDue.subject", processor.name(), fact.systemName()))
                .greeting(to.isMailbox() ? text("mail.greeting.mailbox") : text("mail.greeting.person", to.name()))
                .paragraph(text("mail.supervisionDue.lead", processor.name(), fact.systemName(), formats.date(processor.nextDue())))
                .fact(text("mail.fact.system"), fact.vendor() == null ? fact.systemName()
                        : text("mail.fact.systemValue", fact.systemName(), fact.vendor()))
                .fact(text("mail.supervisionDue.processor"), processor.name())
                .fact(text("mail.supervisionDue.processing"), processor.processing())
                .fact(text("mail.supervisionDue.method"), text("supervision.method." + processor.method()))
                .fact(text("mail.supervisionDue.interval"), text("supervision.months", processor.intervalMonths()))
                .paragraph(text("mail.supervisionDue.next"))
                .action(text("mail.action.supervise"), address.of("/opgaver"))
                .footer(to.isMailbox() ? text("mail.footer.mailbox") : text("mail.footer.optional", address.of("/indstillinger")))
                .build();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, MailComposer.DANISH);
    }
}
