package dk.indkoebsscreening.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs each web request in the scope of its municipality ({@link TenantReach}), so every connection the request
 * borrows sees that municipality's rows only. The reach is looked up at the first request, not when the filter is
 * made: filters are made early, before the beans the reach may need.
 */
class TenantScopeFilter extends OncePerRequestFilter {

    private final ObjectProvider<TenantReach> reach;

    TenantScopeFilter(ObjectProvider<TenantReach> reach) {
        this.reach = reach;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            Tenancy.callIn(reach.getObject().scopeOf(request), () -> {
                try {
                    chain.doFilter(request, response);
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new ServletFailure(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (ServletFailure e) {
            throw (ServletException) e.getCause();
        }
    }

    /** Carries a {@link ServletException} out of the scope's {@code Supplier}. */
    private static final class ServletFailure extends RuntimeException {
        ServletFailure(ServletException cause) {
            super(cause);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
