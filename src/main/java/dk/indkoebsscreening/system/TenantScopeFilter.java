package dk.indkoebsscreening.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Runs each web request in the scope of its municipality ({@link TenantReach}), so every connection the request
 * borrows sees that municipality's rows only. The reach is looked up at the first request, not when the filter is
 * made: filters are made early, before the beans the reach may need.
 */
class TenantScopeFilter extends ScopedRequestFilter {

    private final ObjectProvider<TenantReach> reach;

    TenantScopeFilter(ObjectProvider<TenantReach> reach) {
        this.reach = reach;
    }

    @Override
    protected Optional<Tenancy.Scope> scopeOf(HttpServletRequest request) {
        return Optional.of(reach.getObject().scopeOf(request));
    }
}
