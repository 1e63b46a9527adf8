package dk.indkoebsscreening.vendor.portal;

import dk.indkoebsscreening.system.ScopedRequestFilter;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.vendor.VendorLinks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a vendor's request in the municipality of its invitation, as no user's municipality can say whose it is: a link's
 * landing page and its exchange in the municipality of the token's invitation ({@link VendorLinks#municipalityOf}), the
 * pages after in the one the vendor's session names. A token of no invitation, a token from an address that must wait
 * ({@link VendorRateLimit}: it gets no link looked up, here neither), or a request without a vendor's session keeps the
 * scope it had. After the security filters, which have read the session by then.
 */
class VendorMunicipalityFilter extends ScopedRequestFilter {

    private static final String EXCHANGE = "/leverandoer/adgang";

    private final VendorLinks links;
    private final VendorRateLimit limit;

    VendorMunicipalityFilter(VendorLinks links, VendorRateLimit limit) {
        this.links = links;
        this.limit = limit;
    }

    @Override
    protected Optional<Tenancy.Scope> scopeOf(HttpServletRequest request) {
        return municipalityOf(request).map(Tenancy.Scope::of);
    }

    private Optional<String> municipalityOf(HttpServletRequest request) {
        // A link opened in a browser with a vendor's session of another round is that link's round's.
        Optional<String> token = token(request);
        if (token.isPresent()) {
            return limit.linkWait(request.getRemoteAddr()).isPresent() ? Optional.empty() : links.municipalityOf(token.get());
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof VendorAuthentication vendor ? Optional.ofNullable(vendor.municipality()) : Optional.empty();
    }

    /** The token of a link's landing page (in its address) or exchange (the form's field); empty for any other request. */
    private static Optional<String> token(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(VendorLinks.PATH)) {
            return Optional.of(path.substring(VendorLinks.PATH.length()));
        }
        if (path.equals(EXCHANGE) && "POST".equals(request.getMethod())) {
            return Optional.ofNullable(request.getParameter("token"));
        }
        return Optional.empty();
    }
}
