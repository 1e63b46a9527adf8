package dk.indkoebsscreening.security;

import dk.indkoebsscreening.security.People.Person;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Sql;
import dk.indkoebsscreening.system.Tenancy;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * The people who logged in through OpenID Connect, as their last ID token described them ({@code person}):
 * Camunda's identity service knows only the users created in it, so without this a group's members from
 * Entra ID / AD FS could not be mailed nor shown by name. A person's groups are those of their last login.
 */
@Component
class PersonDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final InstallationProperties installation;

    PersonDirectory(JdbcClient jdbc, Clock clock, InstallationProperties installation) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.installation = installation;
    }

    /**
     * Kept in the municipality the login placed the person in (the shared organisation's people in the organisation's),
     * so each municipality knows its own people only: the same user id at two municipalities' providers is two people.
     */
    @EventListener
    void loggedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof OidcUser oidc) {
            CurrentUser user = CurrentUser.of(event.getAuthentication());
            String organisation = user.municipality().orElseGet(() -> user.ofSharedOrganisation()
                    ? installation.sharedOrganisation().id() : installation.municipalityId());
            Tenancy.runAs(organisation, () -> remember(user.username(), displayName(oidc), oidc.getEmail(),
                    event.getAuthentication().getAuthorities().stream().map(GrantedAuthority::getAuthority)
                            .filter(Groups::isOurs).toList()));
        }
    }

    private void remember(String userId, String name, String email, List<String> groups) {
        jdbc.sql("""
                insert into person (user_id, name, email, groups, seen_at) values (:id, :name, :email, :groups, :now)
                on conflict (user_id, tenant_id) do update set name = excluded.name, email = excluded.email,
                    groups = excluded.groups, seen_at = excluded.seen_at
                """)
                .param("id", userId)
                .param("name", name)
                .param("email", email == null || email.isBlank() ? null : email.strip())
                .param("groups", groups.toArray(String[]::new))
                .param("now", Sql.timestamp(clock.instant()))
                .update();
    }

    /** Where the scope sees several municipalities' people of this id (work across all), the acting one's comes first. */
    Optional<Person> find(String userId) {
        return jdbc.sql("""
                        select user_id, name, email from person where user_id = :id
                        order by tenant_id is not distinct from nullif(current_setting('indkoeb.tenant', true), '') desc, tenant_id
                        limit 1""")
                .param("id", userId)
                .query((row, n) -> new Person(row.getString(1), nameOr(row.getString(2), row.getString(1)), row.getString(3)))
                .optional();
    }

    /** The people whose last login put them in any of the groups; only this user's row when given. */
    List<Person> membersOf(Collection<String> groups, String onlyUser) {
        return jdbc.sql("""
                        select user_id, name, email from person
                         where groups && cast(:groups as text[]) and (cast(:onlyUser as text) is null or user_id = :onlyUser)
                         order by user_id""")
                .param("groups", groups.toArray(String[]::new))
                .param("onlyUser", onlyUser)
                .query((row, n) -> new Person(row.getString(1), nameOr(row.getString(2), row.getString(1)), row.getString(3)))
                .list();
    }

    private static String displayName(OidcUser oidc) {
        if (oidc.getFullName() != null && !oidc.getFullName().isBlank()) {
            return oidc.getFullName().strip();
        }
        String joined = ((oidc.getGivenName() == null ? "" : oidc.getGivenName()) + " "
                + (oidc.getFamilyName() == null ? "" : oidc.getFamilyName())).strip();
        return joined.isEmpty() ? null : joined;
    }

    private static String nameOr(String name, String userId) {
        return name == null || name.isBlank() ? userId : name;
    }
}
