package dk.indkoebsscreening.system;

import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What one HTTP request looks up several times and cannot change while it is answered (a municipality's settings, a
 * group's members): looked up once per request and kept in the request's attributes. Outside a request (jobs, the
 * engine's threads) every look-up asks again. A request that changes such a thing forgets it ({@link #forget}).
 */
public final class RequestMemo {

    private static final String PREFIX = RequestMemo.class.getName() + ".";

    private RequestMemo() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T of(String key, Supplier<T> lookUp) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return lookUp.get();
        }
        Object kept = request.getAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
        if (kept == null) {
            kept = lookUp.get();
            request.setAttribute(PREFIX + key, kept, RequestAttributes.SCOPE_REQUEST);
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
