package dk.indkoebsscreening.security;

import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Tenancy;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People by name rather than user id, for the pages ({@code @people.name(id)}): "Anna Andersen", and with
 * their e-mail address, for notifications. A person is a user of Camunda's identity service or someone who
 * logged in through OpenID Connect ({@link PersonDirectory}); where both know a user id, the municipality's own record
 * of its person wins: the identity service's users are the installation's, and the same user id at a municipality's
 * provider is that municipality's person (Sydby's "koordinator" is not Nordby's). A user nobody knows (or without a
 * name) is shown by the id. Names are remembered for a few minutes per municipality, so a list of fifty tasks costs no
 * fifty look-ups.
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
    private final InstallationProperties installation;
    private final Map<String, Remembered> names = new ConcurrentHashMap<>();

    People(IdentityService identityService, PersonDirectory directory, InstallationProperties installation) {
        this.identityService = identityService;
        this.directory = directory;
        this.installation = installation;
    }

    public String name(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        String key = Tenancy.currentTenant().orElse("") + "/" + userId;
        Remembered remembered = names.get(key);
        if (remembered != null && System.nanoTime() - remembered.until() < 0) {
            return remembered.name();
        }
        String name = person(userId).map(Person::name).orElse(userId);
        if (names.size() >= MAX_REMEMBERED) {
            names.clear();
        }
        names.put(key, new Remembered(name, System.nanoTime() + REMEMBER_NANOS));
        return name;
    }

    public Optional<Person> person(String userId) {
        return directory.find(userId).or(() -> Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
                .map(People::of));
    }

    /**
     * The members of a group in the municipality the work acts for (by the identity service's memberships and the
     * groups of OpenID Connect logins, whose rows are their municipality's): a municipality's coordinators are its own.
     * The shared organisation's groups and the administrators are every municipality's.
     */
    public List<Person> membersOf(String group) {
        Map<String, Person> members = new LinkedHashMap<>();
        List<User> users = identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list();
        if (Groups.isEveryMunicipalitys(group)) {
            users.forEach(user -> members.put(user.getId(), of(user)));
        } else {
            String municipality = installation.municipalityOfTheWork();
            Set<String> ofTheOrganisation = new HashSet<>();
            identityService.createUserQuery().memberOfGroup(Groups.SHARED_ORGANISATION).list().forEach(user -> ofTheOrganisation.add(user.getId()));
            users.stream().filter(user -> !ofTheOrganisation.contains(user.getId()) && belongsTo(user.getId(), municipality))
                    .forEach(user -> members.put(user.getId(), of(user)));
        }
        directory.membersOf(group).forEach(person -> members.putIfAbsent(person.id(), person));
        return List.copyOf(members.values());
    }

    /** A member of the municipality's tenant, or of none in the installation's municipality (as before there were several). */
    private boolean belongsTo(String userId, String municipality) {
        List<String> tenants = identityService.createTenantQuery().userMember(userId).list().stream().map(Tenant::getId).toList();
        return tenants.isEmpty() ? municipality.equals(installation.municipalityId()) : tenants.equals(List.of(municipality));
    }

    private static Person of(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new Person(user.getId(), name.isEmpty() ? user.getId() : name,
                user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail());
    }
}
