package dk.indkoebsscreening.system;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What one HTTP request that only reads (GET, HEAD) looks up several times (a municipality's settings, a request, a
 * group's members): looked up once per request and kept in the request's attributes, under a key that names the
 * municipalities the work sees at the time. A request that writes, and work outside any request (jobs, the engine's
 * threads), asks every time. A reading request that changes such a thing after all forgets it ({@link #forget}).
 */
public final class RequestMemo {

    private static final String PREFIX = RequestMemo.class.getName() + ".";
    private static final Set<String> READING = Set.of("GET", "HEAD");

    private RequestMemo() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T of(String key, Supplier<T> lookUp) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (!(request instanceof ServletRequestAttributes servlet) || !READING.contains(servlet.getRequest().getMethod())) {
            return lookUp.get();
        }
        String name = PREFIX + key + "@" + Tenancy.current().map(Tenancy.Scope::key).orElse("");
        Object kept = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (kept == null) {
            kept = lookUp.get();
            request.setAttribute(name, kept, RequestAttributes.SCOPE_REQUEST);
        }
        return (T) kept;
    }

    /** Forgets what this request kept under keys starting so, after it changed it. */
    public static void forget(String keyPrefix) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
                if (name.startsWith(PREFIX + keyPrefix)) {
                    request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
                }
            }
        }
    }
}
