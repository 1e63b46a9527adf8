package dk.indkoebsscreening.process;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The identity service's groups by SQL over its tables, where its query API would take a look-up per member to learn
 * each one's tenants: a page asks for the members of each group it shows.
 */
@Component
public class IdentityTables {

    /** A user as the identity service keeps it. */
    public record Member(String id, String firstName, String lastName, String email) {
    }

    /**
     * Whom of a group's members to take: those of the tenant and of no other, or — when {@code untenanted} — of no tenant
     * at all; never a member of {@code excludedGroup}.
     */
    public record TenantRule(String tenant, boolean untenanted, String excludedGroup) {
    }

    private final JdbcClient jdbc;

    IdentityTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The members of any of the groups by user id, each once, all of them when the rule is null.
     *
     * @param onlyUser only this user's row, when given
     */
    public List<Member> members(Collection<String> groups, TenantRule rule, String onlyUser) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select u.id_, u.first_, u.last_, u.email_ from act_id_user u
                         where exists (select 1 from act_id_membership m where m.user_id_ = u.id_ and m.group_id_ in (:groups))
                           and (cast(:onlyUser as varchar) is null or u.id_ = :onlyUser)
                           and (not :ruled
                            or not exists (select 1 from act_id_membership x where x.user_id_ = u.id_ and x.group_id_ = :excluded)
                               and case when exists (select 1 from act_id_tenant_member t where t.user_id_ = u.id_)
                                        then not exists (select 1 from act_id_tenant_member t where t.user_id_ = u.id_
                                                                                               and t.tenant_id_ <> :tenant)
                                             and exists (select 1 from act_id_tenant_member t where t.user_id_ = u.id_
                                                                                           and t.tenant_id_ = :tenant)
                                        else :untenanted end)
                         order by u.id_""")
                .param("groups", groups)
                .param("onlyUser", onlyUser)
                .param("ruled", rule != null)
                .param("excluded", rule == null ? "" : rule.excludedGroup())
                .param("tenant", rule == null ? "" : rule.tenant())
                .param("untenanted", rule != null && rule.untenanted())
                .query((row, n) -> new Member(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                .list();
    }
}
