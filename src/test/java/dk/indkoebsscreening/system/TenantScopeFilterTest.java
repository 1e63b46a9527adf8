package dk.indkoebsscreening.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A web request runs in the scope its reach gives it, and leaves none behind on the server's pooled thread. */
class TenantScopeFilterTest {

    private final Tenancy.Scope nordby = new Tenancy.Scope("nordby", Set.of("nordby"), false);
    private final TenantScopeFilter filter = TenantScopeFilter.ofSignedInUser(reach(request -> Optional.of(nordby)));

    @Test
    void theRequestRunsInItsMunicipalitysScopeAndTheThreadIsLeftWithout() throws Exception {
        AtomicReference<Tenancy.Scope> during = new AtomicReference<>();

        filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> during.set(Tenancy.current().orElseThrow()));

        assertThat(during.get()).isEqualTo(nordby);
        assertThat(Tenancy.current()).isEmpty();
    }

    @Test
    void aFailingRequestFailsAsItWouldWithoutTheFilterAndLeavesNoScope() {
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> {
                    throw new ServletException("failed");
                })).isInstanceOf(ServletException.class).hasMessage("failed");
        assertThat(Tenancy.current()).isEmpty();
    }

    @Test
    void beforeTheSignInARequestSeesNoMunicipalitysRowsAndWithoutASignedInUserItStaysSo() throws Exception {
        AtomicReference<Tenancy.Scope> during = new AtomicReference<>();
        TenantScopeFilter nobodySignedIn = TenantScopeFilter.ofSignedInUser(reach(request -> Optional.empty()));

        TenantScopeFilter.beforeSignIn().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> nobodySignedIn.doFilter(request, response,
                        (inner, innerResponse) -> during.set(Tenancy.current().orElseThrow())));

        assertThat(during.get()).isEqualTo(Tenancy.Scope.NOBODY);
        assertThat(during.get().sees("nordby")).isFalse();
        assertThat(Tenancy.current()).isEmpty();
    }

    private static ObjectProvider<TenantReach> reach(TenantReach reach) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("reach", reach);
        return beans.getBeanProvider(TenantReach.class);
    }
}
