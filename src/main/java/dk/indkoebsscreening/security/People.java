package dk.indkoebsscreening.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People by name rather than user id, for the pages ({@code @people.name(id)}): "Anna Andersen", and with
 * their e-mail address, for notifications. A person is a user of Camunda's identity service or someone who
 * logged in through OpenID Connect ({@link PersonDirectory}); the identity service wins where both know
 * them. A user nobody knows (or without a name) is shown by the id. Names are remembered for a few
 * minutes, so a list of fifty tasks costs no fifty look-ups.
 */
@Component("people")
public class People {

    private static final long REMEMBER_NANOS = Duration.ofMinutes(5).toNanos();
    private static final int MAX_REMEMBERED = 10_000;

    /** @param email null when nobody gave one */
    public record Person(String id, String name, String email) {
    }

    private record Remembered(String name, long until) {
    }

    private final IdentityService identityService;
    private final PersonDirectory directory;
    private final Map<String, Remembered> names = new ConcurrentHashMap<>();

    People(IdentityService identityService, PersonDirectory directory) {
        this.identityService = identityService;
        this.directory = directory;
    }

    public String name(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        Remembered remembered = names.get(userId);
        if (remembered != null && System.nanoTime() - remembered.until() < 0) {
            return remembered.name();
        }
        String name = person(userId).map(Person::name).orElse(userId);
        if (names.size() >= MAX_REMEMBERED) {
            names.clear();
        }
        names.put(userId, new Remembered(name, System.nanoTime() + REMEMBER_NANOS));
        return name;
    }

    public Optional<Person> person(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user != null ? Optional.of(of(user)) : directory.find(userId);
    }

    /** The members of a group (by the identity service's memberships and the groups of OpenID Connect logins). */
    public List<Person> membersOf(String group) {
        Map<String, Person> members = new LinkedHashMap<>();
        identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
                .forEach(user -> members.put(user.getId(), of(user)));
        directory.membersOf(group).forEach(person -> members.putIfAbsent(person.id(), person));
        return List.copyOf(members.values());
    }

    private static Person of(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new Person(user.getId(), name.isEmpty() ? user.getId() : name,
                user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail());
    }
}
