package dk.indkoebsscreening.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs the rest of a web request in a municipality's scope ({@link Tenancy#callIn}) when {@link #scopeOf} names one,
 * and leaves none behind on the server's pooled thread, also when the request fails. Its error and async dispatches
 * are filtered too, so an error page is shown in the scope of the request that failed.
 */
public abstract class ScopedRequestFilter extends OncePerRequestFilter {

    /** The scope the rest of the request runs in; empty leaves the scope the request had. */
    protected abstract Optional<Tenancy.Scope> scopeOf(HttpServletRequest request);

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Tenancy.Scope> scope = scopeOf(request);
        if (scope.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            Tenancy.callIn(scope.get(), () -> {
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
