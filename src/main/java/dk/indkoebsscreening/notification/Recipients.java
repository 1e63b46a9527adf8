package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.security.People.Person;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who gets a mail: a person by their address in the identity service (or their last OpenID Connect login), or
 * a group's shared mailbox where one is configured instead of its members. A person without an address gets
 * no mail; one who turned mails off gets only reminders.
 */
@Component
class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    /**
     * @param userId null for a shared mailbox and for a vendor's contact; address lower-cased, so a person reached twice
     *               is one recipient
     * @param name   null for a shared mailbox
     */
    record Recipient(String userId, String name, String address) {

        /**
         * Someone outside the municipality (a vendor's contact) by the name and address the requester gave: no user, so no
         * mail preferences; the mail is about their invitation, which they cannot turn off.
         */
        static Recipient outsider(String name, String address) {
            return new Recipient(null, name, normalized(address));
        }

        boolean isMailbox() {
            return userId == null && name == null;
        }
    }

    private final People people;
    private final MailPreferences preferences;
    private final Municipalities municipalities;

    Recipients(People people, MailPreferences preferences, Municipalities municipalities) {
        this.people = people;
        this.preferences = preferences;
        this.municipalities = municipalities;
    }

    List<Recipient> ofGroup(String group, MailKind kind) {
        String mailbox = municipalities.current().groupMailboxes().get(group);
        if (mailbox != null && !mailbox.isBlank()) {
            return List.of(new Recipient(null, null, normalized(mailbox)));
        }
        return people.membersOf(group).stream().flatMap(person -> addressOf(person, kind).stream()).toList();
    }

    Optional<Recipient> ofUser(String userId, MailKind kind) {
        return people.person(userId).flatMap(person -> addressOf(person, kind));
    }

    private Optional<Recipient> addressOf(Person person, MailKind kind) {
        if (person.email() == null) {
            log.debug("No mail to {} ({}): no e-mail address", person.id(), kind);
            return Optional.empty();
        }
        if (kind.optional() && !preferences.wantsMail(person.id())) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(person.id(), person.name(), normalized(person.email())));
    }

    private static String normalized(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
