package dk.indkoebsscreening.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/** The JSON API answers in Danish, or in English when the caller's Accept-Language asks for it first. */
public final class ApiLanguage {

    public static final Locale DANISH = Locale.forLanguageTag("da");
    public static final List<Locale> SUPPORTED = List.of(DANISH, Locale.ENGLISH);

    private ApiLanguage() {
    }

    /** Without an Accept-Language header the container would fall back to the JVM's locale; we do not. */
    public static Locale of(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return DANISH;
        }
        String requested = request.getLocale().getLanguage();
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(requested)).findFirst().orElse(DANISH);
    }
}
