package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.notification.Recipients.Recipient;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.ScreeningGroups;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.security.PublicAddress;
import dk.indkoebsscreening.vendor.LinkRefusedException;
import dk.indkoebsscreening.vendor.VendorAnswered;
import dk.indkoebsscreening.vendor.VendorAnswers;
import dk.indkoebsscreening.vendor.VendorInvitation;
import dk.indkoebsscreening.vendor.VendorInvitations;
import dk.indkoebsscreening.vendor.VendorInvited;
import dk.indkoebsscreening.vendor.VendorLinks;
import dk.indkoebsscreening.vendor.VendorQuestionnaire;
import dk.indkoebsscreening.vendor.VendorReminderDue;
import dk.indkoebsscreening.web.Formats;
import dk.indkoebsscreening.web.Links;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The mails of the vendor questionnaire. To the vendor's contact (an address, not a user: no preferences), in the
 * invitation's language, the invitation and the reminder before the link expires: they say the municipality, the request's
 * title and what is asked, nothing else of the request. Their bodies hold {@link VendorLinks#PLACEHOLDER}; the relay mints
 * the link just before it hands the mail to the SMTP server ({@link #withLink}), so neither the outbox nor the
 * administrators' view of sent mails ever holds a working link. To the expert who invited and the experts of the areas
 * asked: the vendor answered.
 */
@Component
class VendorMails {

    private final VendorInvitations invitations;
    private final VendorAnswers answers;
    private final VendorLinks links;
    private final Requests requests;
    private final Recipients recipients;
    private final MailComposer composer;
    private final MailOutbox outbox;
    private final People people;
    private final Formats formats;
    private final MessageSource messages;
    private final PublicAddress address;
    private final Clock clock;
    private final ScreeningGroups screeningGroups;

    VendorMails(VendorInvitations invitations, VendorAnswers answers, VendorLinks links, Requests requests, Recipients recipients,
                MailComposer composer, MailOutbox outbox, People people, Formats formats, MessageSource messages,
                PublicAddress address, Clock clock, ScreeningGroups screeningGroups) {
        this.screeningGroups = screeningGroups;
        this.invitations = invitations;
        this.answers = answers;
        this.links = links;
        this.requests = requests;
        this.recipients = recipients;
        this.composer = composer;
        this.outbox = outbox;
        this.people = people;
        this.formats = formats;
        this.messages = messages;
        this.address = address;
        this.clock = clock;
    }

    @EventListener
    void invited(VendorInvited fact) {
        toVendor(MailKind.VENDOR_INVITATION, fact.requestId(), fact.invitationId());
    }

    @EventListener
    void reminderDue(VendorReminderDue fact) {
        toVendor(MailKind.VENDOR_REMINDER, fact.requestId(), fact.invitationId());
    }

    private void toVendor(MailKind kind, UUID requestId, UUID invitationId) {
        VendorInvitation invitation = invitation(requestId, invitationId);
        VendorQuestionnaire questionnaire = answers.questionnaire(invitationId);
        Locale locale = invitation.language().locale();
        Recipient to = Recipient.outsider(invitation.contactName(), invitation.contactEmail());
        String municipality = questionnaire.municipality();
        String title = questionnaire.requestTitle();
        inLanguage(locale, () -> {
            MailContent.Builder mail = MailContent.about(text(locale, "mail." + kind.key() + ".subject", municipality, title))
                    .greeting(text(locale, "mail.greeting.person", invitation.contactName()));
            if (kind == MailKind.VENDOR_INVITATION) {
                mail.paragraph(text(locale, "mail.vendorInvitation.lead", people.name(invitation.invitedBy()), municipality, title))
                        .paragraph(invitation.followUpQuestions().isEmpty() ? null
                                : text(locale, "mail.vendorInvitation.followUps", invitation.followUpQuestions().size()))
                        .paragraph(text(locale, "mail.vendorInvitation.how"))
                        .paragraph(text(locale, "mail.vendorInvitation.notYou"));
            } else {
                mail.paragraph(text(locale, "mail.vendorReminder.lead", municipality, title, formats.dateTime(invitation.expiresAt())));
            }
            mail.list(text(locale, "mail.vendor.areas"), questionnaire.concerned().stream()
                            .map(area -> text(locale, "area." + area.name())).toList())
                    .fact(text(locale, "mail.vendor.fact.municipality"), municipality)
                    .fact(text(locale, "mail.vendor.fact.about"), title)
                    .fact(text(locale, "mail.vendor.fact.expires"), formats.dateTime(invitation.expiresAt()))
                    .fact(text(locale, "mail.vendor.fact.contact"), people.person(invitation.invitedBy())
                            .map(person -> person.email() == null || person.email().isBlank() ? person.name()
                                    : person.name() + " (" + person.email() + ")")
                            .orElse(people.name(invitation.invitedBy())))
                    .action(text(locale, "mail.vendor.action"), VendorLinks.PLACEHOLDER)
                    .footer(text(locale, "mail.vendor.footer", municipality));
            outbox.add(composer.compose(UUID.randomUUID(), requestId, kind, to, mail.build(), locale, invitationId));
        });
    }

    /**
     * To the expert who invited and the experts of the areas asked, one mail per address; each is led to their own task
     * (one area), their inbox for the request (several) or the request (the coordinator who invited).
     */
    @EventListener
    void answered(VendorAnswered fact) {
        VendorInvitation invitation = invitation(fact.requestId(), fact.invitationId());
        PurchaseRequest request = requests.findById(fact.requestId()).orElseThrow(() -> new IllegalStateException("No request " + fact.requestId()));
        VendorQuestionnaire questionnaire = answers.questionnaire(invitation.id());
        int documents = answers.answers(invitation.id()).values().stream().mapToInt(answer -> answer.documents().size()).sum();
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        Map<String, List<Area>> areasByAddress = new LinkedHashMap<>();
        recipients.ofUser(invitation.invitedBy(), MailKind.VENDOR_ANSWERED).ifPresent(inviter -> {
            byAddress.put(inviter.address(), inviter);
            areasByAddress.put(inviter.address(), new ArrayList<>());
        });
        // a round of follow-up questions only concerns the areas answered before: their experts hear of it too
        for (Area area : questionnaire.concerned()) {
            for (Recipient to : recipients.ofGroup(screeningGroups.groupOf(area), MailKind.VENDOR_ANSWERED)) {
                byAddress.putIfAbsent(to.address(), to);
                areasByAddress.computeIfAbsent(to.address(), key -> new ArrayList<>()).add(area);
            }
        }
        UUID factId = UUID.randomUUID();
        Locale danish = MailComposer.DANISH;
        byAddress.forEach((mailAddress, to) -> inLanguage(danish, () -> {
            List<Area> areas = areasByAddress.get(mailAddress);
            String link = areas.size() == 1 ? Links.taskOf(request.id(), TaskType.SCREENING.name(), areas.get(0).name())
                    : areas.isEmpty() ? Links.request(request.id()) : Links.inboxFor(request.reference());
            MailContent content = MailContent.about(text(danish, "mail.vendorAnswered.subject", request.reference(), request.title()))
                    .greeting(to.isMailbox() ? text(danish, "mail.greeting.mailbox") : text(danish, "mail.greeting.person", to.name()))
                    .paragraph(text(danish, "mail.vendorAnswered.lead", invitation.vendorActor(), invitation.round()))
                    .paragraph(documents == 0 ? null : text(danish, "mail.vendorAnswered.documents", documents))
                    .fact(text(danish, "mail.fact.request"), request.reference() + " " + request.title())
                    .fact(text(danish, "mail.fact.system"), text(danish, "mail.fact.systemValue", request.systemName(), request.vendor()))
                    .action(text(danish, "mail.action.vendorAnswers"), address.of(link))
                    .footer(to.isMailbox() ? text(danish, "mail.footer.mailbox") : text(danish, "mail.footer.optional", address.of(Links.SETTINGS)))
                    .build();
            outbox.add(composer.compose(factId, request.id(), MailKind.VENDOR_ANSWERED, to, content));
        }));
    }

    /**
     * The mail as it is to be sent: a mail to a vendor gets a link minted now in place of the placeholder; empty when its
     * round can no longer be answered (revoked, expired, submitted, the request closed), so that it is not sent at all.
     */
    Optional<OutgoingMail> withLink(OutgoingMail mail) {
        if (mail.vendorInvitation() == null) {
            return Optional.of(mail);
        }
        boolean answerable = invitations.rounds(mail.requestId()).stream()
                .anyMatch(round -> round.id().equals(mail.vendorInvitation()) && round.answerableAt(clock.instant()));
        if (!answerable) {
            return Optional.empty();
        }
        String link;
        try {
            link = links.mint(mail.vendorInvitation());
        } catch (LinkRefusedException ended) {
            // Revoked or expired between the look above and the mint (which decides under the request's lock).
            return Optional.empty();
        }
        return Optional.of(new OutgoingMail(mail.id(), mail.factId(), mail.requestId(), mail.kind(), mail.recipientUser(), mail.recipient(),
                mail.subject(), mail.text().replace(VendorLinks.PLACEHOLDER, link), mail.html().replace(VendorLinks.PLACEHOLDER, link),
                mail.messageId(), mail.sender(), mail.createdAt(), mail.attempts(), mail.sentAt(), mail.lastError(), mail.vendorInvitation()));
    }

    private VendorInvitation invitation(UUID requestId, UUID invitationId) {
        return invitations.rounds(requestId).stream().filter(round -> round.id().equals(invitationId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No vendor invitation " + invitationId));
    }

    /** Composes with the language's formats (dates), whatever thread the step runs on. */
    private static void inLanguage(Locale locale, Runnable compose) {
        var previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            compose.run();
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
