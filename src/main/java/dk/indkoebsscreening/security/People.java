package dk.indkoebsscreening.security;

import dk.indkoebsscreening.process.IdentityTables;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.KeptAWhile;
import dk.indkoebsscreening.system.Tenancy;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People by name rather than user id, for the pages ({@code #people.name(id)}): "Anna Andersen", and with
 * their e-mail address, for notifications. A person is a user of Camunda's identity service or someone who
 * logged in through OpenID Connect ({@link PersonDirectory}); where both know a user id, the municipality's own record
 * of its person wins: the identity service's users are the installation's, and the same user id at a municipality's
 * provider is that municipality's person (Sydby's "koordinator" is not Nordby's). A user nobody knows (or without a
 * name) is shown by the id. Names are remembered for a few minutes per municipality, so a list of fifty tasks costs no
 * fifty look-ups.
 */
@Component("people")
public class People {


    /** @param email null when nobody gave one */
    public record Person(String id, String name, String email) {
    }

    private final IdentityService identityService;
    private final PersonDirectory directory;
    private final InstallationProperties installation;
    private final IdentityTables identityTables;
    private final KeptAWhile<String> names = new KeptAWhile<>(Duration.ofMinutes(5));

    People(IdentityService identityService, PersonDirectory directory, InstallationProperties installation,
           IdentityTables identityTables) {
        this.identityService = identityService;
        this.directory = directory;
        this.installation = installation;
        this.identityTables = identityTables;
    }

    public String name(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        return names.get(Tenancy.currentTenant().orElse("") + "/" + userId, () -> person(userId).map(Person::name).orElse(userId));
    }

    public Optional<Person> person(String userId) {
        return directory.find(userId).or(() -> Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
                .map(People::of));
    }

    /**
     * The members of a group in the municipality the work acts for (by the identity service's memberships and the
     * groups of OpenID Connect logins, whose rows are their municipality's): a municipality's coordinators are its own.
     * The shared organisation's groups and the administrators are every municipality's. One query of the identity
     * service's tables ({@link IdentityTables}), whatever the group's size: a page asks for each group it shows.
     */
    public List<Person> membersOf(String group) {
        Map<String, Person> members = new LinkedHashMap<>();
        identityMembers(List.of(group), Groups.isEveryMunicipalitys(group), null).forEach(person -> members.put(person.id(), person));
        directory.membersOf(List.of(group), null).forEach(person -> members.putIfAbsent(person.id(), person));
        return List.copyOf(members.values());
    }

    /** Whether the user is one of {@link #membersOf} the group, without listing the others. */
    public boolean isMember(String group, String userId) {
        return isMemberOfAny(List.of(group), userId);
    }

    /** Whether the user is one of {@link #membersOf} any of the groups: at most three look-ups, however many groups. */
    public boolean isMemberOfAny(Collection<String> groups, String userId) {
        if (userId == null) {
            return false;
        }
        Map<Boolean, List<String>> byReach = groups.stream().distinct().collect(Collectors.partitioningBy(Groups::isEveryMunicipalitys));
        return byReach.entrySet().stream().anyMatch(reach -> !identityMembers(reach.getValue(), reach.getKey(), userId).isEmpty())
                || !directory.membersOf(groups, userId).isEmpty();
    }

    /**
     * The identity service's members of the groups (all every municipality's, or all a municipality's) in the
     * municipality of the work; only this user's row when given.
     */
    private List<Person> identityMembers(Collection<String> groups, boolean everyMunicipalitys, String onlyUser) {
        String municipality = installation.municipalityOfTheWork();
        // A person of no tenant is the installation's municipality's, as before there were several.
        IdentityTables.TenantRule rule = everyMunicipalitys ? null : new IdentityTables.TenantRule(municipality,
                municipality.equals(installation.municipalityId()), Groups.SHARED_ORGANISATION);
        return identityTables.members(groups, rule, onlyUser).stream()
                .map(member -> of(member.id(), member.firstName(), member.lastName(), member.email())).toList();
    }

    private static Person of(User user) {
        return of(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail());
    }

    private static Person of(String id, String firstName, String lastName, String email) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return new Person(id, name.isEmpty() ? id : name, email == null || email.isBlank() ? null : email);
    }
}
