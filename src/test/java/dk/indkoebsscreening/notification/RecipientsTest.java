package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.notification.Recipients.Recipient;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.security.People.Person;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Who a mail goes to: a group's shared mailbox instead of its members, addresses compared without case. */
class RecipientsTest {

    private final People people = mock(People.class);
    private final MailPreferences preferences = mock(MailPreferences.class);

    private Recipients recipients(Map<String, String> mailboxes) {
        Municipalities municipalities = mock(Municipalities.class);
        when(municipalities.current()).thenReturn(new Municipality("kommune", "Demo Kommune", null, null,
                "Indkøbsscreening <x@demo.kommune.dk>", null, 1000, BigDecimal.valueOf(100_000), null,
                URI.create("urn:indkoebsscreening:demo-kommune"), mailboxes, Set.of(), Instant.EPOCH, Instant.EPOCH));
        return new Recipients(people, preferences, municipalities);
    }

    @Test
    void aGroupWithASharedMailboxIsMailedThereInsteadOfItsMembers() {
        when(people.membersOf("screening-security")).thenReturn(List.of(new Person("sikkerhed", "Sara", "sikkerhed@demo.kommune.dk")));

        assertThat(recipients(Map.of("screening-security", " IT-Sikkerhed@Demo.Kommune.dk ")).ofGroup("screening-security", MailKind.REMINDER))
                .containsExactly(new Recipient(null, null, "it-sikkerhed@demo.kommune.dk"));
        assertThat(recipients(Map.of()).ofGroup("screening-security", MailKind.REMINDER))
                .containsExactly(new Recipient("sikkerhed", "Sara", "sikkerhed@demo.kommune.dk"));
    }

    @Test
    void someoneWithoutAnAddressOrWhoTurnedMailsOffGetsOnlyWhatTheyMust() {
        when(people.person("uden")).thenReturn(Optional.of(new Person("uden", "Uden Adresse", null)));
        when(people.person("fra")).thenReturn(Optional.of(new Person("fra", "Slået Fra", "Fra@demo.kommune.dk")));
        when(preferences.wantsMail("fra")).thenReturn(false);

        assertThat(recipients(Map.of()).ofUser("uden", MailKind.DECISION)).isEmpty();
        assertThat(recipients(Map.of()).ofUser("fra", MailKind.DECISION)).isEmpty();
        assertThat(recipients(Map.of()).ofUser("fra", MailKind.REMINDER)).contains(new Recipient("fra", "Slået Fra", "fra@demo.kommune.dk"));
    }
}
