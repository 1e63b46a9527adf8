package dk.indkoebsscreening.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs each web request in the scope of its municipality ({@link TenantReach}), so every connection the request
 * borrows sees that municipality's rows only. Registered twice: before the security filters with no municipality's rows
 * (nothing they do reads them, and a request nobody signed in to reads none), and after them with the signed-in user's.
 * The reach is looked up at the first request, not when the filter is made: filters are made early, before the beans
 * the reach may need.
 */
class TenantScopeFilter extends ScopedRequestFilter {

    private final Function<HttpServletRequest, Optional<Tenancy.Scope>> reach;

    private TenantScopeFilter(Function<HttpServletRequest, Optional<Tenancy.Scope>> reach) {
        this.reach = reach;
    }

    /** Before the user is known: no municipality's rows. */
    static TenantScopeFilter beforeSignIn() {
        return new TenantScopeFilter(request -> Optional.of(Tenancy.Scope.NOBODY));
    }

    /** Once the user is known: theirs (a slice of the application without a reach keeps the scope before). */
    static TenantScopeFilter ofSignedInUser(ObjectProvider<TenantReach> reach) {
        // Once found, kept: resolving a provider walks the bean factory's candidates on every call.
        Supplier<TenantReach> known = SingletonSupplier.of(reach::getIfAvailable);
        return new TenantScopeFilter(request -> Optional.ofNullable(known.get()).flatMap(found -> found.scopeOf(request)));
    }

    @Override
    protected Optional<Tenancy.Scope> scopeOf(HttpServletRequest request) {
        return reach.apply(request);
    }
}
