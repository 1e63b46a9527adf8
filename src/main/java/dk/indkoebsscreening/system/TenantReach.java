package dk.indkoebsscreening.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Which municipalities a web request of a signed-in user may act for and see ({@link TenantScopeFilter}), asked once
 * Spring Security knows the user.
 */
public interface TenantReach {

    /** The signed-in user's scope; empty where there is no such user (the request then sees no municipality's rows). */
    Optional<Tenancy.Scope> scopeOf(HttpServletRequest request);
}
